/**
 * Where a catch-up projector keeps how far it has read the log: a named global position. The
 * same port as `pbx-options/postgres`'s `createPostgresCheckpointStore`, so either works.
 * @module
 */
import { right } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoreError } from '../kernel/errors.js';

/** Positions of named readers of the log. */
export interface CheckpointStore {
  /** The saved position of `name`, 0 when it never saved one. */
  load(name: string): TaskEither<StoreError, number>;
  /** Saves `position` as the position of `name` (replacing it, so a rebuild can start at 0). */
  save(name: string, position: number): TaskEither<StoreError, void>;
}

/** An in-memory {@link CheckpointStore} (tests, single-process tools). */
export const createInMemoryCheckpointStore = (): CheckpointStore => {
  const positions = new Map<string, number>();
  return {
    load: (name) => () => Promise.resolve(right(positions.get(name) ?? 0)),
    save: (name, position) => () => {
      positions.set(name, position);
      return Promise.resolve(right(undefined));
    },
  };
};
