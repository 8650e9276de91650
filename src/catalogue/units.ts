/**
 * Units: money in integer kopecks, sizes in integer bytes. No floating-point money anywhere.
 * @module
 */

/** Bytes in one gigabyte as the PBX counts it (1 GB = 1024³ bytes). */
export const GIB = 1024 ** 3;

/** 100: money is kept in integer kopecks everywhere, never in fractional roubles. */
export const KOPECKS_PER_ROUBLE = 100;

/** `roubles(1500)` = 150 000 kopecks. Only for whole roubles, as catalogue figures are. */
export const roubles = (amount: number): number => amount * KOPECKS_PER_ROUBLE;

/** Formats kopecks as roubles with kopecks after a decimal comma, `2 650,00 ₽` (as `formatMoney`). Integer arithmetic only. */
export const formatRoubles = (kopecks: number): string => {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  const whole = Math.floor(abs / KOPECKS_PER_ROUBLE);
  const cents = abs % KOPECKS_PER_ROUBLE;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${grouped},${String(cents).padStart(2, '0')} ₽`;
};
