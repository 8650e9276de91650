/**
 * The event store port on PostgreSQL.
 *
 * An append is one call of the schema's append function (append.ts): one statement, so one
 * transaction, that locks only the stream it writes and records the command's outcome with the
 * events. Appends to different streams never wait on each other. Readers of the whole log order
 * rows by the transaction that wrote them and stop below the oldest one still running
 * (log-reader.ts), so they never skip a late commit. After a commit the store sends a `NOTIFY`
 * as a hint to subscriptions; it is not part of the transaction.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { AnyEvent, StoredEvent } from '../kernel/envelope.js';
import {
  type CommandAlreadyRecorded,
  type ConcurrencyError,
  concurrencyError,
  type StoreError,
  storeError,
} from '../kernel/errors.js';
import type { AppendResult, EventStore } from '../kernel/event-store.js';
import type { PayloadRegistry } from '../kernel/registry.js';
import { createAnnouncer } from './announce.js';
import { findCommand, recordOutcome, recordUnchanged } from './commands.js';
import type { PgPool } from './connection.js';
import { createDatabase, type Timeouts } from './database.js';
import { createAppender, type GroupCommitOptions } from './group-commit.js';
import { type Cursor, createLogReader } from './log-reader.js';
import { schemaNames } from './names.js';
import { decodeRow, EVENT_COLUMNS, encodeBatch } from './rows.js';
import { subscribeOn } from './subscribe.js';
import { createWakeUps } from './wake-ups.js';

/** The pool and payload registry a store needs, and its schema, page size, wake-ups and deadlines. */
export interface PostgresEventStoreOptions {
  /** A `pg.Pool` (or anything with its `query`/`connect`). */
  readonly pool: PgPool;
  /** Decodes (and upcasts) the `data` of every row read. */
  readonly registry: PayloadRegistry;
  /** Where {@link migrate} created the tables (default `pbx_options`). */
  readonly schema?: string;
  /** Rows per query when reading (default 5 000). */
  readonly pageSize?: number;
  /** Subscriptions wake on `NOTIFY` (default `true`); `false` polls only and holds no connection. */
  readonly listen?: boolean;
  /** How often a waiting subscription looks for new events anyway (default 1 000 ms; 100 ms without `listen`). */
  readonly pollIntervalMs?: number;
  /**
   * Deadlines for a connection and for each statement (default 10 s and 30 s). When one passes,
   * the call fails with `StoreError { code: 'Unavailable' }` and the waiting connection is closed.
   */
  readonly timeouts?: Timeouts;
  /**
   * Gathers appends of different streams that arrive together into one transaction (one commit
   * for many commands); each stream's batch is still checked and answered on its own. Off by
   * default; `true` for the default sizes.
   */
  readonly groupCommit?: boolean | GroupCommitOptions;
  /**
   * Appends go as statements each connection prepares once (default `true`). Set `false` behind
   * a connection pooler that does not keep prepared statements across transactions (PgBouncer
   * in transaction mode before 1.21, or without `max_prepared_statements`).
   */
  readonly preparedStatements?: boolean;
  /**
   * How long `readAll` waits, at most, for transactions that hold back events already committed
   * (they began earlier and still run) before it returns without those events (default 1 000 ms).
   */
  readonly readAllWaitMs?: number;
}

type Rows = readonly Readonly<Record<string, unknown>>[];

/** Creates an {@link EventStore} over the tables {@link migrate} made. */
export const createPostgresEventStore = <E extends AnyEvent = AnyEvent>(
  options: PostgresEventStoreOptions,
): EventStore<E> => {
  const { registry } = options;
  const n = schemaNames(options.schema);
  const db = createDatabase(options.pool, options.timeouts, options.preparedStatements ?? true);
  const pageSize = Math.max(1, options.pageSize ?? 5_000);
  const readAllWaitMs = Math.max(0, options.readAllWaitMs ?? 1_000);
  const listen = options.listen ?? true;
  const wakeUps = createWakeUps({
    db,
    channel: n.channel,
    listen,
    pollIntervalMs: options.pollIntervalMs ?? (listen ? 1_000 : 100),
  });
  const reader = createLogReader<E>(db, n, registry);
  const group = options.groupCommit;
  const append = createAppender<E>(db, n, group === true ? {} : group === false ? undefined : group);
  const announce = createAnnouncer(db, n.channel);

  const decodeAll = (rows: Rows, into: StoredEvent<E>[]): StoreError | undefined => {
    for (const row of rows) {
      const event = decodeRow<E>(registry, row);
      if (isLeft(event)) return event.left;
      into.push(event.right);
    }
    return undefined;
  };

  const readStream: EventStore<E>['readStream'] =
    (streamId, o = {}) =>
    async () => {
      const out: StoredEvent<E>[] = [];
      const pageFrom = (from: number) =>
        db.query(
          `reading stream ${streamId}`,
          `SELECT ${EVENT_COLUMNS} FROM ${n.events} WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3`,
          [streamId, from, pageSize],
        );
      let next = pageFrom(Math.max(1, o.fromVersion ?? 1));
      for (;;) {
        const page = await next;
        if (isLeft(page)) return page;
        const rows = page.right.rows;
        const full = rows.length === pageSize;
        // The next page is asked for before this one is decoded: the server reads it meanwhile.
        if (full) next = pageFrom(Number(rows[rows.length - 1]!.version) + 1);
        const failed = decodeAll(rows, out);
        if (failed !== undefined) {
          if (full) await next; // its connection goes back to the pool before the error does
          return left(failed);
        }
        if (!full) return right(out);
      }
    };

  const readAll: EventStore<E>['readAll'] =
    (o = {}) =>
    async () => {
      const limit = o.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, o.limit);
      const out: StoredEvent<E>[] = [];
      let from: Cursor | number = Math.max(0, o.after ?? 0);
      let waited = 0;
      while (out.length < limit) {
        const size = Math.min(pageSize, limit - out.length);
        const page = await reader.page(from, size);
        if (isLeft(page)) return page;
        for (const event of page.right.events) out.push(event);
        from = page.right.cursor;
        if (page.right.events.length === size) continue;
        // Short page: the end of the log, unless events already committed are held back by an
        // older transaction that still runs. Wait a little for it, so a reader sees its own appends.
        if (!page.right.heldBack || waited >= readAllWaitMs) break;
        const pause = Math.min(waited < 50 ? 5 : 25, readAllWaitMs - waited);
        await new Promise((resolve) => setTimeout(resolve, pause));
        waited += pause;
      }
      return right(out);
    };

  /** An append of no events: with a command id it records `unchanged`, else it only checks the version. */
  const appendNothing = async (
    streamId: string,
    expected: number | 'any',
    commandId: string | undefined,
  ): Promise<Either<ConcurrencyError | CommandAlreadyRecorded | StoreError, AppendResult<E>>> => {
    if (commandId !== undefined) {
      return recordUnchanged<E>(db, n, streamId, commandId, expected === 'any' ? null : expected);
    }
    const found = await db.query(
      `reading the version of ${streamId}`,
      `SELECT coalesce(max(version), 0) AS version FROM ${n.events} WHERE stream_id = $1`,
      [streamId],
    );
    if (isLeft(found)) return found;
    const version = Number(found.right.rows[0]?.version ?? 0);
    if (expected !== 'any' && expected !== version)
      return left(concurrencyError(streamId, expected, version));
    return right({ nextVersion: version, events: [] });
  };

  return {
    appendToStream:
      (streamId, events, { expectedVersion, eventIds, commandId }) =>
      async () => {
        if (eventIds !== undefined && eventIds.length !== events.length) {
          return left(storeError('Internal', 'eventIds must match events one to one', { streamId }));
        }
        if (events.length === 0) return appendNothing(streamId, expectedVersion, commandId);
        const ids = eventIds ?? events.map((event, i) => `${event.metadata.commandId}/${i}`);
        if (new Set(ids).size !== ids.length) {
          return left(storeError('Internal', 'eventIds must be unique within an append', { streamId }));
        }
        const batch = encodeBatch(
          registry,
          streamId,
          events,
          ids,
          expectedVersion === 'any' ? undefined : expectedVersion,
        );
        if (isLeft(batch)) return batch;
        const outcome = await append({ streamId, expected: expectedVersion, commandId, batch: batch.right });
        if (outcome._tag === 'Right') announce();
        return outcome;
      },
    readStream,
    readAll,
    recordOutcome: (streamId, commandId, outcome) => () =>
      recordOutcome<E>(db, n, streamId, commandId, outcome),
    findCommand: (streamId, commandId) => () => findCommand<E>(db, n, registry, streamId, commandId),
    subscribe: (o) => subscribeOn<E>(reader, wakeUps, o),
  };
};
