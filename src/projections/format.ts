/**
 * Formatting of sizes and prices the way the source's dialogs show them. Integer arithmetic
 * only: a value is rounded half up once, to the decimals shown.
 * @module
 */
import { GIB, KOPECKS_PER_ROUBLE } from '../catalogue/units.js';

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

/** Gigabytes (1 GB = 1024³ bytes) with `decimals` decimals, half up, e.g. `0.08`, `5.00`, `6.0`. */
export const formatGigabytes = (bytes: number, decimals: number): string => {
  const scale = 10 ** decimals;
  const scaled = divideHalfUp(bytes * scale, GIB);
  const whole = Math.floor(scaled / scale);
  if (decimals === 0) return String(whole);
  return `${whole}.${String(scaled % scale).padStart(decimals, '0')}`;
};

/** Whole gigabytes as an integer (`1`), anything else with two decimals (`1.50`). */
export const formatGigabytesShort = (bytes: number): string =>
  bytes % GIB === 0 ? String(bytes / GIB) : formatGigabytes(bytes, 2);

const group = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

/** A price as the source shows it: whole roubles without kopecks (`1 500 ₽`), else `150.50 ₽`. */
export const formatPrice = (kopecks: number): string => {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  const whole = Math.floor(abs / KOPECKS_PER_ROUBLE);
  const cents = abs % KOPECKS_PER_ROUBLE;
  return cents === 0
    ? `${sign}${group(whole)} ₽`
    : `${sign}${group(whole)}.${String(cents).padStart(2, '0')} ₽`;
};

/** Thousands grouped with a no-break space, e.g. `3 000`. */
export const formatCount = (n: number): string => group(n);

/** A Russian E.164 number spelled for people, `+7 912 345-67-89`; other numbers as they are. */
export const formatPhone = (e164: string): string => {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m === null ? e164 : `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}`;
};

/** Megabytes (1 MB = 1024² bytes) with one decimal, half up. */
export const formatMegabytes = (bytes: number): string => {
  const tenths = divideHalfUp(bytes * 10, 1024 * 1024);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
};
