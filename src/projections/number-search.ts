/**
 * Reading the numbers table: every row in the order numbers were added, "Всего 142 номера", and
 * search. The PBX finds a number by its full phone number; here any common spelling of it
 * works (`8 (912) 345-67-89`, `+7 912 345 67 89`), and beyond that a part of the number
 * (its digits, e.g. `345-67`) or a part of the full name (case-insensitive, `ё` = `е`).
 * @module
 */
import { chunkedEntries, getEntry } from '../kernel/collections/chunked-map.js';
import { normalisePhoneNumber } from '../numbers/phone-number.js';
import type { NumberOptions, NumberRow } from './number-options.js';
import { totalNumbersRu } from './plural.js';

/** Every row, in the order the numbers were added. */
export const numberRows = (view: NumberOptions): NumberRow[] => {
  const rows: NumberRow[] = [];
  for (const [, row] of chunkedEntries(view.rows)) rows.push(row);
  return rows.sort((a, b) => a.seq - b.seq);
};

/** How many numbers the table lists. */
export const numberCount = (view: NumberOptions): number => view.rows.size;

/** `Всего 142 номера`. */
export const formatNumberCount = (view: NumberOptions): string => totalNumbersRu(view.rows.size);

const PHONE_LIKE = /^[\d\s+()\-.]+$/;
const fold = (text: string): string => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/**
 * Rows matching `query`: a full number in any spelling (exact match); else, when the query looks
 * like a phone number, rows whose digits contain its digits (a leading `8` also matches as `7`);
 * else rows whose full name contains it. An empty query lists every row.
 */
export const findNumbers = (view: NumberOptions, query: string): NumberRow[] => {
  const text = query.trim();
  if (text.length === 0) return numberRows(view);
  const full = normalisePhoneNumber(text);
  if (full !== undefined) {
    const row = getEntry(view.rows, full);
    if (row !== undefined) return [row];
  }
  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits.length === 0) return [];
    const alternative = digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
    return numberRows(view).filter((row) => {
      const own = row.number.replace(/\D/g, '');
      return own.includes(digits) || own.startsWith(alternative);
    });
  }
  const needle = fold(text);
  return numberRows(view).filter((row) => fold(row.fullName).includes(needle));
};
