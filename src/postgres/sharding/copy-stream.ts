/**
 * Copying one stream (an account) to another schema or server, to move it to another shard:
 * its events with their versions, ids and payloads as stored, and its commands' outcomes, so that
 * a command sent again after the move is still answered with its first outcome. The source is
 * read in one consistent snapshot; the target is written in one transaction under the stream's
 * lock, and only when it holds nothing of the stream yet. The events get new positions in the
 * target's log (its readers see them as new).
 *
 * Moving an account is a cut-over (docs/postgres.md): stop its writes, copy, switch its
 * assignment, resume. `copyStream` refuses a target that already has the stream, so running it
 * twice does no harm.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { type StoreError, storeError } from '../../kernel/errors.js';
import type { PgPool } from '../connection.js';
import { createDatabase, type Held, type Timeouts } from '../database.js';
import { type SchemaNames, schemaNames } from '../names.js';

/** A schema on a server. */
export interface StreamLocation {
  readonly pool: PgPool;
  /** Default `pbx_options`. */
  readonly schema?: string;
}

/** Which stream to move, from which schema or server to which, with its deadlines and batch size. */
export interface CopyStreamOptions {
  readonly streamId: string;
  readonly from: StreamLocation;
  readonly to: StreamLocation;
  /** Deadlines of each side (default 10 s to connect, 30 s per statement). */
  readonly timeouts?: Timeouts;
  /** Rows per statement (default 5 000). */
  readonly batchSize?: number;
}

/** What was copied. */
export interface CopiedStream {
  readonly events: number;
  readonly commands: number;
  /** The stream's version as copied: the source must not have moved past it before the cut-over. */
  readonly version: number;
}

type Row = Readonly<Record<string, unknown>>;

const readSource = async (
  held: Held,
  n: SchemaNames,
  streamId: string,
  batchSize: number,
): Promise<Either<StoreError, { events: Row[]; commands: Row[] }>> => {
  const doing = `reading stream ${streamId} to copy it`;
  const begun = await held.query(doing, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  if (isLeft(begun)) return begun;
  const events: Row[] = [];
  for (let from = 1; ; ) {
    const page = await held.query(
      doing,
      `SELECT version, event_id, type, schema_version, data::text AS data, metadata::text AS metadata,
              command_id, recorded_at
         FROM ${n.events} WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3`,
      [streamId, from, batchSize],
    );
    if (isLeft(page)) return page;
    for (const row of page.right.rows) events.push(row);
    if (page.right.rows.length < batchSize) break;
    from = Number(events[events.length - 1]!.version) + 1;
  }
  const commands = await held.query(
    doing,
    `SELECT command_id, outcome, first_version, version, error::text AS error, recorded_at
       FROM ${n.commands} WHERE stream_id = $1 ORDER BY command_id`,
    [streamId],
  );
  if (isLeft(commands)) return commands;
  const ended = await held.query(doing, 'COMMIT');
  return isLeft(ended) ? ended : right({ events, commands: [...commands.right.rows] });
};

const writeTarget = async (
  held: Held,
  n: SchemaNames,
  streamId: string,
  source: { events: Row[]; commands: Row[] },
  batchSize: number,
): Promise<Either<StoreError, void>> => {
  const doing = `copying stream ${streamId}`;
  const run = async (sql: string, values?: unknown[]) => {
    const result = await held.query(doing, sql, values);
    if (isLeft(result)) throw result.left;
    return result.right;
  };
  try {
    await run('BEGIN');
    await run(`SELECT pg_advisory_xact_lock(${n.streamLockKey('$1')})`, [streamId]);
    const present = await run(
      `SELECT EXISTS (SELECT 1 FROM ${n.events} WHERE stream_id = $1)
           OR EXISTS (SELECT 1 FROM ${n.commands} WHERE stream_id = $1) AS present`,
      [streamId],
    );
    if (present.rows[0]?.present === true) {
      await run('ROLLBACK');
      return left(
        storeError('Internal', `the target already holds stream ${streamId}: nothing was copied`, {
          streamId,
        }),
      );
    }
    for (let i = 0; i < source.events.length; i += batchSize) {
      await run(
        `INSERT INTO ${n.events} (stream_id, version, event_id, type, schema_version, data, metadata, command_id, recorded_at)
         SELECT $1, r.version, r.event_id, r.type, r.schema_version, r.data::jsonb, r.metadata::jsonb, r.command_id, r.recorded_at
           FROM jsonb_to_recordset($2::jsonb) AS r(version integer, event_id text, type text, schema_version integer,
                                                  data text, metadata text, command_id text, recorded_at timestamptz)
          ORDER BY r.version`,
        [streamId, JSON.stringify(source.events.slice(i, i + batchSize))],
      );
    }
    for (let i = 0; i < source.commands.length; i += batchSize) {
      await run(
        `INSERT INTO ${n.commands} (stream_id, command_id, outcome, first_version, version, error, recorded_at)
         SELECT $1, r.command_id, r.outcome, r.first_version, r.version, r.error::jsonb, r.recorded_at
           FROM jsonb_to_recordset($2::jsonb) AS r(command_id text, outcome text, first_version integer,
                                                  version integer, error text, recorded_at timestamptz)`,
        [streamId, JSON.stringify(source.commands.slice(i, i + batchSize))],
      );
    }
    await run('COMMIT');
    // A hint to the target's subscriptions, after the commit.
    await held.query(doing, `SELECT pg_notify($1, '')`, [n.channel]);
    return right(undefined);
  } catch (error) {
    await held.query(doing, 'ROLLBACK');
    return left(error as StoreError);
  }
};

/** Copies a stream's events and command outcomes from one schema (or server) to another. */
export const copyStream = (options: CopyStreamOptions): TaskEither<StoreError, CopiedStream> => {
  const { streamId } = options;
  const from = schemaNames(options.from.schema);
  const to = schemaNames(options.to.schema);
  const source = createDatabase(options.from.pool, options.timeouts);
  const target = createDatabase(options.to.pool, options.timeouts);
  const batchSize = Math.max(1, options.batchSize ?? 5_000);
  return async () => {
    const reading = await source.hold(`reading stream ${streamId} to copy it`);
    if (isLeft(reading)) return reading;
    const read = await readSource(reading.right, from, streamId, batchSize);
    if (isLeft(read)) await reading.right.query('copying', 'ROLLBACK');
    reading.right.done();
    if (isLeft(read)) return read;
    const writing = await target.hold(`copying stream ${streamId}`);
    if (isLeft(writing)) return writing;
    const written = await writeTarget(writing.right, to, streamId, read.right, batchSize);
    writing.right.done();
    if (isLeft(written)) return written;
    const last = read.right.events[read.right.events.length - 1];
    return right({
      events: read.right.events.length,
      commands: read.right.commands.length,
      version: last === undefined ? 0 : Number(last.version),
    });
  };
};
