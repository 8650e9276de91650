/**
 * The catch-up subscription of the PostgreSQL store: reads the log page by page in transaction
 * order (log-reader.ts), delivers each event once, then waits for a `NOTIFY` (or the poll timer)
 * and goes on. When the last read found events held back by a transaction still running, it
 * looks again soon instead of waiting for a notification (the transaction that holds them back
 * may end without one, by rolling back). It rides out a dropped connection (a few retries)
 * before it reports `Unavailable` and stops.
 * @module
 */
import { type Either, isLeft, isRight, left, right } from 'fp-ts/lib/Either.js';
import type { AnyEvent } from '../kernel/envelope.js';
import { type StoreError, storeError } from '../kernel/errors.js';
import type { SubscribeOptions, Subscription } from '../kernel/event-store.js';
import { type Cursor, compareCursors, type LogPage, type LogReader, START } from './log-reader.js';
import type { WakeUps } from './wake-ups.js';

/** Reads retried after `Unavailable` before the subscription reports it (0.1 + 0.2 + 0.4 s). */
const RETRIES = 3;
/** How soon a reader looks again for events held back by a running transaction. */
const HELD_BACK_POLL_MS = 20;

/** Starts a catch-up subscription; `stop()` also lets go of the shared `LISTEN` connection. */
export const subscribeOn = <E extends AnyEvent>(
  reader: LogReader<E>,
  wakeUps: WakeUps,
  options: SubscribeOptions<E>,
): Subscription => {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const abort = new AbortController();
  let position = Math.max(0, options.after ?? 0);
  // Known once the first read has resolved the starting position into its pair.
  let cursor: Cursor | undefined = position === 0 ? START : undefined;
  let failure: StoreError | undefined;
  let finished = false;
  let waiters: Array<{ readonly target: Cursor; readonly resolve: () => void }> = [];
  // The epoch when the last read started: a notification since then means "read again".
  let seen = wakeUps.epoch();
  let held = true;
  wakeUps.retain();
  const letGo = () => {
    if (held) wakeUps.release();
    held = false;
  };

  const settle = () => {
    if (waiters.length === 0) return;
    const still: typeof waiters = [];
    for (const waiter of waiters) {
      if (finished || (cursor !== undefined && compareCursors(cursor, waiter.target) >= 0)) waiter.resolve();
      else still.push(waiter);
    }
    waiters = still;
  };

  const fail = (error: StoreError) => {
    failure = error;
    letGo();
    options.onError?.(error);
  };

  const read = async (): Promise<Either<StoreError, LogPage<E>>> => {
    for (let attempt = 1; ; attempt++) {
      seen = wakeUps.epoch();
      const page = await reader.page(cursor ?? position, batchSize);
      // A dropped connection is usually back at once (the pool opens a new one): retry a few
      // times before the subscription gives up and reports it.
      if (isRight(page) || page.left.code !== 'Unavailable' || attempt > RETRIES || abort.signal.aborted) {
        return page;
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1)));
    }
  };

  const loop = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      const page = await read();
      if (isLeft(page)) {
        if (abort.signal.aborted) return;
        return fail(page.left);
      }
      const { events, heldBack } = page.right;
      if (cursor === undefined) cursor = { xid: page.right.cursor.xid, position };
      for (const event of events) {
        if (abort.signal.aborted) return;
        try {
          await options.onEvent(event);
        } catch (cause) {
          // A throwing subscriber stops delivery at this event (it is not counted as delivered).
          const reason = cause instanceof Error ? cause.message : String(cause);
          return fail(
            storeError(
              'Internal',
              `the subscriber failed on event ${event.metadata.globalPosition}: ${reason}`,
            ),
          );
        }
        position = event.metadata.globalPosition;
      }
      if (events.length > 0) cursor = page.right.cursor;
      settle();
      if (events.length < batchSize) {
        await wakeUps.wait(seen, abort.signal, heldBack ? HELD_BACK_POLL_MS : undefined);
      }
    }
  };
  const running = loop().finally(() => {
    finished = true;
    settle();
  });

  return {
    position: () => position,
    caughtUp: async () => {
      if (failure !== undefined) return left(failure);
      const head = await reader.head();
      if (isLeft(head)) return head;
      const target = head.right;
      if (target === undefined) return right(undefined);
      const reached = () => cursor !== undefined && compareCursors(cursor, target) >= 0;
      if (reached()) return right(undefined);
      if (!finished) {
        await new Promise<void>((resolve) => {
          waiters.push({ target, resolve });
        });
      }
      if (reached()) return right(undefined);
      return left(failure ?? storeError('Unavailable', 'the subscription was stopped before it caught up'));
    },
    stop: async () => {
      abort.abort();
      await running;
      letGo();
    },
  };
};
