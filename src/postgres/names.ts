/**
 * Names derived from the schema a store lives in: its tables, functions, notification channel
 * and advisory lock keys. Every store over the same schema (in any process) derives the same
 * ones, which is what makes the stream locks and the migration lock work across processes.
 * @module
 */

/** The schema used when none is given. */
export const DEFAULT_SCHEMA = 'pbx_options';

/** Everything named after one schema. */
export interface SchemaNames {
  readonly schema: string;
  /** Quoted, schema-qualified table names, ready to splice into SQL. */
  readonly events: string;
  readonly snapshots: string;
  readonly checkpoints: string;
  readonly migrations: string;
  /** The outcome of every command recorded by id, per stream. */
  readonly commands: string;
  /** The quoted, schema-qualified function a group of streams' batches is appended through. */
  readonly appendFunction: string;
  /** The function one stream's batch is appended through. */
  readonly appendOneFunction: string;
  /** The function that records a refused or empty command. */
  readonly recordOutcomeFunction: string;
  /**
   * SQL of the `bigint` advisory lock key of the stream named by the SQL expression `stream`:
   * a 64-bit hash of schema and stream, so writers of different streams (almost) never share one.
   */
  readonly streamLockKey: (stream: string) => string;
  /** The `LISTEN`/`NOTIFY` channel appends announce themselves on. */
  readonly channel: string;
  /** The append function of 0.1.0 (its step still creates it; step 2 drops it). */
  readonly legacyAppendFunction: string;
  /** `a, b` arguments of the lock that serialised every append of 0.1.0 (step 2 waits on it). */
  readonly legacyAppendLock: string;
  /** `a, b` arguments of the advisory lock serialising migrations of this schema. */
  readonly migrationLock: string;
}

// 'pbx1' / 'pbx2' as int4: the first key of our advisory locks, so they stay apart from others'.
const APPEND_LOCK_SPACE = 0x70627831;
const MIGRATION_LOCK_SPACE = 0x70627832;

/** 32-bit FNV-1a of a string, as a signed int4. */
const hash32 = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
};

// Unquoted-identifier rules, short enough that `<schema>_events` fits PostgreSQL's 63 bytes.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/**
 * The names of a schema. Throws a `TypeError` for a schema that is not a plain lower-case
 * identifier: it is configuration, checked once when a store is created, never user input.
 */
export const schemaNames = (schema: string = DEFAULT_SCHEMA): SchemaNames => {
  if (!SCHEMA_NAME.test(schema)) {
    throw new TypeError(
      `schema must match ${SCHEMA_NAME} (a plain lower-case identifier), got ${JSON.stringify(schema)}`,
    );
  }
  const key = hash32(schema);
  return {
    schema,
    events: `"${schema}"."events"`,
    snapshots: `"${schema}"."snapshots"`,
    checkpoints: `"${schema}"."checkpoints"`,
    migrations: `"${schema}"."migrations"`,
    commands: `"${schema}"."commands"`,
    appendFunction: `"${schema}"."append_to_streams"`,
    appendOneFunction: `"${schema}"."append_to_stream"`,
    recordOutcomeFunction: `"${schema}"."record_outcome"`,
    streamLockKey: (stream) => `hashtextextended('${schema}/' || (${stream}), 0)`,
    channel: `${schema}_events`,
    legacyAppendFunction: `"${schema}"."append_events"`,
    legacyAppendLock: `${APPEND_LOCK_SPACE}, ${key}`,
    migrationLock: `${MIGRATION_LOCK_SPACE}, ${key}`,
  };
};
