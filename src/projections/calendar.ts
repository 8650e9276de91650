/**
 * The account's calendar: days and subscription periods in its IANA time zone (`@date-fns/tz`).
 * Periods are monthly, anchored on an instant (the opening, or a payment after a lapse): period
 * `k` runs over the calendar days from the date of `anchor + k months` up to the day before the
 * date of `anchor + (k+1) months` (so opened on 21 April: 21 April – 20 May, 30 days). Days are
 * calendar days, also across a DST change (a 23- or 25-hour day is one day). Only statements and
 * renderers call this: never per event.
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format, startOfDay } from 'date-fns';

/** A run of calendar days: a subscription period, or the days of a lapse between two. */
export interface Period {
  /**
   * Place in the account's billing calendar: 0 is the opening period, then each period and each
   * lapse in turn; negative before the opening.
   */
  readonly index: number;
  /** First day, `yyyy-MM-dd` in the account's zone. */
  readonly firstDay: string;
  /** Last day (inclusive), `yyyy-MM-dd`. */
  readonly lastDay: string;
  /** Start of the first day, epoch ms. */
  readonly startMs: number;
  /** Start of the day after the last one, epoch ms (exclusive end). */
  readonly endMs: number;
  /** Calendar days in the period. */
  readonly days: number;
  /** Start of each day, epoch ms, then `endMs`: `days + 1` entries. */
  readonly dayStarts: readonly number[];
}

/** Start of the calendar day (in `timeZone`) containing `ms`. */
export const startOfDayMs = (ms: number, timeZone: string): number =>
  startOfDay(new TZDate(ms, timeZone)).getTime();

/** `yyyy-MM-dd` of `ms` in `timeZone`. */
export const dayOf = (ms: number, timeZone: string): string => format(new TZDate(ms, timeZone), 'yyyy-MM-dd');

/** Formats `ms` in `timeZone` with a date-fns pattern (e.g. `dd.MM.yyyy HH:mm`). */
export const formatInZone = (ms: number, timeZone: string, pattern: string): string =>
  format(new TZDate(ms, timeZone), pattern);

/** Start of the first day of the period `index` months after `anchorMs`, epoch ms. */
export const periodStartMs = (anchorMs: number, timeZone: string, index: number): number =>
  startOfDay(addMonths(new TZDate(anchorMs, timeZone), index)).getTime();

/**
 * The calendar days from `startMs` (a day's start) up to `endMs` (exclusive, a day's start), as
 * a {@link Period} numbered `index`.
 */
export const daysBetween = (startMs: number, endMs: number, timeZone: string, index: number): Period => {
  const dayStarts: number[] = [];
  let day = new TZDate(startMs, timeZone);
  while (day.getTime() < endMs) {
    dayStarts.push(day.getTime());
    day = startOfDay(addDays(day, 1));
  }
  dayStarts.push(endMs);
  return {
    index,
    firstDay: dayOf(startMs, timeZone),
    lastDay: dayOf(dayStarts[dayStarts.length - 2] ?? startMs, timeZone),
    startMs,
    endMs,
    days: dayStarts.length - 1,
    dayStarts,
  };
};

/** Period `index` of an account anchored at `anchorMs`. */
export const periodByIndex = (anchorMs: number, timeZone: string, index: number): Period =>
  daysBetween(
    periodStartMs(anchorMs, timeZone, index),
    periodStartMs(anchorMs, timeZone, index + 1),
    timeZone,
    index,
  );

/** Index of the period (anchored at `anchorMs`) containing `atMs`: negative before the anchor. */
export const periodIndexAt = (anchorMs: number, timeZone: string, atMs: number): number => {
  const anchor = new TZDate(anchorMs, timeZone);
  const at = new TZDate(atMs, timeZone);
  let index = (at.getFullYear() - anchor.getFullYear()) * 12 + at.getMonth() - anchor.getMonth();
  while (periodStartMs(anchorMs, timeZone, index) > atMs) index--;
  while (periodStartMs(anchorMs, timeZone, index + 1) <= atMs) index++;
  return index;
};

/** The period containing `atMs` (any instant, also before the opening or far in the future). */
export const periodContaining = (anchorMs: number, timeZone: string, atMs: number): Period =>
  periodByIndex(anchorMs, timeZone, periodIndexAt(anchorMs, timeZone, atMs));

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Epoch ms of an instant (`2025-05-06T10:00:00+03:00`) or of the start of a date (`2025-05-06`,
 * read in `timeZone`); `undefined` when it is neither.
 */
export const instantOrDateMs = (input: string, timeZone: string): number | undefined => {
  const date = DATE_ONLY.exec(input);
  if (date !== null) {
    const [, y, m, d] = date;
    const ms = new TZDate(Number(y), Number(m) - 1, Number(d), timeZone).getTime();
    return Number.isNaN(ms) || dayOf(ms, timeZone) !== input ? undefined : ms;
  }
  const ms = Date.parse(input);
  return Number.isNaN(ms) ? undefined : ms;
};

/** The date `days` calendar days after `yyyy-MM-dd` (plain calendar arithmetic, no zone). */
export const addDaysToDate = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
