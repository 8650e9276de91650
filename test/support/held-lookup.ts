/**
 * A store whose `findCommand` answers, then waits until released: it reproduces the race of a
 * handler that looked a command id up (and found nothing) just before another handler appended
 * that same command.
 */
import type { AnyEvent } from '../../src/kernel/envelope.js';
import type { EventStore } from '../../src/kernel/event-store.js';

/** The held store, a promise of its first look-up, and the release of every held look-up. */
export interface HeldLookup<E extends AnyEvent> {
  readonly store: EventStore<E>;
  readonly lookedUp: Promise<void>;
  readonly release: () => void;
}

/** Wraps `store` so that each `findCommand` reads, signals `lookedUp`, then waits for `release()`. */
export const holdAfterLookup = <E extends AnyEvent>(store: EventStore<E>): HeldLookup<E> => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let signal: () => void = () => undefined;
  const lookedUp = new Promise<void>((resolve) => {
    signal = resolve;
  });
  const slow: EventStore<E> = {
    ...store,
    findCommand: (streamId, commandId) => async () => {
      const found = await store.findCommand(streamId, commandId)();
      signal();
      await held;
      return found;
    },
  };
  return { store: slow, lookedUp, release };
};
