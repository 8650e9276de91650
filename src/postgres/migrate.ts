/**
 * Creates the tables of the PostgreSQL adapters. Numbered steps run once each, recorded in a
 * `migrations` table, inside one transaction under an advisory lock: running it twice, or from
 * several processes at once, is safe.
 * @module
 */
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoreError } from '../kernel/errors.js';
import type { PgPool } from './connection.js';
import { createDatabase, type Timeouts } from './database.js';
import { step1 } from './migrations/v1.js';
import { step2 } from './migrations/v2.js';
import { step3 } from './migrations/v3.js';
import { type SchemaNames, schemaNames } from './names.js';

/** The schema `migrate` creates the tables in (default `pbx_options`) and its deadlines. */
export interface MigrateOptions {
  /** The schema to create the tables in (default `pbx_options`); created when missing. */
  readonly schema?: string;
  /**
   * Deadlines (default: 10 s for a connection, none for a statement: a step that backfills a
   * large table may take minutes).
   */
  readonly timeouts?: Timeouts;
}

/** What a migration did. */
export interface MigrationResult {
  /** The steps applied now (empty when the schema was already up to date). */
  readonly applied: readonly number[];
}

const steps = (n: SchemaNames): ReadonlyArray<{ readonly version: number; readonly sql: string }> => [
  { version: 1, sql: step1(n) },
  { version: 2, sql: step2(n) },
  { version: 3, sql: step3(n) },
];

/** The number of the last migration step this version of the library knows. */
export const SCHEMA_VERSION = 3;

/**
 * Creates (or brings up to date) the schema's tables: `events` (global position, the writing
 * transaction's id, unique `(stream_id, version)` and `(stream_id, event_id)`, `data`/`metadata`
 * as jsonb), `commands` (each command's outcome by stream and id), `snapshots` and
 * `checkpoints`, and the functions appends and recorded outcomes go through.
 */
export const migrate = (
  pool: PgPool,
  options: MigrateOptions = {},
): TaskEither<StoreError, MigrationResult> => migrateUpTo(pool, options, SCHEMA_VERSION);

/** Applies the steps up to `upTo` only: a database as an older version of the library left it. */
export const migrateUpTo = (
  pool: PgPool,
  options: MigrateOptions,
  upTo: number,
): TaskEither<StoreError, MigrationResult> => {
  const n = schemaNames(options.schema); // a bad schema name throws here, like the stores do
  const statementMs = options.timeouts?.statementMs ?? 0;
  const db = createDatabase(pool, { ...options.timeouts, statementMs });
  return async () => {
    const taken = await db.hold(`connecting to migrate ${n.schema}`);
    if (isLeft(taken)) return taken;
    const held = taken.right;
    const doing = `migrating schema ${n.schema}`;
    const applied: number[] = [];
    const run = async (sql: string) => {
      const result = await held.query(doing, sql);
      if (isLeft(result)) throw result.left;
      return result.right;
    };
    try {
      // A pool's own statement_timeout (see poolSettings) would cut a long backfill short.
      await run(`BEGIN; SET LOCAL statement_timeout = ${statementMs}; SET LOCAL lock_timeout = 0;
        SELECT pg_advisory_xact_lock(${n.migrationLock});
        CREATE SCHEMA IF NOT EXISTS "${n.schema}";
        CREATE TABLE IF NOT EXISTS ${n.migrations} (
          version integer PRIMARY KEY,
          applied_at timestamptz NOT NULL DEFAULT now()
        );`);
      const recorded = await run(`SELECT version FROM ${n.migrations}`);
      const present = new Set(recorded.rows.map((row) => Number(row.version)));
      for (const step of steps(n)) {
        if (present.has(step.version) || step.version > upTo) continue;
        await run(`${step.sql}\nINSERT INTO ${n.migrations} (version) VALUES (${step.version});`);
        applied.push(step.version);
      }
      await run('COMMIT');
      return right({ applied });
    } catch (error) {
      await held.query(doing, 'ROLLBACK');
      return left(error as StoreError);
    } finally {
      held.done();
    }
  };
};
