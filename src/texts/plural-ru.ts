/**
 * Russian nouns after numbers: the form depends on the last two digits (`1 номер`, `2 номера`,
 * `5 номеров`, `11 номеров`, `21 номер`, `142 номера`). A leaf module with no dependency, so the
 * browser's SMS counter can use it without the read models.
 * @module
 */

/** The three forms of a noun in one case: for 1 (`номер`), for 2–4 (`номера`), for 5–20 (`номеров`). */
export type RussianForms = readonly [one: string, few: string, many: string];

/** The form of a noun that goes with `count` (integer; the sign is ignored). */
export const pluralRu = (count: number, forms: RussianForms): string => {
  const n = Math.abs(Math.trunc(count));
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
};

/** The separator of thousands in Russian texts: the no-break space U+00A0 (as the read models use). */
const THOUSANDS_SEPARATOR_RU = '\u00a0';

/** An integer as Russian texts write it: thousands grouped with a no-break space from 1 000 (`3 000`). */
export const formatCountRu = (n: number): string => {
  const digits = String(Math.abs(n));
  const grouped =
    Math.abs(n) < 1000 ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR_RU);
  return n < 0 ? `-${grouped}` : grouped;
};
