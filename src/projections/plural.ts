/**
 * Russian plurals: `1 номер`, `2 номера`, `5 номеров`, `11 номеров`, `21 номер`, `142 номера`.
 * @module
 */

/** The three Russian forms of a noun: for 1 (`номер`), for 2–4 (`номера`), for 5–20 (`номеров`). */
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

/** `count` followed by the right form, e.g. `142 номера`. */
export const countRu = (count: number, forms: RussianForms): string => `${count} ${pluralRu(count, forms)}`;

/** Forms of «номер». */
export const NUMBER_FORMS: RussianForms = ['номер', 'номера', 'номеров'];

/** `Всего 142 номера`: the count line of the source's numbers table. */
export const totalNumbersRu = (count: number): string => `Всего ${countRu(count, NUMBER_FORMS)}`;
