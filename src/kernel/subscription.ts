/**
 * A catch-up subscription built on `readAll`: reads from a checkpoint in batches, delivers each
 * event once in global order, then waits for the next append (or polls) and goes on.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { AnyEvent, StoredEvent } from './envelope.js';
import { type StoreError, storeError } from './errors.js';
import type { ReadAllOptions, SubscribeOptions, Subscription } from './event-store.js';

/** What a store gives a subscription to follow its log. */
export interface CatchUpSource<E extends AnyEvent> {
  readonly readAll: (options: ReadAllOptions) => TaskEither<StoreError, readonly StoredEvent<E>[]>;
  /**
   * Resolves when something may have been appended after global position `after` (at once if
   * it already has: an append between the last read and this call must not be missed), or
   * when the signal aborts. The signal is the same for the whole subscription: listen to it
   * once, or remove the listener when the wait ends, so a long-lived subscription does not
   * gather one listener per wake-up.
   */
  readonly waitForAppend: (after: number, signal: AbortSignal) => Promise<void>;
  /** Global position of the last event committed now; may reject when the store cannot be asked. */
  readonly head: () => Promise<number>;
}

const isStoreError = (value: unknown): value is StoreError =>
  typeof value === 'object' && value !== null && (value as { _tag?: unknown })._tag === 'StoreError';

const reason = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

/** Runs a catch-up subscription over a {@link CatchUpSource}. */
export const startCatchUp = <E extends AnyEvent>(
  source: CatchUpSource<E>,
  options: SubscribeOptions<E>,
): Subscription => {
  const batchSize = options.batchSize ?? 500;
  const abort = new AbortController();
  let position = options.after ?? 0;
  let finished = false;
  // Why delivery stopped, when it was not `stop()`.
  let failure: StoreError | undefined;
  let waiters: Array<{ target: number; resolve: (result: Either<StoreError, void>) => void }> = [];

  const outcome = (target: number): Either<StoreError, void> | undefined => {
    if (position >= target) return right(undefined);
    if (failure !== undefined) return left(failure);
    if (finished) return left(storeError('Unavailable', 'the subscription was stopped before it caught up'));
    return undefined;
  };

  const settle = () => {
    if (waiters.length === 0) return;
    const still: typeof waiters = [];
    for (const waiter of waiters) {
      const result = outcome(waiter.target);
      if (result === undefined) still.push(waiter);
      else waiter.resolve(result);
    }
    waiters = still;
  };

  const fail = (error: StoreError) => {
    failure = error;
    options.onError?.(error);
  };

  const loop = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      const batch = await source.readAll({ after: position, limit: batchSize })();
      if (isLeft(batch)) return fail(batch.left);
      for (const event of batch.right) {
        if (abort.signal.aborted) return;
        try {
          await options.onEvent(event);
        } catch (cause) {
          // A throwing subscriber stops delivery at this event (it is not counted as delivered).
          return fail(
            storeError(
              'Internal',
              `the subscriber failed on event ${event.metadata.globalPosition}: ${reason(cause)}`,
            ),
          );
        }
        position = event.metadata.globalPosition;
      }
      settle();
      if (batch.right.length < batchSize) await source.waitForAppend(position, abort.signal);
    }
  };
  const running = loop()
    .catch((cause: unknown) => fail(storeError('Internal', `the subscription failed: ${reason(cause)}`)))
    .finally(() => {
      finished = true;
      settle();
    });

  return {
    position: () => position,
    caughtUp: async () => {
      let target: number;
      try {
        target = await source.head();
      } catch (cause) {
        return left(
          isStoreError(cause)
            ? cause
            : storeError('Unavailable', `cannot read the head of the log: ${reason(cause)}`),
        );
      }
      const now = outcome(target);
      if (now !== undefined) return now;
      return new Promise<Either<StoreError, void>>((resolve) => {
        waiters.push({ target, resolve });
      });
    },
    stop: async () => {
      abort.abort();
      await running;
    },
  };
};
