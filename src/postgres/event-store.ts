/**
 * The event store port on PostgreSQL.
 *
 * An append is one call of the schema's `append_events` function (append-function.ts): one
 * statement, so one transaction, that takes the schema's append lock (a transaction-level
 * advisory lock). Global positions are therefore handed out in commit order: when a reader sees
 * the event at position p, every event below p is already committed or will never exist.
 * Readers take no lock and never skip an event (docs/postgres.md, "Decisions").
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import { none, some } from 'fp-ts/lib/Option.js';
import type { AnyEvent, StoredEvent } from '../kernel/envelope.js';
import { type StoreError, storeError } from '../kernel/errors.js';
import type { EventStore } from '../kernel/event-store.js';
import type { PayloadRegistry } from '../kernel/registry.js';
import { appendBatch, checkOnly } from './append.js';
import { attempt, type PgPool } from './connection.js';
import { schemaNames } from './names.js';
import { decodeRow, EVENT_COLUMNS, encodeBatch } from './rows.js';
import { subscribeOn } from './subscribe.js';
import { createWakeUps } from './wake-ups.js';

/** Options of {@link createPostgresEventStore}. */
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
}

type Rows = readonly Readonly<Record<string, unknown>>[];

/** Creates an {@link EventStore} over the tables {@link migrate} made. */
export const createPostgresEventStore = <E extends AnyEvent = AnyEvent>(
  options: PostgresEventStoreOptions,
): EventStore<E> => {
  const { pool, registry } = options;
  const n = schemaNames(options.schema);
  const pageSize = Math.max(1, options.pageSize ?? 5_000);
  const listen = options.listen ?? true;
  const wakeUps = createWakeUps({
    pool,
    channel: n.channel,
    listen,
    pollIntervalMs: options.pollIntervalMs ?? (listen ? 1_000 : 100),
  });

  const decodeAll = (rows: Rows, into: StoredEvent<E>[]): StoreError | undefined => {
    for (const row of rows) {
      const event = decodeRow<E>(registry, row);
      if (isLeft(event)) return event.left;
      into.push(event.right);
    }
    return undefined;
  };

  /** Reads page after page until a short one; `next` gives the query of the page after `last`. */
  const paged = async (
    doing: string,
    first: { readonly sql: string; readonly values: unknown[] },
    next: (last: StoredEvent<E>) => unknown[],
    limit: number,
  ): Promise<Either<StoreError, readonly StoredEvent<E>[]>> => {
    const out: StoredEvent<E>[] = [];
    let values = first.values;
    while (out.length < limit) {
      const size = Math.min(pageSize, limit - out.length);
      const page = await attempt(doing, () => pool.query(first.sql, [...values, size]));
      if (isLeft(page)) return page;
      const failed = decodeAll(page.right.rows, out);
      if (failed !== undefined) return left(failed);
      if (page.right.rows.length < size || out.length === 0) break;
      values = next(out[out.length - 1]!);
    }
    return right(out);
  };

  const readAll: EventStore<E>['readAll'] =
    (o = {}) =>
    () =>
      paged(
        'reading all events',
        {
          sql: `SELECT ${EVENT_COLUMNS} FROM ${n.events} WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
          values: [Math.max(0, o.after ?? 0)],
        },
        (last) => [last.metadata.globalPosition],
        o.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, o.limit),
      );

  /** Rejects with a `StoreError` (not a driver exception) when the server cannot be asked. */
  const head = async (): Promise<number> => {
    const result = await attempt('reading the head of the log', () =>
      pool.query(`SELECT coalesce(max(global_position), 0) AS head FROM ${n.events}`),
    );
    if (isLeft(result)) throw result.left;
    return Number(result.right.rows[0]?.head ?? 0);
  };

  return {
    appendToStream:
      (streamId, events, { expectedVersion, eventIds }) =>
      async () => {
        if (eventIds !== undefined && eventIds.length !== events.length) {
          return left(storeError('Internal', 'eventIds must match events one to one', { streamId }));
        }
        if (events.length === 0) return checkOnly(pool, n, streamId, expectedVersion);
        const ids = eventIds ?? events.map((event, i) => `${event.metadata.commandId}/${i}`);
        const batch = encodeBatch(
          registry,
          streamId,
          events,
          ids,
          expectedVersion === 'any' ? undefined : expectedVersion,
        );
        if (isLeft(batch)) return batch;
        return appendBatch<E>(pool, n, streamId, batch.right, expectedVersion);
      },
    readStream:
      (streamId, o = {}) =>
      () =>
        paged(
          `reading stream ${streamId}`,
          {
            sql: `SELECT ${EVENT_COLUMNS} FROM ${n.events} WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3`,
            values: [streamId, Math.max(1, o.fromVersion ?? 1)],
          },
          (last) => [streamId, last.metadata.version + 1],
          Number.POSITIVE_INFINITY,
        ),
    readAll,
    findCommand: (streamId, commandId) => async () => {
      const found = await attempt(`finding command ${commandId}`, () =>
        pool.query(
          `SELECT ${EVENT_COLUMNS} FROM ${n.events} WHERE stream_id = $1 AND command_id = $2 ORDER BY version`,
          [streamId, commandId],
        ),
      );
      if (isLeft(found)) return found;
      if (found.right.rows.length === 0) return right(none);
      const events: StoredEvent<E>[] = [];
      const failed = decodeAll(found.right.rows, events);
      return failed === undefined ? right(some(events)) : left(failed);
    },
    subscribe: (o) => subscribeOn<E>({ readAll, head, wakeUps }, o),
  };
};
