/**
 * The account's billing calendar: paid periods and the lapses between them. Each run of paid
 * periods is anchored on its own instant (the opening, or a payment after a lapse), so its
 * periods are `anchor + k months`; the days from the end of one run to the start of the next
 * were paid by nobody and form one lapse. After the last paid period the calendar goes on with
 * that run's months: `forecast` while auto-renewal is on and no lapse was recorded (billed as
 * the renewal will bill them), else `lapsed`. Computed on read, never per event.
 * @module
 */
import type { PaidRun } from './billing-view.js';
import { daysBetween, type Period, periodIndexAt, periodStartMs, startOfDayMs } from './calendar.js';

/**
 * What a stretch of the calendar is: `paid` (a period paid for), `forecast` (after the last paid
 * period, with auto-renewal on: billed as a renewal will bill it), `lapsed` (days nobody paid
 * for: nothing is billed), `not-opened` (before the opening).
 */
export type PeriodStatus = 'paid' | 'forecast' | 'lapsed' | 'not-opened';

/** Calendar days, first and last inclusive, `yyyy-MM-dd` in the account's zone. */
export interface DayRange {
  readonly firstDay: string;
  readonly lastDay: string;
  readonly days: number;
}

/** One stretch of the billing calendar. */
export interface BillingPeriod {
  readonly period: Period;
  readonly status: PeriodStatus;
  /** The first period after a lapse, which a payment started: `true`. */
  readonly startsAfterLapse: boolean;
  /** For that period, the lapse just before it (`null` when the payment came the day it lapsed). */
  readonly lapseBefore: DayRange | null;
}

/** What the calendar is made of: the billing view has it, and so can any fold of the subscription's events. */
export interface SubscriptionRuns {
  readonly timeZone: string;
  readonly paidRuns: readonly PaidRun[];
  readonly lapsed: boolean;
  readonly autoRenewal: boolean;
}

/**
 * Takes a renewal into the runs. A payment after a lapse (`restarted`) starts a new run anchored
 * on itself; a renewal stored by 0.1 whose period starts later than the last one was paid until
 * starts a new run on the same anchor (0.1 kept the anchored periods); any other extends the
 * last run. Returns whether a new run started.
 */
export const takeRenewal = (
  runs: PaidRun[],
  periodStartMs: number,
  paidUntilMs: number,
  restarted: boolean,
): boolean => {
  const last = runs[runs.length - 1];
  if (last === undefined) return false;
  if (restarted || periodStartMs > last.paidUntilMs) {
    // Runs never overlap: a day is paid for once.
    if (last.paidUntilMs > periodStartMs) last.paidUntilMs = periodStartMs;
    runs.push({ anchorMs: restarted ? periodStartMs : last.anchorMs, startMs: periodStartMs, paidUntilMs });
    return true;
  }
  if (paidUntilMs > last.paidUntilMs) last.paidUntilMs = paidUntilMs;
  return false;
};

/** A run with its days: `[startMs, endMs)` paid, both the start of a day. */
interface Run {
  readonly anchorMs: number;
  readonly startMs: number;
  readonly endMs: number;
  /** The index, on the anchor's months, of the run's first period (0 unless stored by 0.1). */
  readonly first: number;
  /** Paid periods in the run (the last one may end early, at `endMs`). */
  readonly periods: number;
}

const runOf = (run: PaidRun, timeZone: string): Run => {
  const startMs = startOfDayMs(run.startMs, timeZone);
  const endMs = Math.max(startMs, startOfDayMs(run.paidUntilMs, timeZone));
  const first = periodIndexAt(run.anchorMs, timeZone, startMs);
  const periods = endMs > startMs ? periodIndexAt(run.anchorMs, timeZone, endMs - 1) - first + 1 : 0;
  return { anchorMs: run.anchorMs, startMs, endMs, first, periods };
};

/** The calendar of an opened account. */
interface Calendar {
  readonly timeZone: string;
  readonly runs: readonly Run[];
  /** The status of the days after the last paid period. */
  readonly tail: 'forecast' | 'lapsed';
}

const calendarOf = (view: SubscriptionRuns): Calendar | null => {
  if (view.paidRuns.length === 0) return null;
  const timeZone = view.timeZone;
  return {
    timeZone,
    runs: view.paidRuns.map((run) => runOf(run, timeZone)),
    tail: view.lapsed || !view.autoRenewal ? 'lapsed' : 'forecast',
  };
};

const hasGapAfter = (c: Calendar, i: number): boolean => {
  const next = c.runs[i + 1];
  return next !== undefined && next.startMs > c.runs[i]!.endMs;
};

/** Index of the first period of each run in the calendar. */
const bases = (c: Calendar): number[] => {
  const out: number[] = [];
  let base = 0;
  c.runs.forEach((run, i) => {
    out.push(base);
    base += run.periods + (hasGapAfter(c, i) ? 1 : 0);
  });
  return out;
};

const dayRange = (p: Period): DayRange => ({ firstDay: p.firstDay, lastDay: p.lastDay, days: p.days });

const gapPeriod = (c: Calendar, i: number, index: number): Period =>
  daysBetween(c.runs[i]!.endMs, c.runs[i + 1]!.startMs, c.timeZone, index);

const stretch = (c: Calendar, startMs: number, endMs: number, index: number, status: PeriodStatus) => ({
  period: daysBetween(startMs, endMs, c.timeZone, index),
  status,
});

/** Paid period `k` of run `i` (negative `k`: before the opening), numbered `index`. */
const paidPeriod = (c: Calendar, i: number, k: number, index: number): BillingPeriod => {
  const run = c.runs[i]!;
  const gridStart = periodStartMs(run.anchorMs, c.timeZone, run.first + k);
  const gridEnd = periodStartMs(run.anchorMs, c.timeZone, run.first + k + 1);
  const { period, status } =
    k < 0
      ? stretch(c, gridStart, gridEnd, index, 'not-opened')
      : stretch(c, Math.max(gridStart, run.startMs), Math.min(gridEnd, run.endMs), index, 'paid');
  const after = k === 0 && i > 0;
  const lapseBefore = after && hasGapAfter(c, i - 1) ? dayRange(gapPeriod(c, i - 1, index - 1)) : null;
  return { period, status, startsAfterLapse: after, lapseBefore };
};

/** Grid period `k` of the last run where it starts past the paid periods (or is cut by their end). */
const tailPeriod = (c: Calendar, k: number, index: number): BillingPeriod => {
  const run = c.runs[c.runs.length - 1]!;
  const startMs = Math.max(periodStartMs(run.anchorMs, c.timeZone, k), run.endMs);
  const endMs = periodStartMs(run.anchorMs, c.timeZone, k + 1);
  return { ...stretch(c, startMs, endMs, index, c.tail), startsAfterLapse: false, lapseBefore: null };
};

/** The grid period of the last run in which its paid periods end. */
const endPeriodIndex = (c: Calendar, run: Run): number => periodIndexAt(run.anchorMs, c.timeZone, run.endMs);

/** The stretch of the calendar numbered `index` (see {@link Period.index}); `null` before the opening. */
export const billingPeriodByIndex = (view: SubscriptionRuns, index: number): BillingPeriod | null => {
  const c = calendarOf(view);
  if (c === null) return null;
  if (index < 0) return paidPeriod(c, 0, index, index);
  const starts = bases(c);
  for (let i = 0; i < c.runs.length; i++) {
    const run = c.runs[i]!;
    const base = starts[i]!;
    if (index < base + run.periods) return paidPeriod(c, i, index - base, index);
    if (i === c.runs.length - 1)
      return tailPeriod(c, endPeriodIndex(c, run) + index - base - run.periods, index);
    if (hasGapAfter(c, i) && index === base + run.periods) {
      return { period: gapPeriod(c, i, index), status: 'lapsed', startsAfterLapse: false, lapseBefore: null };
    }
  }
  /* v8 ignore next: the last run takes every index past the others */
  return null;
};

/** The stretch of the calendar containing the instant `atMs`; `null` before the opening. */
export const billingPeriodAt = (view: SubscriptionRuns, atMs: number): BillingPeriod | null => {
  const c = calendarOf(view);
  if (c === null) return null;
  const first = c.runs[0]!;
  if (atMs < first.startMs) {
    const k = periodIndexAt(first.anchorMs, c.timeZone, atMs) - first.first;
    return paidPeriod(c, 0, k, k);
  }
  let i = c.runs.length - 1;
  while (c.runs[i]!.startMs > atMs) i--;
  const run = c.runs[i]!;
  const base = bases(c)[i]!;
  if (i < c.runs.length - 1 && atMs >= run.endMs) return billingPeriodByIndex(view, base + run.periods);
  const k = periodIndexAt(run.anchorMs, c.timeZone, atMs);
  if (atMs < run.endMs) return paidPeriod(c, i, k - run.first, base + k - run.first);
  return tailPeriod(c, k, base + run.periods + k - endPeriodIndex(c, run));
};

/** Every lapse between paid periods so far (the open one after the last paid period is not listed). */
export const lapses = (view: SubscriptionRuns): DayRange[] => {
  const c = calendarOf(view);
  if (c === null) return [];
  const out: DayRange[] = [];
  for (let i = 0; i + 1 < c.runs.length; i++) {
    if (hasGapAfter(c, i)) out.push(dayRange(gapPeriod(c, i, 0)));
  }
  return out;
};
