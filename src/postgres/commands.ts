/**
 * Command outcomes in the `commands` table: what `findCommand` reads back and what
 * `recordOutcome` writes for a command that appended nothing. Appends write their own outcome in
 * the append function, in the same transaction as their events.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import { none, type Option, some } from 'fp-ts/lib/Option.js';
import type { AnyEvent, StoredEvent } from '../kernel/envelope.js';
import {
  type CommandAlreadyRecorded,
  type ConcurrencyError,
  commandAlreadyRecorded,
  concurrencyError,
  type DomainError,
  type StoreError,
  storeError,
} from '../kernel/errors.js';
import type { AppendResult, CommandOutcome, EventlessOutcome } from '../kernel/event-store.js';
import type { PayloadRegistry } from '../kernel/registry.js';
import { type Database, prepared } from './database.js';
import { inJsonbOrder } from './jsonb-order.js';
import type { SchemaNames } from './names.js';
import { decodeRow, EVENT_COLUMNS } from './rows.js';

const malformed = (streamId: string, commandId: string, what: string): StoreError =>
  storeError('Internal', `the recorded outcome of command ${commandId} in ${streamId} ${what}`, { streamId });

/** A stored refusal read back: a domain error's shape, or nothing. */
const domainErrorOf = (value: unknown): DomainError | undefined => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { _tag, code, message, details } = value as Record<string, unknown>;
  if (_tag !== 'DomainError' || typeof code !== 'string' || typeof message !== 'string') return undefined;
  return { _tag: 'DomainError', code, message, details };
};

/** Reads the outcome of `commandId` in `streamId`, with the events it appended. */
export const findCommand = async <E extends AnyEvent>(
  db: Database,
  n: SchemaNames,
  registry: PayloadRegistry,
  streamId: string,
  commandId: string,
): Promise<Either<StoreError, Option<CommandOutcome<E>>>> => {
  const found = await db.query(
    `finding command ${commandId} in ${streamId}`,
    `SELECT c.outcome, c.first_version, c.version AS outcome_version, c.error, ${EVENT_COLUMNS.split(', ')
      .map((column) => `e.${column}`)
      .join(', ')}
       FROM ${n.commands} c
       LEFT JOIN ${n.events} e ON e.stream_id = c.stream_id AND e.version BETWEEN c.first_version AND c.version
      WHERE c.stream_id = $1 AND c.command_id = $2
      ORDER BY e.version`,
    [streamId, commandId],
  );
  if (isLeft(found)) return found;
  const rows = found.right.rows;
  const first = rows[0];
  if (first === undefined) return right(none);
  const version = Number(first.outcome_version);
  switch (first.outcome) {
    case 'unchanged':
      return right(some({ kind: 'unchanged', version }));
    case 'refused': {
      const error = domainErrorOf(first.error);
      if (error === undefined) return left(malformed(streamId, commandId, 'is not a domain error'));
      return right(some({ kind: 'refused', version, error }));
    }
    case 'appended': {
      const events: StoredEvent<E>[] = [];
      for (const row of rows) {
        if (row.global_position === null) continue;
        const event = decodeRow<E>(registry, row);
        if (isLeft(event)) return event;
        events.push(event.right);
      }
      if (events.length !== version - Number(first.first_version) + 1) {
        return left(malformed(streamId, commandId, 'names events the stream does not have'));
      }
      return right(some({ kind: 'appended', version, events }));
    }
    default:
      return left(malformed(streamId, commandId, `has an unknown kind ${JSON.stringify(first.outcome)}`));
  }
};

/** What the record function answered: recorded at a version, known already, or a version conflict. */
type Recorded<E extends AnyEvent> =
  | { readonly status: 'recorded'; readonly outcome: CommandOutcome<E> }
  | { readonly status: 'exists' }
  | { readonly status: 'conflict'; readonly version: number };

const record = async <E extends AnyEvent>(
  db: Database,
  n: SchemaNames,
  streamId: string,
  commandId: string,
  outcome: EventlessOutcome,
  expected: number | null,
): Promise<Either<StoreError, Recorded<E>>> => {
  let error: DomainError | undefined;
  let json: string | null = null;
  if (outcome.kind === 'refused') {
    try {
      json = JSON.stringify(outcome.error);
    } catch (cause) {
      const why = `the refusal of command ${commandId} cannot be kept as JSON: ${String(cause)}`;
      return left(storeError('Internal', why, { streamId }));
    }
    // What a later findCommand returns: the same JSON, read back from jsonb.
    error = domainErrorOf(inJsonbOrder(JSON.parse(json)));
    if (error === undefined)
      return left(storeError('Internal', 'a refusal must be a domain error', { streamId }));
  }
  const recorded = await db.query(
    `recording the outcome of command ${commandId} in ${streamId}`,
    prepared(`SELECT out_status, out_version FROM ${n.recordOutcomeFunction}($1, $2, $3, $4::jsonb, $5, $6)`),
    [streamId, commandId, outcome.kind, json, expected, db.lockTimeout],
  );
  if (isLeft(recorded)) return recorded;
  const row = recorded.right.rows[0];
  const version = Number(row?.out_version ?? 0);
  if (row?.out_status === 'conflict') return right({ status: 'conflict', version });
  if (row?.out_status !== 'recorded') return right({ status: 'exists' });
  return right({
    status: 'recorded',
    outcome: error === undefined ? { kind: 'unchanged', version } : { kind: 'refused', version, error },
  });
};

/** Records a refused or empty command at the stream's current version. */
export const recordOutcome = async <E extends AnyEvent>(
  db: Database,
  n: SchemaNames,
  streamId: string,
  commandId: string,
  outcome: EventlessOutcome,
): Promise<Either<CommandAlreadyRecorded | StoreError, CommandOutcome<E>>> => {
  const recorded = await record<E>(db, n, streamId, commandId, outcome, null);
  if (isLeft(recorded)) return recorded;
  // Without an expected version the function never answers with a conflict.
  return recorded.right.status === 'recorded'
    ? right(recorded.right.outcome)
    : left(commandAlreadyRecorded(streamId, commandId));
};

/** An empty append with a command id: `unchanged` recorded when the stream is at `expected` (or any). */
export const recordUnchanged = async <E extends AnyEvent>(
  db: Database,
  n: SchemaNames,
  streamId: string,
  commandId: string,
  expected: number | null,
): Promise<Either<CommandAlreadyRecorded | ConcurrencyError | StoreError, AppendResult<E>>> => {
  const recorded = await record<E>(db, n, streamId, commandId, { kind: 'unchanged' }, expected);
  if (isLeft(recorded)) return recorded;
  const r = recorded.right;
  if (r.status === 'exists') return left(commandAlreadyRecorded(streamId, commandId));
  if (r.status === 'conflict') return left(concurrencyError(streamId, expected ?? r.version, r.version));
  return right({ nextVersion: r.outcome.version, events: [] });
};
