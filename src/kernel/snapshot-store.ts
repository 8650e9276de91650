/**
 * The snapshot store port: a stream's folded state at a version, tagged with the schema version
 * of the state so that a snapshot of an older state shape is ignored rather than trusted.
 * @module
 */
import { right } from 'fp-ts/lib/Either.js';
import { none, type Option, some } from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoreError } from './errors.js';

/** A stream's state as of `version`. */
export interface Snapshot<State> {
  readonly streamId: string;
  /** The stream version the state includes. */
  readonly version: number;
  /** The shape of `state`; snapshots of another version are ignored on load. */
  readonly schemaVersion: number;
  readonly state: State;
}

/** Where snapshots are kept. */
export interface SnapshotStore<State> {
  /** The newest snapshot of a stream, if any. */
  load(streamId: string): TaskEither<StoreError, Option<Snapshot<State>>>;
  /** Keeps a snapshot (an older one than the kept one is ignored). */
  save(snapshot: Snapshot<State>): TaskEither<StoreError, void>;
  /**
   * `true` when the store holds no reference to a state it is given once `save` has run (it
   * serialises it) and `load` hands out a state nobody else holds (freshly parsed): a command
   * handler then keeps moving its cached state on in place, as it does without snapshots. Left
   * out, a state that went to or came from the store is only ever replaced (immer).
   */
  readonly keepsCopies?: boolean;
}

/** An in-memory {@link SnapshotStore}; keeps the newest snapshot per stream. */
export const createInMemorySnapshotStore = <State>(): SnapshotStore<State> => {
  const snapshots = new Map<string, Snapshot<State>>();
  return {
    load: (streamId) => () => {
      const found = snapshots.get(streamId);
      return Promise.resolve(right(found === undefined ? none : some(found)));
    },
    save: (snapshot) => () => {
      const current = snapshots.get(snapshot.streamId);
      if (current === undefined || current.version <= snapshot.version)
        snapshots.set(snapshot.streamId, snapshot);
      return Promise.resolve(right(undefined));
    },
  };
};
