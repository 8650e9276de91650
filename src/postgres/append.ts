/**
 * Appending: one stream's batch, or several streams' batches together, in one call of one of the
 * schema's append functions, hence one statement, one transaction and one round trip. The
 * functions (migrations/v3.ts) lock only the streams they write, check each batch's expected
 * version and command id on its own, and answer per batch: appended (with versions and
 * positions), a version conflict, or a command already recorded. A conflict in one batch leaves
 * the others appended.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { AnyEvent } from '../kernel/envelope.js';
import {
  type CommandAlreadyRecorded,
  type ConcurrencyError,
  commandAlreadyRecorded,
  concurrencyError,
  type StoreError,
  storeError,
} from '../kernel/errors.js';
import type { AppendResult, ExpectedVersion } from '../kernel/event-store.js';
import { toStoredEvent } from '../kernel/stored-event.js';
import { constraintOf, sqlStateOf } from './connection.js';
import { type Database, prepared } from './database.js';
import type { SchemaNames } from './names.js';
import type { Batch } from './rows.js';

/** One stream's batch, checked and serialised. */
export interface PendingAppend<E extends AnyEvent> {
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly commandId: string | undefined;
  readonly batch: Batch<E>;
}

/** What one batch came to. */
export type AppendOutcome<E extends AnyEvent> = Either<
  ConcurrencyError | CommandAlreadyRecorded | StoreError,
  AppendResult<E>
>;

/** The function's argument: `[{ stream, expected, command, events }, …]` as JSON text. */
const argumentOf = (appends: readonly PendingAppend<AnyEvent>[]): string => {
  let json = '[';
  for (let i = 0; i < appends.length; i++) {
    const a = appends[i]!;
    if (i > 0) json += ',';
    json += `{"stream":${JSON.stringify(a.streamId)},"expected":${a.expected === 'any' ? 'null' : a.expected},"command":${a.commandId === undefined ? 'null' : JSON.stringify(a.commandId)},"events":${a.batch.json}}`;
  }
  return `${json}]`;
};

type Row = Readonly<Record<string, unknown>>;

/** Builds one batch's outcome from its rows of the function's answer. */
const outcomeOf = <E extends AnyEvent>(append: PendingAppend<E>, rows: readonly Row[]): AppendOutcome<E> => {
  const { streamId, expected, commandId, batch } = append;
  const first = rows[0];
  const head = Number(first?.out_head ?? 0);
  const status = first?.out_status;
  if (status === 'recorded' && commandId !== undefined)
    return left(commandAlreadyRecorded(streamId, commandId));
  if (status === 'conflict')
    return left(concurrencyError(streamId, expected === 'any' ? head : expected, head));
  if (status !== 'appended' || rows.length !== batch.events.length) {
    return left(
      storeError('Internal', `appending to ${streamId}: unexpected answer ${String(status)}`, { streamId }),
    );
  }
  const stored = new Array<ReturnType<typeof toStoredEvent<E>>>(rows.length);
  for (const row of rows) {
    const version = Number(row.out_version);
    const i = version - head - 1;
    // Frozen like its data (a copy): what an append hands back is the store's, not the caller's.
    const event = toStoredEvent(
      batch.events[i]!,
      batch.eventIds[i]!,
      streamId,
      version,
      Number(row.out_position),
      batch.schemaVersions[i]!,
    );
    Object.freeze(event.metadata);
    Object.freeze(event);
    stored[i] = event;
  }
  return right({ nextVersion: head + rows.length, events: stored });
};

/** A failure of the whole statement, as each batch's outcome. */
const failureOf = (error: StoreError, cause: unknown, append: PendingAppend<AnyEvent>): StoreError => {
  if (sqlStateOf(cause) !== '23505') return error;
  const constraint = constraintOf(cause);
  const message =
    constraint === 'events_stream_event_id'
      ? `an event id of this batch is already used in stream ${append.streamId}; nothing was written`
      : constraint === 'events_stream_version'
        ? `stream ${append.streamId} was written at the same versions by a writer that bypassed its lock; nothing was written`
        : `a row of this batch for ${append.streamId} is already in the store (${constraint ?? 'unique key'}); nothing was written`;
  return storeError('Internal', message, { streamId: append.streamId, cause: error.cause });
};

/** Appends one stream's batch (the common case: plain arguments, no group to unpack). */
export const appendOne = async <E extends AnyEvent>(
  db: Database,
  n: SchemaNames,
  append: PendingAppend<E>,
): Promise<AppendOutcome<E>> => {
  let cause: unknown;
  const result = await db.query(
    `appending to ${append.streamId}`,
    prepared(
      `SELECT out_status, out_head, out_version, out_position FROM ${n.appendOneFunction}($1, $2, $3, $4::jsonb, $5)`,
    ),
    [
      append.streamId,
      append.expected === 'any' ? null : append.expected,
      append.commandId ?? null,
      append.batch.json,
      db.lockTimeout,
    ],
    (error) => {
      cause = error;
    },
  );
  if (isLeft(result)) return left(failureOf(result.left, cause, append));
  return outcomeOf(append, result.right.rows);
};

/**
 * Appends the batches in one transaction and answers each. When the statement itself fails (the
 * server, or a row the database refuses), every batch gets that failure: nothing was written.
 */
export const appendAll = async <E extends AnyEvent>(
  db: Database,
  n: SchemaNames,
  appends: readonly PendingAppend<E>[],
): Promise<readonly AppendOutcome<E>[]> => {
  if (appends.length === 1) return [await appendOne(db, n, appends[0]!)];
  const doing = `appending to ${appends.length} streams`;
  let cause: unknown;
  const result = await db.query(
    doing,
    prepared(
      `SELECT out_n, out_status, out_head, out_version, out_position FROM ${n.appendFunction}($1::jsonb, $2)`,
    ),
    [argumentOf(appends), db.lockTimeout],
    (error) => {
      cause = error;
    },
  );
  if (isLeft(result)) return appends.map((append) => left(failureOf(result.left, cause, append)));
  const byAppend: Row[][] = appends.map(() => []);
  for (const row of result.right.rows) byAppend[Number(row.out_n) - 1]?.push(row);
  return appends.map((append, i) => outcomeOf(append, byAppend[i]!));
};
