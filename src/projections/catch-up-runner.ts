/**
 * Running projections by catching up with the log: a projector reads `readAll` from its
 * checkpoint, applies every event to the views of its stream, follows new appends through
 * `subscribe`, and saves its position in a {@link CheckpointStore}. On `start()` it resumes after
 * the checkpoint when the views it holds are as of that checkpoint (the same projector after
 * `stop()`, or views a service kept and passes as `from`); otherwise it rebuilds them from the
 * whole log, folding each stream privately at replay speed. Rebuilding gives the same views as
 * running inline over the same stored events.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { AccountEvent, StoredAccountEvent } from '../account/events.js';
import { type StoreError, storeError } from '../kernel/errors.js';
import type { EventStore, Subscription } from '../kernel/event-store.js';
import type { CheckpointStore } from './checkpoint-store.js';
import {
  applyToViews,
  initialViews,
  type ProjectedState,
  type ProjectionSet,
  type ViewsOf,
} from './runner.js';

/** What a catch-up projector follows, where it keeps its checkpoint, and how often it saves it. */
export interface CatchUpProjectorOptions<P extends ProjectionSet> {
  /** The checkpoint's name. */
  readonly name: string;
  readonly eventStore: EventStore<AccountEvent>;
  readonly projections: P;
  readonly checkpoints: CheckpointStore;
  /** Views as of some position (kept by the service): used when it equals the checkpoint. */
  readonly from?: ProjectedState<P>;
  /** Save the checkpoint after this many events (default 500); also on `stop()`. */
  readonly saveEvery?: number;
  /** Events per read (default 1 000). */
  readonly batchSize?: number;
  /** Called when reading or saving fails; following stops. */
  readonly onError?: (error: StoreError) => void;
}

/** A projector following the log. */
export interface CatchUpProjector<P extends ProjectionSet> {
  /** Resumes (or rebuilds), then follows the log until `stop()`. */
  start(): TaskEither<StoreError, void>;
  /**
   * Resolves once every event committed so far is applied: `right`, or `left` with the error that
   * stopped following. Never rejects.
   */
  caughtUp(): Promise<Either<StoreError, void>>;
  /** Stops following and saves the checkpoint. */
  stop(): Promise<void>;
  /** Folds the whole log again from scratch (while stopped) and saves the checkpoint. */
  rebuild(): TaskEither<StoreError, void>;
  /** The views of one stream (account) as of the last applied event; `undefined` before its first. */
  views(streamId: string): ViewsOf<P> | undefined;
  /** Every stream's views and the position they are as of. */
  state(): ProjectedState<P>;
}

/** A projector that rebuilds or resumes from its checkpoint on `start()`, then follows the log. */
export const createCatchUpProjector = <P extends ProjectionSet>(
  options: CatchUpProjectorOptions<P>,
): CatchUpProjector<P> => {
  const { name, eventStore, projections, checkpoints } = options;
  const saveEvery = Math.max(1, options.saveEvery ?? 500);
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  const initial = initialViews(projections);
  let streams = new Map(Object.entries(options.from?.streams ?? {}));
  let position = options.from?.position ?? 0;
  let published: ProjectedState<P> | undefined;
  let subscription: Subscription | undefined;
  let unsaved = 0;

  const snapshot = (): ProjectedState<P> => {
    published ??= { position, streams: Object.fromEntries(streams) };
    return published;
  };

  /** Folds the log from the start onto fresh private views (recipes, no immer), then publishes. */
  const rebuild = (): TaskEither<StoreError, void> => async () => {
    const fresh = new Map<string, Record<string, unknown>>();
    let at = 0;
    for (;;) {
      const batch = await eventStore.readAll({ after: at, limit: batchSize })();
      if (isLeft(batch)) return batch;
      for (const event of batch.right) {
        let views = fresh.get(event.metadata.streamId);
        if (views === undefined) {
          views = Object.fromEntries(Object.entries(initial).map(([n, v]) => [n, structuredClone(v)]));
          fresh.set(event.metadata.streamId, views);
        }
        for (const [n, p] of Object.entries(projections)) p.recipe(views[n] as never, event);
        at = event.metadata.globalPosition;
      }
      if (batch.right.length < batchSize) break;
    }
    streams = fresh as unknown as Map<string, ViewsOf<P>>;
    position = at;
    published = undefined;
    const saved = await checkpoints.save(name, position)();
    return isLeft(saved) ? saved : right(undefined);
  };

  const onEvent = async (event: StoredAccountEvent): Promise<void> => {
    const streamId = event.metadata.streamId;
    streams.set(streamId, applyToViews(projections, streams.get(streamId) ?? initial, [event]));
    position = event.metadata.globalPosition;
    published = undefined;
    if (++unsaved >= saveEvery) {
      unsaved = 0;
      const saved = await checkpoints.save(name, position)();
      if (isLeft(saved)) options.onError?.(saved.left);
    }
  };

  return {
    start: () => async () => {
      if (subscription !== undefined) return left(storeError('Internal', `${name} is already running`));
      const checkpoint = await checkpoints.load(name)();
      if (isLeft(checkpoint)) return checkpoint;
      // Views as of the checkpoint resume; anything else (a fresh process, a lost or newer
      // checkpoint) is rebuilt from the log, which is also the fastest way to start from 0.
      if (position === 0 || checkpoint.right !== position) {
        const rebuilt = await rebuild()();
        if (isLeft(rebuilt)) return rebuilt;
      }
      subscription = eventStore.subscribe({
        after: position,
        batchSize,
        onEvent,
        ...(options.onError === undefined ? {} : { onError: options.onError }),
      });
      return right(undefined);
    },
    caughtUp: () => subscription?.caughtUp() ?? Promise.resolve(right(undefined)),
    stop: async () => {
      const running = subscription;
      subscription = undefined;
      if (running === undefined) return;
      await running.stop();
      const saved = await checkpoints.save(name, position)();
      if (isLeft(saved)) options.onError?.(saved.left);
    },
    rebuild: () => async () =>
      subscription === undefined
        ? rebuild()()
        : left(storeError('Internal', `stop ${name} before rebuilding it`)),
    views: (streamId) => streams.get(streamId),
    state: snapshot,
  };
};
