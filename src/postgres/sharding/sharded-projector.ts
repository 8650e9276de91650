/**
 * The projections' catch-up runner over a sharded store: one catch-up projector per shard, each
 * reading its shard's log with its own checkpoint. Views are per account and an account lives
 * on one shard, so an account's views are its shard projector's, and nothing is lost by not
 * ordering shards against each other. A shard whose projector stops on an error (its server is
 * down) is started again from its checkpoint, with growing pauses; the others go on meanwhile.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { AccountEvent } from '../../account/events.js';
import { type StoreError, storeError } from '../../kernel/errors.js';
import { type CatchUpProjector, createCatchUpProjector } from '../../projections/catch-up-runner.js';
import type { CheckpointStore } from '../../projections/checkpoint-store.js';
import type { ProjectionSet, ViewsOf } from '../../projections/runner.js';
import type { ShardedEventStore } from './sharded-store.js';

/** The projections to run on every shard of a store, each shard with its own checkpoint. */
export interface ShardedProjectorOptions<P extends ProjectionSet> {
  /** The checkpoint's name: `name` in a shard's own checkpoint store, `name@shard` in `checkpoints`. */
  readonly name: string;
  readonly store: ShardedEventStore<AccountEvent>;
  readonly projections: P;
  /** For shards without a checkpoint store of their own. */
  readonly checkpoints?: CheckpointStore;
  /** Save each shard's checkpoint after this many of its events (default 500), and on `stop()`. */
  readonly saveEvery?: number;
  readonly batchSize?: number;
  /** Told each failure of a shard's projector; it is started again from its checkpoint. */
  readonly onError?: (error: StoreError, shardId: string) => void;
  /** The first pause before a failed shard's projector starts again (default 500 ms, doubling up to 8 s). */
  readonly retryMs?: number;
}

/** Projectors of every shard, read as one. */
export interface ShardedProjector<P extends ProjectionSet> {
  /** Starts every shard's projector: `left` with the first that could not start (it keeps trying). */
  start(): TaskEither<StoreError, void>;
  /** Every shard's projector has applied what its shard had committed: else `left` with why not. */
  caughtUp(): Promise<Either<StoreError, void>>;
  /** Stops every shard's projector (each saves its checkpoint). */
  stop(): Promise<void>;
  /** The views of an account, from its shard's projector; `undefined` for an account with no events. */
  views(streamId: string): ViewsOf<P> | undefined;
  /** The projector of each shard, by shard id. */
  readonly shards: ReadonlyMap<string, CatchUpProjector<P>>;
}

/** Creates a {@link ShardedProjector}; nothing runs before `start()`. */
export const createShardedProjector = <P extends ProjectionSet>(
  options: ShardedProjectorOptions<P>,
): ShardedProjector<P> => {
  const retryMs = Math.max(1, options.retryMs ?? 500);
  const projectors = new Map<string, CatchUpProjector<P>>();
  const failures = new Map<string, StoreError>();
  // A shard's projector reported an error: its keeper looks whether following stopped.
  const raised = new Set<string>();
  const alarms = new Map<string, () => void>();
  let running = false;
  const loops: Promise<void>[] = [];
  let wake: () => void = () => undefined;
  let stopping = Promise.resolve();

  for (const shard of options.store.shards) {
    const checkpoints = shard.checkpoints ?? options.checkpoints;
    if (checkpoints === undefined) {
      failures.set(
        shard.id,
        storeError('Internal', `shard ${shard.id} has no checkpoint store, and none was given`),
      );
      continue;
    }
    projectors.set(
      shard.id,
      createCatchUpProjector({
        name: shard.checkpoints === undefined ? `${options.name}@${shard.id}` : options.name,
        eventStore: shard.store,
        projections: options.projections,
        checkpoints,
        ...(options.saveEvery === undefined ? {} : { saveEvery: options.saveEvery }),
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        onError: (error) => {
          options.onError?.(error, shard.id);
          raised.add(shard.id);
          alarms.get(shard.id)?.();
        },
      }),
    );
  }

  const pause = async (ms: number) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([stopping, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  };

  /** Keeps one shard's projector running: restarts it from its checkpoint when it stopped on an error. */
  const keep = async (
    id: string,
    projector: CatchUpProjector<P>,
    first: StoreError | undefined,
  ): Promise<void> => {
    let wait = retryMs;
    let failure: StoreError | undefined = first;
    while (running) {
      if (failure !== undefined) {
        failures.set(id, failure);
        await projector.stop(); // its save may fail too: it starts from the checkpoint it has
        await pause(wait);
        wait = Math.min(wait * 2, 8_000);
        if (!running) return;
        const started = await projector.start()();
        if (isLeft(started)) {
          failure = started.left;
          options.onError?.(started.left, id);
          continue;
        }
        failures.delete(id);
        failure = undefined;
        wait = retryMs;
      }
      // Following until it reports an error; then caughtUp tells whether following stopped (a
      // failed read) or goes on (a failed checkpoint save).
      if (!raised.has(id)) {
        await Promise.race([new Promise<void>((resolve) => alarms.set(id, resolve)), stopping]);
      }
      raised.delete(id);
      if (!running) return;
      const following = await projector.caughtUp();
      if (isLeft(following)) failure = following.left;
    }
  };

  return {
    shards: projectors,
    start: () => async () => {
      if (running) return left(storeError('Internal', `${options.name} is already running`));
      running = true;
      stopping = new Promise<void>((resolve) => {
        wake = resolve;
      });
      let first: StoreError | undefined;
      for (const [id, projector] of projectors) {
        const started = await projector.start()();
        const failure = isLeft(started) ? started.left : undefined;
        if (failure !== undefined) {
          first ??= failure;
          options.onError?.(failure, id);
        }
        loops.push(keep(id, projector, failure).catch(() => undefined));
      }
      for (const failure of failures.values()) first ??= failure;
      return first === undefined ? right(undefined) : left(first);
    },
    caughtUp: async () => {
      let first: StoreError | undefined;
      for (const [id, projector] of projectors) {
        const down = failures.get(id);
        const caught = down === undefined ? await projector.caughtUp() : left(down);
        if (isLeft(caught)) first ??= caught.left;
      }
      for (const [id, failure] of failures) if (!projectors.has(id)) first ??= failure;
      return first === undefined ? right(undefined) : left(first);
    },
    stop: async () => {
      if (!running) return;
      running = false;
      wake();
      await Promise.all(loops.splice(0));
      for (const projector of projectors.values()) await projector.stop();
    },
    views: (streamId) => {
      const shard = options.store.shardFor(streamId);
      const projector = 'store' in shard ? projectors.get(shard.id) : undefined;
      // An account on no known shard has no events here: unknown, like an account never seen.
      return projector === undefined ? undefined : projector.views(streamId);
    },
  };
};
