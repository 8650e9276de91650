/**
 * The one ISO-8601 shape instants are written in, parsed by hand: `YYYY-MM-DDTHH:mm`, optional
 * `:ss` and a fraction of 1 to 9 digits, then `Z` or `±hh:mm`. Only real calendar instants pass
 * (no 30 February, no 24:00, no leap second, offsets within ±18:00), and the parse is exact and
 * cheap enough for every event of a replay, unlike `Date.parse`, which also accepts other shapes.
 * @module
 */

/** The longest admitted text: `2025-04-21T10:00:00.123456789+03:00`. */
export const MAX_INSTANT_LENGTH = 35;

const MS_PER_DAY = 86_400_000;
const MAX_OFFSET_MINUTES = 18 * 60;

// The value of two (or four) ASCII digits at `at`, or -1 when one is not a digit.
const digit = (s: string, at: number): number => {
  const d = s.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : -100_000;
};
const two = (s: string, at: number): number => {
  const n = digit(s, at) * 10 + digit(s, at + 1);
  return n < 0 ? -1 : n;
};

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a proleptic Gregorian date (exact for every year 0–9999). */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
};

/**
 * Epoch milliseconds of an instant in the admitted shape, or `NaN` when `s` is not one. A
 * fraction finer than a millisecond is truncated, as `Date.parse` does.
 */
export const parseInstant = (s: string): number => {
  const n = s.length;
  if (n < 17 || n > MAX_INSTANT_LENGTH) return Number.NaN;
  // '-', '-', 'T', ':' by code: no one-character strings on the way.
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58)
    return Number.NaN;
  const high = two(s, 0);
  const low = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  if (high < 0 || low < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return Number.NaN;
  if (minute < 0 || minute > 59) return Number.NaN;
  const year = high * 100 + low;
  const monthDays = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > monthDays) return Number.NaN;
  let at = 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(at) === 58) {
    second = two(s, at + 1);
    if (second < 0 || second > 59) return Number.NaN;
    at += 3;
    if (s.charCodeAt(at) === 46) {
      at++;
      const start = at;
      while (at < n && digit(s, at) >= 0) {
        // Milliseconds are the first three digits; later ones only check the shape.
        if (at - start < 3) ms += digit(s, at) * (at === start ? 100 : at === start + 1 ? 10 : 1);
        at++;
      }
      if (at === start || at - start > 9) return Number.NaN;
    }
  }
  let offset = 0;
  const mark = s.charCodeAt(at);
  if (mark === 90) {
    at++; // 'Z'
  } else {
    const sign = mark === 43 ? 1 : mark === 45 ? -1 : 0; // '+', '-'
    const oh = two(s, at + 1);
    const om = two(s, at + 4);
    if (sign === 0 || s.charCodeAt(at + 3) !== 58 || oh < 0 || om < 0 || om > 59) return Number.NaN;
    offset = sign * (oh * 60 + om);
    if (oh * 60 + om > MAX_OFFSET_MINUTES) return Number.NaN;
    at += 6;
  }
  if (at !== n) return Number.NaN;
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute - offset) * 60 + second) * 1000 + ms
  );
};
