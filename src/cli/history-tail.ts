/**
 * The last lines of an account's history, kept in a ring of `limit` events so a replay of any
 * length holds only what it prints (the `history` projection keeps every event, which a service
 * wants and a one-off replay of 10^6 events does not). Lines are rendered with the projection's
 * own sentences. With `--period`, only events of that billing period count.
 * @module
 */
import type { AccountEvent, StoredAccountEvent } from '../account/events.js';
import { instantOrDateMs, periodContaining } from '../projections/calendar.js';
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

/** Folds the last `limit` events (of the period containing `period`, if given). */
export const historyTail = (limit: number, period: string | undefined): PrivateFold<HistoryTail> => {
  let timeZone = DEFAULT_TIME_ZONE;
  let window: { startMs: number; endMs: number } | null = null;
  // A ring of `limit` slots: slot `n % limit` holds event `n`.
  const ring: Array<{ index: number; event: AccountEvent }> = [];
  let total = 0;
  return {
    apply(event: StoredAccountEvent) {
      if (event.type === 'AccountOpened') {
        timeZone = event.data.timeZone;
        const atMs = period === undefined ? undefined : instantOrDateMs(period, timeZone);
        if (atMs !== undefined) window = periodContaining(Date.parse(event.data.periodStart), timeZone, atMs);
      }
      if (window !== null) {
        const atMs = Date.parse(event.metadata.at);
        if (atMs < window.startMs || atMs >= window.endMs) return;
      }
      if (limit > 0) ring[total % limit] = { index: total, event };
      total += 1;
    },
    view: () => {
      const start = total > limit ? total % limit : 0;
      return { timeZone, total, last: [...ring.slice(start), ...ring.slice(0, start)] };
    },
  };
};

const linesOf = (tail: HistoryTail): HistoryLine[] =>
  tail.last.map(({ index, event }) => renderEvent(event, 'ru', tail.timeZone, index)).reverse();

/** `История (последние 20 из 1 000 000)`, then newest first: `21.04.2025 10:00  admin  …`. */
export const historyTailText = (tail: HistoryTail): string[] => [
  `История (последние ${tail.last.length} из ${tail.total})`,
  ...linesOf(tail).map((line) => `  ${line.at}  ${line.actor}  ${line.text}`),
];

/** The tail as JSON: `total` and the lines, newest first. */
export const historyTailJson = (tail: HistoryTail) => ({ total: tail.total, lines: linesOf(tail) });
