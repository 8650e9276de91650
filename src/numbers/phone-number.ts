/**
 * Phone numbers, normalised to E.164. Russian spellings — `8 (912) 345-67-89`,
 * `+7 912 345 67 89`, `89123456789` — are one number, `+79123456789`. Parsing is done by
 * libphonenumber-js (see docs/decisions.md): its metadata knows which lengths and prefixes are
 * valid, which our own lines would not.
 *
 * Input already in E.164 form (what services send and every stored event carries) takes a fast
 * path: its answer is remembered, so each such number is parsed once, not once per decode.
 * @module
 */
import * as t from 'io-ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { withJsonSchema } from '../kernel/json-schema.js';
import { LIMITS } from '../kernel/limits.js';

/** A phone number in E.164, e.g. `+79123456789`. */
export type E164 = string;

/** `+`, a country code that does not start with 0, and at most 15 digits in all. */
const E164_SHAPE = /^\+[1-9]\d{1,14}$/;
/**
 * E.164 answers are remembered in two generations of at most this many each: an answer looked
 * up in the older one moves to the newer, and when the newer is full it becomes the older and
 * the oldest answers go. So the numbers in use stay remembered, and more numbers than fit cost a
 * parse each only for those not seen lately. (A single map forgetting its oldest entry first
 * missed on nearly every lookup once an account's numbers outgrew it: one account of 10 500
 * numbers spent 100 ms per load of its 10⁵ events on parses.) Up to 100 000 numbers: a few MB.
 */
const GENERATION = 50_000;
let recent = new Map<string, E164 | undefined>();
let older = new Map<string, E164 | undefined>();

/** The full parse of every spelling, Russia as the default country. */
const parse = (input: string): E164 | undefined => {
  const parsed = parsePhoneNumberFromString(input, 'RU');
  return parsed?.isValid() ? parsed.number : undefined;
};

/**
 * Normalises a phone number to E.164 (Russia is the default country), or `undefined`. Input of
 * more than 64 characters is refused before parsing.
 */
export const normalisePhoneNumber = (input: string): E164 | undefined => {
  // First the length, so that a huge text is never hashed.
  if (input.length === 0 || input.length > LIMITS.phoneNumber) return undefined;
  // The answer for this exact text was the full parse's own: it is certain. Only E.164 texts
  // are remembered, so a valid one seen lately needs no other look.
  const known = recent.get(input);
  if (known !== undefined) return known;
  if (!E164_SHAPE.test(input)) return parse(input);
  if (recent.has(input)) return undefined;
  const answer = older.has(input) ? older.get(input) : parse(input);
  if (recent.size >= GENERATION) {
    older = recent;
    recent = new Map();
  }
  recent.set(input, answer);
  return answer;
};

/** The full parse, bypassing the fast path (to check that both give the same answers). */
export const normalisePhoneNumberSlowly = (input: string): E164 | undefined =>
  input.length === 0 || input.length > LIMITS.phoneNumber ? undefined : parse(input);

/** io-ts codec: decodes any common spelling of a number into E.164; encodes as is. */
export const PhoneNumber = withJsonSchema(
  new t.Type<E164, E164, unknown>(
    'a phone number (e.g. +7 912 345-67-89)',
    (u): u is E164 => typeof u === 'string' && normalisePhoneNumber(u) === u,
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c);
      const normalised = normalisePhoneNumber(u);
      return normalised === undefined ? t.failure(u, c) : t.success(normalised);
    },
    t.identity,
  ),
  {
    type: 'string',
    description:
      'a phone number in any common spelling (+7 912 345-67-89, 8 (912) 345-67-89), Russia by default; normalised to E.164',
    minLength: 1,
    maxLength: LIMITS.phoneNumber,
    examples: ['+79123456789'],
  },
);
