/**
 * Small io-ts codecs shared by every capability: bounded integers, non-empty strings, instants,
 * and `strictType`, which refuses fields it does not know (a typo in a command is an error, not a
 * silently ignored flag).
 * @module
 */
import * as t from 'io-ts';

/** An integer within `[min, max]` (both inclusive), named for error messages. */
export const intRange = (min: number, max: number, name = `an integer from ${min} to ${max}`) =>
  new t.Type<number, number, unknown>(
    name,
    (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max,
    (u, c) =>
      typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max
        ? t.success(u)
        : t.failure(u, c),
    t.identity,
  );

/** A safe integer ≥ 0. */
export const NonNegativeInt = intRange(0, Number.MAX_SAFE_INTEGER, 'a non-negative integer');
/** A safe integer ≥ 1. */
export const PositiveInt = intRange(1, Number.MAX_SAFE_INTEGER, 'a positive integer');

/** A string of 1 to `max` characters that is not only whitespace. */
export const nonEmptyString = (max = 200) =>
  new t.Type<string, string, unknown>(
    `a non-empty string of at most ${max} characters`,
    (u): u is string => typeof u === 'string' && u.trim().length > 0 && u.length <= max,
    (u, c) =>
      typeof u === 'string' && u.trim().length > 0 && u.length <= max ? t.success(u) : t.failure(u, c),
    t.identity,
  );

/** An identifier: 1–200 characters, no control characters. */
export const Id = new t.Type<string, string, unknown>(
  'an id (1 to 200 printable characters)',
  (u): u is string => typeof u === 'string' && isId(u),
  (u, c) => (typeof u === 'string' && isId(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);
function isId(s: string): boolean {
  // "__proto__" would turn an id-keyed record into a prototype change.
  if (s.length === 0 || s.length > 200 || s === '__proto__') return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 32) return false;
  return true;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with an explicit offset (`Z` or `±hh:mm`), e.g. `2025-04-21T10:00:00+03:00`. */
export const Instant = new t.Type<string, string, unknown>(
  'an ISO-8601 instant with offset',
  (u): u is string => typeof u === 'string' && isInstant(u),
  (u, c) => (typeof u === 'string' && isInstant(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);
function isInstant(s: string): boolean {
  return s.length <= 40 && ISO_INSTANT.test(s) && !Number.isNaN(Date.parse(s));
}

/** Epoch milliseconds of an instant already validated by {@link Instant}. */
export const instantMs = (iso: string): number => Date.parse(iso);

/** `true` only: an explicit acknowledgement or confirmation flag. */
export const True = t.literal(true);

/**
 * Like `t.type`, but a field that is not declared is an error naming it. `optional` fields may be
 * absent (never `undefined`-valued keys in the output).
 */
export const strictType = <P extends t.Props, O extends t.Props = Record<never, t.Mixed>>(
  required: P,
  optional?: O,
  name?: string,
) => {
  const base =
    optional === undefined ? t.type(required) : t.intersection([t.type(required), t.partial(optional)]);
  const known = new Set([...Object.keys(required), ...Object.keys(optional ?? {})]);
  type A = t.TypeOf<t.TypeC<P>> & Partial<t.TypeOf<t.TypeC<O>>>;
  return new t.Type<A, A, unknown>(
    name ?? base.name,
    (u): u is A => base.is(u),
    (u, c) => {
      if (typeof u === 'object' && u !== null && !Array.isArray(u)) {
        const extra = Object.keys(u).filter((k) => !known.has(k));
        if (extra.length > 0) {
          return t.failures(
            extra.map((k) => ({
              value: (u as Record<string, unknown>)[k],
              context: [...c, { key: k, type: t.never, actual: (u as Record<string, unknown>)[k] }],
              message: 'no such field',
            })),
          );
        }
      }
      // The inner codec enters the context so that paths skip its member indexes.
      return base.validate(u, t.appendContext(c, '', base, u)) as t.Validation<A>;
    },
    t.identity,
  );
};
