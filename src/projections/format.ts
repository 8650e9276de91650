/**
 * Numbers, money and sizes for people, in integer arithmetic only (a value is rounded half up
 * once, to the decimals shown).
 *
 * Russian: thousands grouped with a no-break space, U+00A0, as CLDR's Russian locale does
 * (`3 000`, `1 500 ₽`), in every number of 1 000 or more; kopecks after a decimal comma
 * (`1 500,00 ₽`); sizes keep the point of the storage dialog (`0.08 из 1 ГБ`). English:
 * thousands grouped with a comma, a decimal point, the rouble sign first (`3,000`, `₽1,500.00`).
 * Identifiers (phone numbers, short numbers, ids) are not quantities and are never grouped.
 * @module
 */
import { GIB, KOPECKS_PER_ROUBLE } from '../catalogue/units.js';
import type { Language } from './labels.js';

/** The separator of thousands in Russian texts: the no-break space U+00A0. */
export const THOUSANDS_SEPARATOR_RU = '\u00a0';

const SEPARATORS: Record<Language, { readonly thousands: string; readonly decimal: string }> = {
  ru: { thousands: THOUSANDS_SEPARATOR_RU, decimal: ',' },
  en: { thousands: ',', decimal: '.' },
};

/** `⌊(2·a + b) / (2·b)⌋` for non-negative integers: `a / b` rounded half up, exactly. */
export const divideHalfUp = (numerator: number, denominator: number): number => {
  const a = 2 * numerator + denominator;
  const b = 2 * denominator;
  let q = Math.floor(a / b);
  // Guard the float division (exact below 2⁵³, but cheap to make certain).
  while (q * b > a) q--;
  while ((q + 1) * b <= a) q++;
  return q;
};

/** Groups the digits of a non-negative integer by thousands; below 1 000 it is left as it is. */
const group = (whole: number, separator: string): string => {
  const digits = String(whole);
  return whole < 1000 ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
};

/** An integer for people: `3 000` (ru), `3,000` (en); `999` stays `999`. */
export const formatCount = (n: number, language: Language = 'ru'): string =>
  (n < 0 ? '-' : '') + group(Math.abs(n), SEPARATORS[language].thousands);

const money = (kopecks: number, language: Language, alwaysKopecks: boolean): string => {
  const { thousands, decimal } = SEPARATORS[language];
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  const whole = group(Math.floor(abs / KOPECKS_PER_ROUBLE), thousands);
  const cents = abs % KOPECKS_PER_ROUBLE;
  const amount =
    cents === 0 && !alwaysKopecks ? whole : `${whole}${decimal}${String(cents).padStart(2, '0')}`;
  return language === 'ru' ? `${sign}${amount} ₽` : `${sign}₽${amount}`;
};

/** Kopecks as money with kopecks shown, as bills show it: `1 500,00 ₽` (ru), `₽1,500.00` (en). */
export const formatMoney = (kopecks: number, language: Language = 'ru'): string =>
  money(kopecks, language, true);

/**
 * A price as the dialogs show it: whole roubles without kopecks (`1 500 ₽`, en `₽1,500`),
 * anything else with them (`150,50 ₽`, en `₽150.50`).
 */
export const formatPrice = (kopecks: number, language: Language = 'ru'): string =>
  money(kopecks, language, false);

/** A size with `decimals` decimals after a point, half up; the integer part grouped as counts are. */
const formatScaled = (bytes: number, unit: number, decimals: number, language: Language): string => {
  const scale = 10 ** decimals;
  const scaled = divideHalfUp(bytes * scale, unit);
  const whole = formatCount(Math.floor(scaled / scale), language);
  if (decimals === 0) return whole;
  return `${whole}.${String(scaled % scale).padStart(decimals, '0')}`;
};

/** Gigabytes (1 GB = 1024³ bytes) with `decimals` decimals, half up, e.g. `0.08`, `5.00`, `6.0`. */
export const formatGigabytes = (bytes: number, decimals: number, language: Language = 'ru'): string =>
  formatScaled(bytes, GIB, decimals, language);

/** Whole gigabytes as an integer (`1`), anything else with two decimals (`1.50`). */
export const formatGigabytesShort = (bytes: number, language: Language = 'ru'): string =>
  bytes % GIB === 0 ? formatCount(bytes / GIB, language) : formatGigabytes(bytes, 2, language);

/** Megabytes (1 MB = 1024² bytes) with one decimal, half up: `12.5`, `1 024.0`. */
export const formatMegabytes = (bytes: number, language: Language = 'ru'): string =>
  formatScaled(bytes, 1024 * 1024, 1, language);

/** A Russian E.164 number spelled for people, `+7 912 345-67-89`; other numbers as they are. */
export const formatPhone = (e164: string): string => {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m === null ? e164 : `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}`;
};
