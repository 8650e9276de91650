/**
 * Subscription periods: monthly, anchored on the opening instant in the account's time zone.
 * Period k is [opening + k months, opening + (k + 1) months), each computed from the opening
 * itself (never chained), so a Jan 31 account pays until Feb 28, then Mar 31, then Apr 30, and
 * the wall-clock time of day stays the same across DST changes.
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';

/** One paid period: `[start, end)` as ISO instants with the zone's offset. */
export interface Period {
  readonly start: string;
  readonly end: string;
}

/** An instant as ISO-8601 with the zone's offset, without milliseconds when they are zero. */
export const formatInstant = (ms: number, timeZone: string): string => {
  const iso = new TZDate(ms, timeZone).toISOString();
  return iso.replace('.000', '');
};

/** Start of anchored period `k` (0 = the first) of an account opened at `openedAt`. */
export const periodStartMs = (openedAt: string, timeZone: string, k: number): number =>
  addMonths(new TZDate(Date.parse(openedAt), timeZone), k).getTime();

/** Anchored period `k` of an account opened at `openedAt`. */
export const anchoredPeriod = (openedAt: string, timeZone: string, k: number): Period => ({
  start: formatInstant(periodStartMs(openedAt, timeZone, k), timeZone),
  end: formatInstant(periodStartMs(openedAt, timeZone, k + 1), timeZone),
});

/** Calendar months from `fromMs` to `toMs` in `timeZone` (local year and month only). */
const monthsBetween = (fromMs: number, toMs: number, timeZone: string): number => {
  const from = new TZDate(fromMs, timeZone);
  const to = new TZDate(toMs, timeZone);
  return (to.getFullYear() - from.getFullYear()) * 12 + (to.getMonth() - from.getMonth());
};

/**
 * Index `k` of the anchored period containing `atMs` (negative before the opening). The month
 * difference is exact up to one period either way (the anchor day may not have come yet).
 */
export const periodIndexAt = (openedAt: string, timeZone: string, atMs: number): number => {
  let k = monthsBetween(Date.parse(openedAt), atMs, timeZone);
  while (periodStartMs(openedAt, timeZone, k) > atMs) k--;
  while (periodStartMs(openedAt, timeZone, k + 1) <= atMs) k++;
  return k;
};

/** The anchored period containing `atMs`. */
export const periodAt = (openedAt: string, timeZone: string, atMs: number): Period =>
  anchoredPeriod(openedAt, timeZone, periodIndexAt(openedAt, timeZone, atMs));

/** The anchored period that starts at `startMs` (a period boundary, e.g. `paidUntil`). */
export const periodStartingAt = (openedAt: string, timeZone: string, startMs: number): Period =>
  periodAt(openedAt, timeZone, startMs);
