/**
 * Following a sharded log: one catch-up reader per shard, each with its own checkpoint (on its
 * shard's server when the shard has a checkpoint store). Deliveries from all shards are handed
 * to `onEvent` one at a time; a stream's events keep their order, since a stream lives on one
 * shard. A shard that goes down stops only its own reader: it reports the error and starts
 * again from its checkpoint, with growing pauses, until the shard answers.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { AnyEvent, StoredEvent } from '../../kernel/envelope.js';
import { type StoreError, storeError } from '../../kernel/errors.js';
import type { Subscription } from '../../kernel/event-store.js';
import type { CheckpointStore } from '../../projections/checkpoint-store.js';
import { subscribeFromCheckpoint } from '../checkpointed-subscription.js';
import { oneAtATime } from './one-at-a-time.js';
import type { ShardedEventStore } from './sharded-store.js';

/** One reader per shard under one name: what each delivery and failure is told, where checkpoints go. */
export interface SubscribeShardsOptions<E extends AnyEvent> {
  /** The reader's name: its checkpoint is `name` in a shard's own store, `name@shard` in `checkpoints`. */
  readonly name: string;
  /** Called once per event, one at a time across all shards; the shard's id comes along. */
  readonly onEvent: (event: StoredEvent<E>, shardId: string) => void | Promise<void>;
  /** Told each failure of a shard's reader; that reader starts again from its checkpoint. */
  readonly onError?: (error: StoreError, shardId: string) => void;
  /** Where readers of shards that have no checkpoint store of their own keep their checkpoints. */
  readonly checkpoints?: CheckpointStore;
  /** Save each shard's checkpoint after this many of its events (default 1), and on `stop()`. */
  readonly saveEvery?: number;
  readonly batchSize?: number;
  /** The first pause before a failed shard's reader starts again (default 500 ms, doubling up to 8 s). */
  readonly retryMs?: number;
}

/** Readers of every shard. */
export interface ShardedSubscription {
  /**
   * Resolves once every shard's reader has delivered what its shard had committed when asked:
   * `left` with the error of a shard whose reader is down (the others are still waited for).
   */
  readonly caughtUp: () => Promise<Either<StoreError, void>>;
  /** The position of each shard's reader, by shard id. */
  readonly positions: () => Readonly<Record<string, number>>;
  /** Stops every reader (each saves its checkpoint). */
  readonly stop: () => Promise<void>;
}

interface ShardReader {
  readonly id: string;
  current: Subscription | undefined;
  down: StoreError | undefined;
  position: number;
  /** Settles once the reader has tried to start (started, or failed to). */
  readonly firstTry: Promise<void>;
  readonly tried: () => void;
}

/** Follows every shard of `store` from its checkpoints until `stop()`. */
export const subscribeShards = <E extends AnyEvent>(
  store: ShardedEventStore<E>,
  options: SubscribeShardsOptions<E>,
): ShardedSubscription => {
  const serial = oneAtATime();
  const retryMs = Math.max(1, options.retryMs ?? 500);
  let stopped = false;
  let stopNow: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => {
    stopNow = resolve;
  });
  const pause = async (ms: number) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([stopping, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  };

  const readers: ShardReader[] = store.shards.map((shard) => {
    let tried: () => void = () => undefined;
    const firstTry = new Promise<void>((resolve) => {
      tried = resolve;
    });
    return { id: shard.id, current: undefined, down: undefined, position: 0, firstTry, tried };
  });

  const follow = async (reader: ShardReader, shardIndex: number): Promise<void> => {
    const shard = store.shards[shardIndex]!;
    const own = shard.checkpoints !== undefined;
    const checkpoints = shard.checkpoints ?? options.checkpoints;
    if (checkpoints === undefined) {
      reader.down = storeError('Internal', `shard ${shard.id} has no checkpoint store, and none was given`);
      options.onError?.(reader.down, shard.id);
      reader.tried();
      return;
    }
    let wait = retryMs;
    while (!stopped) {
      let failure: StoreError | undefined;
      let failed: () => void = () => undefined;
      const stoppedByError = new Promise<void>((resolve) => {
        failed = resolve;
      });
      const started = await subscribeFromCheckpoint(shard.store, {
        checkpoints,
        name: own ? options.name : `${options.name}@${shard.id}`,
        saveEvery: options.saveEvery ?? 1,
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        onEvent: (event) =>
          serial(async () => {
            await options.onEvent(event, shard.id);
            reader.position = event.metadata.globalPosition;
            wait = retryMs; // it works again
          }),
        onError: (error) => {
          failure ??= error;
          failed();
        },
      })();
      if (isLeft(started)) {
        failure = started.left;
        reader.down = failure;
        reader.tried();
      } else {
        reader.current = started.right;
        reader.down = undefined;
        reader.tried();
        await Promise.race([stoppedByError, stopping]);
        if (failure !== undefined) reader.down = failure;
        reader.current = undefined;
        await started.right.stop();
      }
      if (stopped) return;
      if (failure !== undefined) options.onError?.(failure, shard.id);
      await pause(wait);
      wait = Math.min(wait * 2, 8_000);
    }
  };

  const running = readers.map((reader, i) => follow(reader, i));

  return {
    caughtUp: async () => {
      await Promise.all(readers.map((reader) => reader.firstTry));
      let first: StoreError | undefined;
      for (const reader of readers) {
        const current = reader.current;
        const caught =
          current === undefined ? left(reader.down ?? unstarted(reader.id)) : await current.caughtUp();
        if (isLeft(caught)) first ??= caught.left;
      }
      return first === undefined ? right(undefined) : left(first);
    },
    positions: () => Object.fromEntries(readers.map((reader) => [reader.id, reader.position])),
    stop: async () => {
      stopped = true;
      stopNow();
      await Promise.all(running);
    },
  };
};

const unstarted = (shardId: string) =>
  storeError('Unavailable', `the reader of shard ${shardId} is starting`);
