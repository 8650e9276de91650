/**
 * An event store over several stores (typically one PostgreSQL server each): every stream lives
 * on exactly one shard, chosen by `shardOf`, and the port's stream operations go to it. Accounts
 * never share a transaction, so nothing is lost by spreading them: appends, reads of a stream,
 * command outcomes and their exactly-once guarantee all stay on one server. A shard that is down
 * fails the streams on it with its own `Unavailable`; the others carry on.
 *
 * The whole log has no order across shards. Readers follow each shard on its own, with their own
 * checkpoints (subscribe-shards.ts); the store's own `readAll` and `subscribe` read every shard
 * from its start, without a checkpoint.
 * @module
 */
import { left } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { AnyEvent, StoredEvent } from '../../kernel/envelope.js';
import { type StoreError, storeError } from '../../kernel/errors.js';
import type { EventStore, Subscription } from '../../kernel/event-store.js';
import type { CheckpointStore } from '../../projections/checkpoint-store.js';
import { mergeShards } from './merge-shards.js';
import { rendezvousShardOf } from './shard-of.js';

/** One shard: an id the assignment names, its store, and where its readers keep checkpoints. */
export interface Shard<E extends AnyEvent = AnyEvent> {
  /** Stable: assignments are kept by it. */
  readonly id: string;
  readonly store: EventStore<E>;
  /** Checkpoints of readers of this shard, best on the same server (they then fail and recover with it). */
  readonly checkpoints?: CheckpointStore;
}

/** The shards and which one a stream lives on (rendezvous hashing of the ids when not given). */
export interface ShardedEventStoreOptions<E extends AnyEvent> {
  readonly shards: readonly Shard<E>[];
  /**
   * The id of the shard a stream lives on. It must answer the same for a stream for as long as
   * the stream stays there, in every process: a service that adds shards keeps the assignment
   * (account → shard) and answers from it. Default: rendezvous hashing over the shard ids
   * (stable while the list of shards does not change).
   */
  readonly shardOf?: (streamId: string) => string;
}

/** The event store port over shards, with the shards and the assignment for readers. */
export interface ShardedEventStore<E extends AnyEvent = AnyEvent> extends EventStore<E> {
  readonly shards: readonly Shard<E>[];
  /** The shard a stream lives on, or a `StoreError` when the assignment names no configured shard. */
  readonly shardFor: (streamId: string) => Shard<E> | StoreError;
}

/**
 * Creates an event store spread over `shards`. Throws a `TypeError` for an empty or duplicated
 * list of shard ids (configuration, checked once).
 */
export const createShardedEventStore = <E extends AnyEvent = AnyEvent>(
  options: ShardedEventStoreOptions<E>,
): ShardedEventStore<E> => {
  const { shards } = options;
  if (shards.length === 0) throw new TypeError('createShardedEventStore: at least one shard is needed');
  const byId = new Map<string, Shard<E>>();
  for (const shard of shards) {
    if (byId.has(shard.id))
      throw new TypeError(`createShardedEventStore: shard id ${JSON.stringify(shard.id)} is used twice`);
    byId.set(shard.id, shard);
  }
  const shardOf = options.shardOf ?? rendezvousShardOf(shards.map((shard) => shard.id));

  const shardFor = (streamId: string): Shard<E> | StoreError => {
    let id: string;
    try {
      id = shardOf(streamId);
    } catch (cause) {
      return storeError('Internal', `no shard for stream ${streamId}: shardOf failed (${String(cause)})`, {
        streamId,
      });
    }
    return (
      byId.get(id) ??
      storeError(
        'Internal',
        `stream ${streamId} is assigned to shard ${JSON.stringify(id)}, which is not configured`,
        {
          streamId,
        },
      )
    );
  };

  /** Runs `run` on the stream's shard, or fails with why there is none. */
  const routed =
    <A, L>(
      streamId: string,
      run: (store: EventStore<E>) => TaskEither<L, A>,
    ): TaskEither<L | StoreError, A> =>
    () => {
      const shard = shardFor(streamId);
      return 'store' in shard ? run(shard.store)() : Promise.resolve(left(shard));
    };

  const fromStartOnly = (after: number | undefined): StoreError | undefined =>
    after === undefined || after === 0
      ? undefined
      : storeError(
          'Internal',
          'a sharded log has a position per shard: follow each shard with its own checkpoint (subscribeShards), or read from the start',
        );

  return {
    shards,
    shardFor,
    appendToStream: (streamId, events, o) =>
      routed(streamId, (store) => store.appendToStream(streamId, events, o)),
    readStream: (streamId, o) => routed(streamId, (store) => store.readStream(streamId, o)),
    recordOutcome: (streamId, commandId, outcome) =>
      routed(streamId, (store) => store.recordOutcome(streamId, commandId, outcome)),
    findCommand: (streamId, commandId) => routed(streamId, (store) => store.findCommand(streamId, commandId)),
    readAll:
      (o = {}) =>
      async () => {
        const refused = fromStartOnly(o.after);
        if (refused !== undefined) return left(refused);
        const limit = o.limit ?? Number.POSITIVE_INFINITY;
        const out: StoredEvent<E>[] = [];
        for (const shard of shards) {
          if (out.length >= limit) break;
          const read = await shard.store.readAll({ limit: limit - out.length })();
          if (read._tag === 'Left') return read;
          for (const event of read.right) out.push(event);
        }
        return { _tag: 'Right', right: out };
      },
    subscribe: (o): Subscription => {
      const refused = fromStartOnly(o.after);
      return mergeShards(
        shards.map((shard) => shard.store),
        o,
        refused,
      );
    },
  };
};
