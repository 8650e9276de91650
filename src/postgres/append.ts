/**
 * Appending to a stream: an empty append only checks the expected version; a batch is one call
 * of the schema's `append_events` function (append-function.ts), whose outcome becomes the
 * stored events or the kernel's `ConcurrencyError`, never a raw driver exception.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { AnyEvent } from '../kernel/envelope.js';
import { type ConcurrencyError, concurrencyError, type StoreError } from '../kernel/errors.js';
import type { AppendResult, ExpectedVersion } from '../kernel/event-store.js';
import { toStoredEvent } from '../kernel/stored-event.js';
import { attempt, constraintOf, type PgPool, type Queryable, sqlStateOf } from './connection.js';
import type { SchemaNames } from './names.js';
import type { Batch } from './rows.js';

/** The stream's version now (0 when it has no events). */
const versionOf = async (db: Queryable, n: SchemaNames, streamId: string): Promise<number> => {
  const result = await db.query(
    `SELECT coalesce(max(version), 0) AS version FROM ${n.events} WHERE stream_id = $1`,
    [streamId],
  );
  return Number(result.rows[0]?.version ?? 0);
};

/** An append of no events: only the expected-version check. */
export const checkOnly = async (
  pool: PgPool,
  n: SchemaNames,
  streamId: string,
  expected: ExpectedVersion,
): Promise<Either<ConcurrencyError | StoreError, AppendResult<never>>> => {
  const current = await attempt(`reading the version of ${streamId}`, () => versionOf(pool, n, streamId));
  if (isLeft(current)) return current;
  if (expected !== 'any' && expected !== current.right) {
    return left(concurrencyError(streamId, expected, current.right));
  }
  return right({ nextVersion: current.right, events: [] });
};

/** Appends a checked, serialised batch in one statement. */
export const appendBatch = async <E extends AnyEvent>(
  pool: PgPool,
  n: SchemaNames,
  streamId: string,
  batch: Batch<E>,
  expected: ExpectedVersion,
): Promise<Either<ConcurrencyError | StoreError, AppendResult<E>>> => {
  const expectedOrNull = expected === 'any' ? null : expected;
  const result = await attempt(`appending to ${streamId}`, () =>
    pool.query(`SELECT out_head, out_position, out_version FROM ${n.appendFunction}($1, $2, $3::jsonb)`, [
      streamId,
      expectedOrNull,
      batch.json,
    ]),
  );
  if (isLeft(result)) {
    const error = result.left.cause;
    if (sqlStateOf(error) !== '23505' || constraintOf(error) !== 'events_stream_version') return result;
    // A writer that does not take the append lock got there first: still only a conflict.
    const actual = await attempt(`reading the version of ${streamId}`, () => versionOf(pool, n, streamId));
    if (isLeft(actual)) return actual;
    return left(concurrencyError(streamId, expectedOrNull ?? actual.right, actual.right));
  }
  const rows = result.right.rows;
  if (rows.length !== batch.events.length || rows[0]?.out_position === null) {
    const actual = Number(rows[0]?.out_head ?? 0);
    return left(concurrencyError(streamId, expectedOrNull ?? actual, actual));
  }
  const positions = rows
    .map((row) => ({ version: Number(row.out_version), position: Number(row.out_position) }))
    .sort((a, b) => a.version - b.version);
  const stored = batch.events.map((event, i) =>
    toStoredEvent(
      event,
      batch.eventIds[i]!,
      streamId,
      positions[i]!.version,
      positions[i]!.position,
      batch.schemaVersions[i]!,
    ),
  );
  return right({ nextVersion: positions[positions.length - 1]!.version, events: stored });
};
