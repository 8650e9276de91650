/**
 * IANA time zones: the account's calendar (periods, days of proration, quiet hours) runs in it.
 * @module
 */
import * as t from 'io-ts';
import { withJsonSchema } from '../kernel/json-schema.js';
import { LIMITS } from '../kernel/limits.js';

/** The default account time zone. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** Names remembered at most; a runtime knows about 600 zones and an account uses one. */
const CACHE_SIZE = 256;
const known = new Map<string, boolean>();

/**
 * Whether `zone` is an IANA time zone this runtime knows. A name longer than 64 characters is
 * refused before anything else, and only the latest 256 answers are remembered, so hostile
 * names cost neither time nor memory.
 */
export const isTimeZone = (zone: string): boolean => {
  if (zone.length === 0 || zone.length > LIMITS.timeZone) return false;
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    // The oldest answer goes first (a Map iterates in insertion order).
    if (known.size >= CACHE_SIZE) known.delete(known.keys().next().value as string);
    known.set(zone, ok);
  }
  return ok;
};

/** io-ts codec of an IANA time zone name, e.g. `Europe/Moscow` (at most 64 characters). */
export const TimeZone = withJsonSchema(
  new t.Type<string, string, unknown>(
    'an IANA time zone (e.g. Europe/Moscow)',
    (u): u is string => typeof u === 'string' && isTimeZone(u),
    (u, c) => (typeof u === 'string' && isTimeZone(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
  ),
  {
    type: 'string',
    description: 'an IANA time zone name, e.g. Europe/Moscow',
    minLength: 1,
    maxLength: LIMITS.timeZone,
  },
);

/** How many answers {@link isTimeZone} remembers now (for tests of its bound). */
export const timeZoneCacheSize = (): number => known.size;
