/**
 * Creates the tables of the PostgreSQL adapters. Numbered steps run once each, recorded in a
 * `migrations` table, inside one transaction under an advisory lock: running it twice, or from
 * several processes at once, is safe.
 * @module
 */
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoreError } from '../kernel/errors.js';
import { appendFunctionSql } from './append-function.js';
import { checkout, type PgPool, toStoreError } from './connection.js';
import { type SchemaNames, schemaNames } from './names.js';

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** The schema to create the tables in (default `pbx_options`); created when missing. */
  readonly schema?: string;
}

/** What a migration did. */
export interface MigrationResult {
  /** The steps applied now (empty when the schema was already up to date). */
  readonly applied: readonly number[];
}

const steps = (n: SchemaNames): ReadonlyArray<{ readonly version: number; readonly sql: string }> => [
  {
    version: 1,
    sql: `
      CREATE TABLE IF NOT EXISTS ${n.events} (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        event_id text NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        command_id text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version UNIQUE (stream_id, version),
        CONSTRAINT events_event_id UNIQUE (event_id)
      );
      CREATE INDEX IF NOT EXISTS events_stream_command ON ${n.events} (stream_id, command_id);
      CREATE TABLE IF NOT EXISTS ${n.snapshots} (
        stream_id text PRIMARY KEY,
        version integer NOT NULL,
        schema_version integer NOT NULL,
        state jsonb NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS ${n.checkpoints} (
        name text PRIMARY KEY,
        position bigint NOT NULL CHECK (position >= 0),
        saved_at timestamptz NOT NULL DEFAULT now()
      );
      ${appendFunctionSql(n)}`,
  },
];

/**
 * Creates (or brings up to date) the schema's tables: `events` (global position, unique
 * `(stream_id, version)`, type, `data`/`metadata` as jsonb, an index by command id),
 * `snapshots` and `checkpoints`, and the `append_events` function appends go through.
 */
export const migrate = (
  pool: PgPool,
  options: MigrateOptions = {},
): TaskEither<StoreError, MigrationResult> => {
  const n = schemaNames(options.schema); // a bad schema name throws here, like the stores do
  return async () => {
    const taken = await checkout(pool, 'connecting to migrate');
    if (isLeft(taken)) return taken;
    const { client, done } = taken.right;
    const applied: number[] = [];
    try {
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${n.migrationLock});
        CREATE SCHEMA IF NOT EXISTS "${n.schema}";
        CREATE TABLE IF NOT EXISTS ${n.migrations} (
          version integer PRIMARY KEY,
          applied_at timestamptz NOT NULL DEFAULT now()
        );`);
      const recorded = await client.query(`SELECT version FROM ${n.migrations}`);
      const present = new Set(recorded.rows.map((row) => Number(row.version)));
      for (const step of steps(n)) {
        if (present.has(step.version)) continue;
        await client.query(`${step.sql}\nINSERT INTO ${n.migrations} (version) VALUES (${step.version});`);
        applied.push(step.version);
      }
      await client.query('COMMIT');
      done();
      return right({ applied });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      done(error);
      return left(toStoreError(error, `migrating schema ${n.schema}`));
    }
  };
};
