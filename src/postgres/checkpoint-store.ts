/**
 * Checkpoints of projections and other subscribers: the global position up to which a named
 * reader has handled the log, kept in the `checkpoints` table so it survives a restart. The
 * port is the projections' `CheckpointStore` (`load(name)`, `save(name, position)`).
 * @module
 */
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import { storeError } from '../kernel/errors.js';
import type { CheckpointStore } from '../projections/checkpoint-store.js';
import type { PgPool } from './connection.js';
import { createDatabase, type Timeouts } from './database.js';
import { schemaNames } from './names.js';

/** The pool and schema the checkpoints table lives in, and the deadlines of its statements. */
export interface PostgresCheckpointStoreOptions {
  readonly pool: PgPool;
  /** Where {@link migrate} created the tables (default `pbx_options`). */
  readonly schema?: string;
  /** Deadlines for a connection and a statement, as the event store's (default 10 s and 30 s). */
  readonly timeouts?: Timeouts;
}

/** Creates a {@link CheckpointStore} over the `checkpoints` table. */
export const createPostgresCheckpointStore = (options: PostgresCheckpointStoreOptions): CheckpointStore => {
  const db = createDatabase(options.pool, options.timeouts);
  const n = schemaNames(options.schema);
  return {
    load: (name) => async () => {
      const found = await db.query(
        `loading checkpoint ${name}`,
        `SELECT position FROM ${n.checkpoints} WHERE name = $1`,
        [name],
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
      const saved = await db.query(
        `saving checkpoint ${name}`,
        `INSERT INTO ${n.checkpoints} (name, position) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET position = excluded.position, saved_at = now()`,
        [name, position],
      );
      return isLeft(saved) ? saved : right(undefined);
    },
  };
};

export type { CheckpointStore };
