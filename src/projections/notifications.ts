/**
 * `notifications`: the outbox of customer notices due, for the delivery service. Each
 * `NotificationSent` adds a pending notice (recipient, channel, text, segments, `sendAt`); the
 * delivery service reads them in order of `sendAt`, then arrival ({@link dueNotices}), and marks
 * each one delivered with the pure function {@link acknowledge}, which returns a new outbox
 * without it. A notice's id is `callId/scenario/channel` (one event per notice and channel), so
 * it is the same for a decided and a stored event and a provider can deduplicate on it.
 * Acknowledgements are the delivery service's own facts, not events: an outbox rebuilt from the
 * log holds every notice again, so the service keeps its outbox with its checkpoint.
 * @module
 */
import type { AccountEvent } from '../account/events.js';
import {
  type ChunkedMap,
  chunkedEntries,
  deleteEntry,
  emptyChunkedMap,
  hasEntry,
  setEntry,
} from '../kernel/collections/chunked-map.js';
import { produceWith } from '../kernel/decider.js';
import type { Channel, Scenario } from '../notifications/scenario.js';
import { createProjection } from './projection.js';

/** A notice waiting to be delivered. */
export interface OutboxNotice {
  id: string;
  callId: string;
  scenario: Scenario;
  channel: Channel;
  recipient: string;
  text: string;
  segments: number;
  /** When to send it (later than the call when quiet hours deferred it). */
  sendAt: string;
  sendAtMs: number;
  deferred: boolean;
  /** Arrival order: breaks ties between equal `sendAt`. */
  seq: number;
}

/** The outbox (mutable form; callers get it read-only). */
export interface OutboxDraft {
  pending: ChunkedMap<OutboxNotice>;
  /** Notices received so far (the next `seq`). */
  received: number;
  acknowledged: number;
}

/** The id of a notice: `callId/scenario/channel`. */
export const noticeId = (notice: { callId: string; scenario: string; channel: string }): string =>
  `${notice.callId}/${notice.scenario}/${notice.channel}`;

const recipe = (view: OutboxDraft, event: AccountEvent): void => {
  if (event.type !== 'NotificationSent') return;
  const d = event.data;
  const id = noticeId(d);
  if (hasEntry(view.pending, id)) return; // the same notice delivered twice by an at-least-once feed
  setEntry(view.pending, id, {
    id,
    callId: d.callId,
    scenario: d.scenario,
    channel: d.channel,
    recipient: d.recipient,
    text: d.text,
    segments: d.segments,
    sendAt: d.sendAt,
    sendAtMs: Date.parse(d.sendAt),
    deferred: d.deferred,
    seq: view.received,
  });
  view.received += 1;
};

/** The outbox of notices to deliver. */
export const notifications = createProjection({
  name: 'notifications',
  initial: { pending: emptyChunkedMap<OutboxNotice>(), received: 0, acknowledged: 0 } as OutboxDraft,
  recipe,
});

/** The outbox view. */
export type Outbox = typeof notifications.initial;

/**
 * Pending notices ordered by `sendAt`, then arrival; with `at`, only those due by then. Sorting
 * happens here, on read (O(p log p) for p pending), so applying an event stays O(1).
 */
export const dueNotices = (outbox: Outbox, at?: string, limit = Number.POSITIVE_INFINITY): OutboxNotice[] => {
  const until = at === undefined ? Number.POSITIVE_INFINITY : Date.parse(at);
  const due: OutboxNotice[] = [];
  for (const [, notice] of chunkedEntries(outbox.pending)) if (notice.sendAtMs <= until) due.push(notice);
  due.sort((a, b) => a.sendAtMs - b.sendAtMs || a.seq - b.seq);
  return due.length > limit ? due.slice(0, limit) : due;
};

const acknowledgeRecipe = (draft: OutboxDraft, id: string): void => {
  if (deleteEntry(draft.pending, id)) draft.acknowledged += 1;
};

/** Marks a notice delivered: a new outbox without it (the same outbox when it is not pending). */
export const acknowledge = (outbox: Outbox, id: string): Outbox =>
  hasEntry(outbox.pending, id)
    ? (produceWith(acknowledgeRecipe, outbox as unknown as OutboxDraft, [id]) as unknown as Outbox)
    : outbox;
