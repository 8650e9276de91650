/**
 * Where a command handler gets a stream's state: its cache, else a snapshot plus the tail, else
 * the whole stream folded. A state this handler folded from events and handed to nobody is its
 * own: its cache is read one command at a time per stream, so such a state moves on in place,
 * as a replay does. A state a snapshot store may hold (loaded from it, or saved to it, unless
 * the store keeps copies) is shared: it is only ever replaced (immer), never mutated.
 * @module
 */
import { type Either, isLeft, right } from 'fp-ts/lib/Either.js';
import { isSome } from 'fp-ts/lib/Option.js';
import type { Draft } from 'immer';
import type { RecipeDecider, ScopedFolds } from './decider.js';
import type { AnyEvent, StoredEvent } from './envelope.js';
import type { StoreError } from './errors.js';
import type { EventStore } from './event-store.js';
import type { SnapshotStore } from './snapshot-store.js';

/** Snapshot policy of a handler. */
export interface SnapshotPolicy<State> {
  readonly store: SnapshotStore<State>;
  /** Take a snapshot each time the stream version crosses a multiple of this (e.g. 1 000). */
  readonly every: number;
  /** The shape of the state; bump it when the state changes shape. */
  readonly schemaVersion: number;
}

/** A stream's state as of a version. */
export interface Loaded<State> {
  readonly state: State;
  readonly version: number;
  /**
   * Set when the state was folded for one command's decision only (what it reads): such a state
   * moves on with these folds and is never cached or snapshotted.
   */
  readonly scope: ScopedFolds<State, never> | undefined;
  /**
   * Folded here from events, or loaded from a snapshot store that keeps copies, and held by
   * nobody else: moved on in place. Updating through immer costs a proxy per object touched,
   * and running the recipes on drafts as well as on plain objects made every later replay in
   * the process a third slower.
   */
  readonly owned: boolean;
}

/** The state source of one handler. */
export interface StreamStates<E extends AnyEvent, State> {
  /**
   * The stream's current state (one read of the tail past what is cached or snapshotted). With
   * no cache and no snapshots, and a decider that knows what `command`'s decision reads, only
   * that is folded.
   */
  load(streamId: string, command?: unknown): Promise<Either<StoreError, Loaded<State>>>;
  /**
   * `loaded` advanced by `events`, and remembered. The events are stored ones, the store's own
   * copies: a state never holds a reference into a caller's command or decision.
   */
  advance(streamId: string, loaded: Loaded<State>, events: readonly StoredEvent<E>[]): Loaded<State>;
  /**
   * Takes note of `events`, just appended after `loaded`, and returns the stream's new version.
   * The state moves on only where it is kept (cached, or due for a snapshot: the version crossed
   * a multiple of the policy's `every`); a state nobody keeps is not folded any further.
   */
  appended(streamId: string, loaded: Loaded<State>, events: readonly StoredEvent<E>[]): Promise<number>;
}

/** Options of {@link createStreamStates}. */
export interface StreamStatesOptions<E extends AnyEvent, State> {
  readonly eventStore: EventStore<E>;
  readonly decider: Pick<
    RecipeDecider<unknown, E, State, unknown>,
    'recipe' | 'fold' | 'foldOnto' | 'scopedTo'
  >;
  readonly snapshots: SnapshotPolicy<State> | undefined;
  /** How many streams' states to keep (0 disables the cache). */
  readonly cacheSize: number;
}

/** Creates the state source of a handler. */
export const createStreamStates = <E extends AnyEvent, State>(
  options: StreamStatesOptions<E, State>,
): StreamStates<E, State> => {
  const { eventStore, decider, snapshots, cacheSize } = options;
  // Least recently used last out: a hit moves the stream to the end of the map.
  const cache = new Map<string, Loaded<State>>();

  const remember = (streamId: string, loaded: Loaded<State>) => {
    if (cacheSize <= 0 || loaded.scope !== undefined) return;
    const current = cache.get(streamId);
    if (current !== undefined && current.version > loaded.version) return;
    cache.delete(streamId);
    cache.set(streamId, loaded);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  };

  /** Applies `events` to an owned state in place; a recipe that throws leaves it half applied. */
  const foldInPlace = (streamId: string, state: State, events: readonly StoredEvent<E>[]): void => {
    const recipe = decider.recipe;
    try {
      for (let i = 0; i < events.length; i++) recipe(state as Draft<State>, events[i] as unknown as E);
    } catch (cause) {
      // Forgotten, so that the next command folds the stream afresh.
      cache.delete(streamId);
      throw cause;
    }
  };

  const advance = (streamId: string, loaded: Loaded<State>, events: readonly StoredEvent<E>[]) => {
    let next = loaded;
    if (events.length > 0) {
      const version = loaded.version + events.length;
      if (loaded.owned) {
        foldInPlace(streamId, loaded.state, events);
        next = { state: loaded.state, version, scope: undefined, owned: true };
      } else {
        const folds = (loaded.scope as ScopedFolds<State, E> | undefined) ?? decider;
        const state = folds.foldOnto(loaded.state, events as unknown as readonly E[]);
        next = { state, version, scope: loaded.scope, owned: false };
      }
    }
    remember(streamId, next);
    return next;
  };

  const load = async (streamId: string, command?: unknown): Promise<Either<StoreError, Loaded<State>>> => {
    let base: Loaded<State> | undefined = cache.get(streamId);
    if (base === undefined && snapshots !== undefined) {
      const snapshot = await snapshots.store.load(streamId)();
      if (isLeft(snapshot)) return snapshot;
      const found = snapshot.right;
      if (isSome(found) && found.value.schemaVersion === snapshots.schemaVersion) {
        const owned = snapshots.store.keepsCopies === true;
        base = { state: found.value.state, version: found.value.version, scope: undefined, owned };
      }
    }
    const tail = await eventStore.readStream(streamId, { fromVersion: (base?.version ?? 0) + 1 })();
    if (isLeft(tail)) return tail;
    if (base !== undefined) return right(advance(streamId, base, tail.right));
    // Nothing will keep this state beyond the command (no cache, no snapshots): fold only what
    // its decision reads.
    const scope =
      cacheSize <= 0 && snapshots === undefined && command !== undefined
        ? (decider.scopedTo?.(command) as ScopedFolds<State, never> | undefined)
        : undefined;
    const folds = (scope as ScopedFolds<State, E> | undefined) ?? decider;
    // A fresh history folds in place, at replay speed: nobody else holds this state yet. A state
    // scoped to one command stays out of place: only a conflict ever moves it on.
    const loaded = {
      state: folds.fold(tail.right as unknown as readonly E[]),
      version: tail.right.length,
      scope,
      owned: scope === undefined,
    };
    remember(streamId, loaded);
    return right(loaded);
  };

  const snapshotDue = (before: number, after: number): boolean =>
    snapshots !== undefined &&
    snapshots.every > 0 &&
    Math.floor(before / snapshots.every) !== Math.floor(after / snapshots.every);

  const appended = async (streamId: string, loaded: Loaded<State>, events: readonly StoredEvent<E>[]) => {
    const version = loaded.version + events.length;
    // A state folded for one decision is never kept; folding it on would be wasted work, and
    // running the recipes on immer drafts in a process that otherwise folds in place makes
    // their property accesses polymorphic (a third slower on the next cold fold, measured).
    if (loaded.scope !== undefined) return version;
    const due = snapshotDue(loaded.version, version);
    if (cacheSize <= 0 && !due) return version;
    const next = advance(streamId, loaded, events);
    if (due && snapshots !== undefined) {
      // A failed snapshot only costs a longer load later; the command itself succeeded.
      await snapshots.store.save({
        streamId,
        version: next.version,
        schemaVersion: snapshots.schemaVersion,
        state: next.state,
      })();
      // Unless it keeps copies, the snapshot store may hold this very object: now it is shared.
      if (next.owned && snapshots.store.keepsCopies !== true)
        remember(streamId, { state: next.state, version: next.version, scope: undefined, owned: false });
    }
    return next.version;
  };

  return { load, advance, appended };
};
