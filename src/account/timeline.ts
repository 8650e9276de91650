/**
 * The account's timeline: time moves forward in an account. A command may not take effect
 * before the account's latest event, so a bill never folds in something that happened "earlier"
 * than what it already holds.
 * @module
 */
import { instantMs } from '../kernel/codecs.js';
import { type AccountDomainErrorOf, accountError } from './errors.js';

/** What the account keeps of its timeline: O(1) whatever its history. */
export interface TimelineSlice {
  /** Instant of the latest event, as written (`null` before the first one). */
  latestAt: string | null;
}

/** No event yet. */
export const initialTimelineSlice = (): TimelineSlice => ({ latestAt: null });

/**
 * `InstantOutOfOrder` when `atMs` (the command's `at`) is earlier than the latest event's
 * instant; an instant equal to it is in order. The latest instant is parsed here, once per
 * command, so that replay keeps only the string it already has.
 */
export const refuseOutOfOrder = (
  timeline: Readonly<TimelineSlice>,
  at: string,
  atMs: number,
): AccountDomainErrorOf<'InstantOutOfOrder'> | undefined => {
  const latest = timeline.latestAt;
  if (latest === null || atMs >= instantMs(latest)) return undefined;
  return accountError(
    'InstantOutOfOrder',
    `metadata.at ${at} is earlier than the account's latest event (${latest}): time moves forward in an account`,
    { field: 'metadata.at', latest, at },
  );
};
