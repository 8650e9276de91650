/**
 * The catch-up subscription of the PostgreSQL store: the kernel's `startCatchUp` over `readAll`,
 * woken by `NOTIFY` (or the poll timer) instead of an in-process signal.
 * @module
 */
import type { AnyEvent } from '../kernel/envelope.js';
import type { EventStore, SubscribeOptions, Subscription } from '../kernel/event-store.js';
import { startCatchUp } from '../kernel/subscription.js';
import type { WakeUps } from './wake-ups.js';

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
      readAll: (o) => () => {
        seen = wakeUps.epoch();
        return source.readAll(o)();
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
