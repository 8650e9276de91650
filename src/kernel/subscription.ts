/**
 * A catch-up subscription built on `readAll`: reads from a checkpoint in batches, delivers each
 * event once in global order, then waits for the next append (or polls) and goes on.
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { AnyEvent, StoredEvent } from './envelope.js';
import type { StoreError } from './errors.js';
import type { ReadAllOptions, SubscribeOptions, Subscription } from './event-store.js';

/** What a store gives a subscription to follow its log. */
export interface CatchUpSource<E extends AnyEvent> {
  readonly readAll: (options: ReadAllOptions) => TaskEither<StoreError, readonly StoredEvent<E>[]>;
  /**
   * Resolves when something may have been appended after global position `after` (at once if
   * it already has: an append between the last read and this call must not be missed), or
   * when the signal aborts.
   */
  readonly waitForAppend: (after: number, signal: AbortSignal) => Promise<void>;
  /** Global position of the last event committed now. */
  readonly head: () => Promise<number>;
}

/** Runs a catch-up subscription over a {@link CatchUpSource}. */
export const startCatchUp = <E extends AnyEvent>(
  source: CatchUpSource<E>,
  options: SubscribeOptions<E>,
): Subscription => {
  const batchSize = options.batchSize ?? 500;
  const abort = new AbortController();
  let position = options.after ?? 0;
  let finished = false;
  let waiters: Array<{ target: number; resolve: () => void }> = [];

  const settle = () => {
    if (waiters.length === 0) return;
    const still: typeof waiters = [];
    for (const waiter of waiters) {
      if (finished || position >= waiter.target) waiter.resolve();
      else still.push(waiter);
    }
    waiters = still;
  };

  const loop = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      const batch = await source.readAll({ after: position, limit: batchSize })();
      if (isLeft(batch)) {
        options.onError?.(batch.left);
        return;
      }
      for (const event of batch.right) {
        if (abort.signal.aborted) return;
        await options.onEvent(event);
        position = event.metadata.globalPosition;
      }
      settle();
      if (batch.right.length < batchSize) await source.waitForAppend(position, abort.signal);
    }
  };
  const running = loop().finally(() => {
    finished = true;
    settle();
  });

  return {
    position: () => position,
    caughtUp: async () => {
      const target = await source.head();
      if (finished || position >= target) return;
      await new Promise<void>((resolve) => {
        waiters.push({ target, resolve });
      });
    },
    stop: async () => {
      abort.abort();
      await running;
    },
  };
};
