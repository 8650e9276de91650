/**
 * Phone numbers, normalised to E.164 (SPEC decision 12). Russian spellings — `8 (912) 345-67-89`,
 * `+7 912 345 67 89`, `89123456789` — are one number, `+79123456789`. Parsing is done by
 * libphonenumber-js (see docs/decisions.md): its metadata knows which lengths and prefixes are
 * valid, which our own lines would not.
 * @module
 */
import * as t from 'io-ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** A phone number in E.164, e.g. `+79123456789`. */
export type E164 = string;

const MAX_INPUT = 40;

/** Normalises a phone number to E.164 (Russia is the default country), or `undefined`. */
export const normalisePhoneNumber = (input: string): E164 | undefined => {
  if (input.length === 0 || input.length > MAX_INPUT) return undefined;
  const parsed = parsePhoneNumberFromString(input, 'RU');
  return parsed?.isValid() ? parsed.number : undefined;
};

/** io-ts codec: decodes any common spelling of a number into E.164; encodes as is. */
export const PhoneNumber = new t.Type<E164, E164, unknown>(
  'a phone number (e.g. +7 912 345-67-89)',
  (u): u is E164 => typeof u === 'string' && normalisePhoneNumber(u) === u,
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c);
    const normalised = normalisePhoneNumber(u);
    return normalised === undefined ? t.failure(u, c) : t.success(normalised);
  },
  t.identity,
);
