/**
 * IANA time zones: the account's calendar (periods, days of proration, quiet hours) runs in it.
 * @module
 */
import * as t from 'io-ts';

/** The default account time zone. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

const known = new Map<string, boolean>();

/** Whether `zone` is an IANA time zone this runtime knows. */
export const isTimeZone = (zone: string): boolean => {
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = zone.length <= 64;
    } catch {
      ok = false;
    }
    known.set(zone, ok);
  }
  return ok;
};

/** io-ts codec of an IANA time zone name, e.g. `Europe/Moscow`. */
export const TimeZone = new t.Type<string, string, unknown>(
  'an IANA time zone (e.g. Europe/Moscow)',
  (u): u is string => typeof u === 'string' && isTimeZone(u),
  (u, c) => (typeof u === 'string' && isTimeZone(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);
