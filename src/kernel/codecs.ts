/**
 * Small io-ts codecs shared by every capability: bounded integers, texts bounded by the table of
 * {@link LIMITS}, ids, instants, and `strictType`, which refuses fields it does not know (a typo
 * in a command is an error, not a silently ignored flag).
 * @module
 */
import * as t from 'io-ts';
import { MAX_INSTANT_LENGTH, parseInstant } from './instant.js';
import { INSTANT_PATTERN } from './instant-pattern.js';
import { withJsonSchema } from './json-schema.js';

export { LIMITS } from './limits.js';
export * from './strict-type.js';
export * from './text.js';

/** An integer within `[min, max]` (both inclusive), named for error messages. */
export const intRange = (min: number, max: number, name = `an integer from ${min} to ${max}`) =>
  withJsonSchema(
    new t.Type<number, number, unknown>(
      name,
      (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max,
      (u, c) =>
        typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max
          ? t.success(u)
          : t.failure(u, c),
      t.identity,
    ),
    { type: 'integer', minimum: min, maximum: max },
  );

/** A safe integer ≥ 0. */
export const NonNegativeInt = intRange(0, Number.MAX_SAFE_INTEGER, 'a non-negative integer');
/** A safe integer ≥ 1. */
export const PositiveInt = intRange(1, Number.MAX_SAFE_INTEGER, 'a positive integer');

/**
 * An ISO-8601 instant with an explicit offset (`Z` or `±hh:mm`), e.g. `2025-04-21T10:00:00+03:00`:
 * a real calendar instant (no 30 February, 24:00 or leap second), offset within ±18:00.
 */
export const Instant = withJsonSchema(
  new t.Type<string, string, unknown>(
    'an ISO-8601 instant with offset',
    (u): u is string => typeof u === 'string' && isInstant(u),
    (u, c) => (typeof u === 'string' && isInstant(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
  ),
  {
    type: 'string',
    description: 'an ISO-8601 instant with an offset, e.g. 2025-04-21T10:00:00+03:00 (seconds optional)',
    pattern: INSTANT_PATTERN,
  },
);
function isInstant(s: string): boolean {
  return s.length <= MAX_INSTANT_LENGTH && !Number.isNaN(parseInstant(s));
}

/**
 * Epoch milliseconds of an instant the `Instant` codec admits (`NaN` for any other text): an exact
 * hand parser of that one shape, for hot paths instead of `Date.parse` or `parseISO`.
 */
export const instantMs = (iso: string): number => parseInstant(iso);

/** `true` only: an explicit acknowledgement or confirmation flag. */
export const True = t.literal(true);
