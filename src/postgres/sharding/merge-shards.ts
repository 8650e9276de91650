/**
 * The sharded store's own `subscribe`: every shard's log from its start, no checkpoint, the
 * deliveries of all shards handed over one at a time.
 * @module
 */
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { AnyEvent } from '../../kernel/envelope.js';
import type { StoreError } from '../../kernel/errors.js';
import type { EventStore, SubscribeOptions, Subscription } from '../../kernel/event-store.js';
import { oneAtATime } from './one-at-a-time.js';

/**
 * Every shard's log from its start, without checkpoints (the sharded store's `subscribe`). The
 * first error of any shard stops them all and is reported once.
 */
export const mergeShards = <E extends AnyEvent>(
  stores: readonly EventStore<E>[],
  options: SubscribeOptions<E>,
  refused: StoreError | undefined,
): Subscription => {
  if (refused !== undefined) {
    options.onError?.(refused);
    return {
      position: () => 0,
      caughtUp: async () => left(refused),
      stop: async () => undefined,
    };
  }
  const serial = oneAtATime();
  let position = 0;
  let failed: StoreError | undefined;
  const subscriptions: Subscription[] = [];
  const stopAll = () => Promise.all(subscriptions.map((s) => s.stop())).then(() => undefined);
  for (const store of stores) {
    subscriptions.push(
      store.subscribe({
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        onEvent: (event) =>
          serial(async () => {
            if (failed !== undefined) return;
            await options.onEvent(event);
            position = event.metadata.globalPosition;
          }),
        onError: (error) => {
          if (failed !== undefined) return;
          failed = error;
          options.onError?.(error);
          void stopAll();
        },
      }),
    );
  }
  return {
    position: () => position,
    caughtUp: async () => {
      for (const s of subscriptions) {
        const caught = await s.caughtUp();
        if (isLeft(caught)) return caught;
      }
      return failed === undefined ? right(undefined) : left(failed);
    },
    stop: stopAll,
  };
};
