/**
 * The last lines of an account's history, kept in a ring of `limit` events so a replay of any
 * length holds only what it prints (the `history` projection keeps every event, which a service
 * wants and a one-off replay of 10^6 events does not). Lines are rendered with the projection's
 * own sentences. With `--period`, only events of that stretch of the billing calendar count: a
 * period, or a lapse between two. A payment after a lapse re-anchors the periods after it, so
 * the stretch is worked out again then; events are counted per day meanwhile (a map of days,
 * one time-zone computation per day) to recount the stretch when it moves.
 * @module
 */

import type { AccountEvent, StoredAccountEvent } from '../account/events.js';
import { instantMs } from '../kernel/codecs.js';
import { billingPeriodAt, takeRenewal } from '../projections/billing-calendar.js';
import type { PaidRun } from '../projections/billing-view.js';
import { instantOrDateMs, startOfDayMs } from '../projections/calendar.js';
import { formatCount } from '../projections/format.js';
import { type HistoryLine, renderEvent } from '../projections/history.js';
import { DEFAULT_TIME_ZONE } from '../tariff/time-zone.js';
import type { PrivateFold } from './private-fold.js';

/** The tail of a history. */
export interface HistoryTail {
  readonly timeZone: string;
  /** Events counted (in the period, with `--period`). */
  readonly total: number;
  /** The last events, oldest first, with their position in the history. */
  readonly last: ReadonlyArray<{ readonly index: number; readonly event: AccountEvent }>;
}

/** The subscription as far as the stretch of `--period` depends on it. */
interface Subscription {
  timeZone: string;
  paidRuns: PaidRun[];
  lapsed: boolean;
  autoRenewal: boolean;
}

/** Folds the last `limit` events (of the stretch of the billing calendar containing `period`, if given). */
export const historyTail = (limit: number, period: string | undefined): PrivateFold<HistoryTail> => {
  const subscription: Subscription = {
    timeZone: DEFAULT_TIME_ZONE,
    paidRuns: [],
    lapsed: false,
    autoRenewal: true,
  };
  let periodMs: number | undefined;
  let window: { startMs: number; endMs: number } | null = null;
  // Events per day (by the day's start), kept only with `--period`.
  const perDay = new Map<number, number>();
  let day = { startMs: 0, endMs: 0 };
  // A ring of `limit` slots: slot `n % limit` holds the `n`-th event kept.
  let ring: Array<{ index: number; event: AccountEvent }> = [];
  let kept = 0;
  let total = 0;
  const lastKept = (): Array<{ index: number; event: AccountEvent }> => {
    const start = kept > limit ? kept % limit : 0;
    return [...ring.slice(start), ...ring.slice(0, start)];
  };
  let seen = 0;

  const countDay = (atMs: number): void => {
    if (atMs >= day.endMs || atMs < day.startMs) {
      const startMs = startOfDayMs(atMs, subscription.timeZone);
      day = { startMs, endMs: startOfDayMs(startMs + 36 * 3_600_000, subscription.timeZone) };
    }
    perDay.set(day.startMs, (perDay.get(day.startMs) ?? 0) + 1);
  };

  // The stretch moved (the account opened, or a late payment re-anchored the periods).
  const placeWindow = (): void => {
    if (periodMs === undefined) return;
    const found = billingPeriodAt(subscription, periodMs);
    if (found === null) return;
    const { startMs, endMs } = found.period;
    window = { startMs, endMs };
    ring = lastKept().filter(({ event }) => {
      const atMs = instantMs(event.metadata.at);
      return atMs >= startMs && atMs < endMs;
    });
    kept = ring.length;
    total = 0;
    for (const [dayMs, count] of perDay) if (dayMs >= startMs && dayMs < endMs) total += count;
  };

  const follow = (event: StoredAccountEvent): boolean => {
    switch (event.type) {
      case 'AccountOpened':
        subscription.timeZone = event.data.timeZone;
        subscription.autoRenewal = event.data.autoRenewal;
        subscription.paidRuns.push({
          anchorMs: instantMs(event.data.periodStart),
          startMs: instantMs(event.data.periodStart),
          paidUntilMs: instantMs(event.data.paidUntil),
        });
        periodMs = period === undefined ? undefined : instantOrDateMs(period, subscription.timeZone);
        return true;
      case 'SubscriptionRenewed':
        subscription.lapsed = false;
        return takeRenewal(
          subscription.paidRuns,
          instantMs(event.data.periodStart),
          instantMs(event.data.paidUntil),
          event.data.restarted,
        );
      default:
        return false;
    }
  };

  return {
    apply(event: StoredAccountEvent) {
      const index = seen;
      seen += 1;
      const moved = follow(event);
      const atMs = instantMs(event.metadata.at);
      if (periodMs !== undefined) countDay(atMs);
      // Placing the stretch recounts every event so far, this one included.
      if (moved && periodMs !== undefined) placeWindow();
      else if (window === null || (atMs >= window.startMs && atMs < window.endMs)) total += 1;
      if (window !== null && (atMs < window.startMs || atMs >= window.endMs)) return;
      if (limit > 0) ring[kept % limit] = { index, event };
      kept += 1;
    },
    view: () => ({ timeZone: subscription.timeZone, total, last: lastKept() }),
  };
};

const linesOf = (tail: HistoryTail): HistoryLine[] =>
  tail.last.map(({ index, event }) => renderEvent(event, 'ru', tail.timeZone, index)).reverse();

/** `История (последние 20 из 1 000 000)`, then newest first: `21.04.2025 10:00  пользователь admin  …`. */
export const historyTailText = (tail: HistoryTail): string[] => [
  `История (последние ${formatCount(tail.last.length)} из ${formatCount(tail.total)})`,
  ...linesOf(tail).map((line) => `  ${line.at}  ${line.actor}  ${line.text}`),
];

/** The tail as JSON: `total` and the lines, newest first. */
export const historyTailJson = (tail: HistoryTail) => ({ total: tail.total, lines: linesOf(tail) });
