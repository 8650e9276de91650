/**
 * The catch-up subscription of the PostgreSQL store: the kernel's `startCatchUp` over `readAll`,
 * woken by `NOTIFY` (or the poll timer) instead of an in-process signal, and riding out a
 * dropped connection (a few retries) before it reports `Unavailable` and stops.
 * @module
 */
import { isRight } from 'fp-ts/lib/Either.js';
import type { AnyEvent } from '../kernel/envelope.js';
import type { EventStore, SubscribeOptions, Subscription } from '../kernel/event-store.js';
import { startCatchUp } from '../kernel/subscription.js';
import type { WakeUps } from './wake-ups.js';

/** Reads retried after `Unavailable` before the subscription reports it (0.1 + 0.2 + 0.4 s). */
const RETRIES = 3;

/** What a subscription needs of its store. */
export interface SubscriptionSource<E extends AnyEvent> {
  readonly readAll: EventStore<E>['readAll'];
  /** Global position of the last committed event; rejects when the server cannot be asked. */
  readonly head: () => Promise<number>;
  readonly wakeUps: WakeUps;
}

/** Starts a catch-up subscription; `stop()` also lets go of the shared `LISTEN` connection. */
export const subscribeOn = <E extends AnyEvent>(
  source: SubscriptionSource<E>,
  options: SubscribeOptions<E>,
): Subscription => {
  const { wakeUps } = source;
  // The epoch when the last read started: a notification since then means "read again".
  let seen = wakeUps.epoch();
  let held = true;
  const letGo = () => {
    if (held) wakeUps.release();
    held = false;
  };
  wakeUps.retain();
  const running = startCatchUp<E>(
    {
      readAll: (o) => async () => {
        for (let attempt = 1; ; attempt++) {
          seen = wakeUps.epoch();
          const batch = await source.readAll(o)();
          // A dropped connection is usually back at once (the pool opens a new one): retry a
          // few times before the subscription gives up and reports it.
          if (isRight(batch) || batch.left.code !== 'Unavailable' || attempt > RETRIES) return batch;
          await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1)));
        }
      },
      head: source.head,
      // The epoch, not `after`, tells whether an append came since the read: no extra query.
      waitForAppend: (_after, signal) => wakeUps.wait(seen, signal),
    },
    {
      ...options,
      onError: (error) => {
        letGo();
        options.onError?.(error);
      },
    },
  );
  return {
    position: running.position,
    caughtUp: running.caughtUp,
    stop: async () => {
      await running.stop();
      letGo();
    },
  };
};
