/**
 * `notifications`: the outbox of customer notices due, for the delivery service. Each
 * `NotificationSent` appends a notice (recipient, channel, text, segments, `sendAt`) in arrival
 * order; the delivery service reads the pending ones ordered by `sendAt`, then arrival
 * ({@link dueNotices}), and marks each one delivered with the pure function {@link acknowledge},
 * which returns a new outbox. A notice's id is `callId/scenario/channel` (one event per notice and
 * channel), the same for a decided and a stored event, so a provider can deduplicate on it.
 *
 * Applying an event is one append (no hashing, no copy: the notice is the event's payload);
 * delivered notices at the head are skipped by a cursor, and only those delivered out of order
 * are remembered until the cursor passes them. Acknowledgements are the delivery service's own
 * facts, not events: an outbox rebuilt from the log holds every notice again, so the service
 * keeps its outbox with its checkpoint.
 * @module
 */
import type { AccountEvent, AccountEventData } from '../account/events.js';
import {
  type ChunkedMap,
  deleteEntry,
  emptyChunkedMap,
  hasEntry,
  setEntry,
} from '../kernel/collections/chunked-map.js';
import { produceWith } from '../kernel/decider.js';
import type { Channel, Scenario } from '../notifications/scenario.js';
import { type ChunkedList, emptyChunkedList, itemAt, pushItem } from './chunked-list.js';
import { createProjection } from './projection.js';

type NoticeData = AccountEventData<'NotificationSent'>;

/** The outbox (mutable form; callers get it read-only). */
export interface OutboxDraft {
  /** Every notice received, in arrival order (a notice's `seq` is its index). */
  notices: ChunkedList<NoticeData>;
  /** Notices before this index are all delivered. */
  firstPending: number;
  /** Notices at or after `firstPending` already delivered, by `seq`. */
  delivered: ChunkedMap<1>;
  acknowledged: number;
}

/** A notice waiting to be delivered. */
export interface OutboxNotice {
  readonly id: string;
  /** Arrival order: breaks ties between equal `sendAt`. */
  readonly seq: number;
  readonly callId: string;
  readonly scenario: Scenario;
  readonly channel: Channel;
  readonly recipient: string;
  readonly text: string;
  readonly segments: number;
  /** When to send it (later than the call when quiet hours deferred it). */
  readonly sendAt: string;
  readonly deferred: boolean;
}

/** The id of a notice: `callId/scenario/channel`. */
export const noticeId = (notice: { callId: string; scenario: string; channel: string }): string =>
  `${notice.callId}/${notice.scenario}/${notice.channel}`;

const recipe = (view: OutboxDraft, event: AccountEvent): void => {
  if (event.type === 'NotificationSent') pushItem(view.notices, event.data);
};

/** The outbox of notices to deliver. */
export const notifications = createProjection({
  name: 'notifications',
  initial: {
    notices: emptyChunkedList<NoticeData>(),
    firstPending: 0,
    delivered: emptyChunkedMap<1>(),
    acknowledged: 0,
  } as OutboxDraft,
  recipe,
});

/** Notices decided after calls, in arrival order, with a cursor past the delivered ones. */
export type Outbox = typeof notifications.initial;

const pending = function* (outbox: Outbox): Generator<OutboxNotice> {
  for (let seq = outbox.firstPending; seq < outbox.notices.length; seq++) {
    if (hasEntry(outbox.delivered, String(seq))) continue;
    const d = itemAt(outbox.notices, seq) as NoticeData;
    const { callId, scenario, channel, recipient, text, segments, sendAt, deferred } = d;
    yield { id: noticeId(d), seq, callId, scenario, channel, recipient, text, segments, sendAt, deferred };
  }
};

/**
 * Pending notices ordered by `sendAt`, then arrival; with `at`, only those due by then. Sorting
 * happens here, on read (O(p log p) for p pending), so applying an event stays O(1).
 */
export const dueNotices = (outbox: Outbox, at?: string, limit = Number.POSITIVE_INFINITY): OutboxNotice[] => {
  const until = at === undefined ? Number.POSITIVE_INFINITY : Date.parse(at);
  const due: Array<[number, OutboxNotice]> = [];
  for (const notice of pending(outbox)) {
    const sendAtMs = Date.parse(notice.sendAt);
    if (sendAtMs <= until) due.push([sendAtMs, notice]);
  }
  due.sort((a, b) => a[0] - b[0] || a[1].seq - b[1].seq);
  return (due.length > limit ? due.slice(0, limit) : due).map(([, notice]) => notice);
};

const deliver = (draft: OutboxDraft, seq: number): void => {
  setEntry(draft.delivered, String(seq), 1);
  draft.acknowledged += 1;
  // Move the cursor past the delivered head, forgetting what it passes.
  while (
    draft.firstPending < draft.notices.length &&
    deleteEntry(draft.delivered, String(draft.firstPending))
  ) {
    draft.firstPending += 1;
  }
};

/**
 * Marks a notice delivered: a new outbox without it, or the same outbox when it is not pending.
 * Given a notice from {@link dueNotices} this is O(1); given only its id, the pending notices are
 * searched.
 */
export const acknowledge = (outbox: Outbox, notice: OutboxNotice | string): Outbox => {
  let seq: number | undefined;
  if (typeof notice !== 'string') {
    const d = itemAt(outbox.notices, notice.seq);
    const open = notice.seq >= outbox.firstPending && !hasEntry(outbox.delivered, String(notice.seq));
    if (d !== undefined && open && noticeId(d) === notice.id) seq = notice.seq;
  } else {
    for (const p of pending(outbox)) {
      if (p.id === notice) {
        seq = p.seq;
        break;
      }
    }
  }
  if (seq === undefined) return outbox;
  return produceWith(deliver, outbox as unknown as OutboxDraft, [seq]) as unknown as Outbox;
};
