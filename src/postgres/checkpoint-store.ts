/**
 * Checkpoints of projections and other subscribers: the global position up to which a named
 * reader has handled the log, kept in the `checkpoints` table so it survives a restart.
 * @module
 */
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { type StoreError, storeError } from '../kernel/errors.js';
import { attempt, type PgPool } from './connection.js';
import { schemaNames } from './names.js';

/** Where a named reader keeps its position (the same shape as the projections' in-memory one). */
export interface CheckpointStore {
  /** The saved position of `name`, 0 when it never saved one. */
  load(name: string): TaskEither<StoreError, number>;
  /** Saves `position` as the position of `name` (replacing it, so a rebuild can start at 0). */
  save(name: string, position: number): TaskEither<StoreError, void>;
}

/** Options of {@link createPostgresCheckpointStore}. */
export interface PostgresCheckpointStoreOptions {
  readonly pool: PgPool;
  /** Where {@link migrate} created the tables (default `pbx_options`). */
  readonly schema?: string;
}

/** Creates a {@link CheckpointStore} over the `checkpoints` table. */
export const createPostgresCheckpointStore = (options: PostgresCheckpointStoreOptions): CheckpointStore => {
  const { pool } = options;
  const n = schemaNames(options.schema);
  return {
    load: (name) => async () => {
      const found = await attempt(`loading checkpoint ${name}`, () =>
        pool.query(`SELECT position FROM ${n.checkpoints} WHERE name = $1`, [name]),
      );
      if (isLeft(found)) return found;
      const row = found.right.rows[0];
      return right(row === undefined ? 0 : Number(row.position));
    },
    save: (name, position) => async () => {
      if (!Number.isSafeInteger(position) || position < 0) {
        return left(
          storeError(
            'Internal',
            `checkpoint ${name}: position must be a non-negative integer, got ${position}`,
          ),
        );
      }
      const saved = await attempt(`saving checkpoint ${name}`, () =>
        pool.query(
          `INSERT INTO ${n.checkpoints} (name, position) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET position = excluded.position, saved_at = now()`,
          [name, position],
        ),
      );
      return isLeft(saved) ? saved : right(undefined);
    },
  };
};
