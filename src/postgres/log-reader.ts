/**
 * Reading the whole log in an order that never skips a late commit, with no lock between writers.
 *
 * Each row records the id of the transaction that wrote it. A read takes the oldest transaction
 * still running in its snapshot (`pg_snapshot_xmin`) as a cut and returns only rows of older
 * transactions, ordered by (transaction id, position). Every transaction below the cut has ended,
 * so its rows are all visible, and any row committed later belongs to a transaction at or above
 * the cut: it sorts after everything returned. A reader that resumes after the last pair it got
 * therefore misses nothing and gets nothing twice.
 *
 * The pair is the checkpoint, but callers keep only the position: a position names one event
 * row, and the row gives its transaction id back (`resolve` below), so the port's numeric
 * `after` and every saved checkpoint keep working. Positions themselves are no longer in
 * delivery order across concurrent transactions.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { AnyEvent, StoredEvent } from '../kernel/envelope.js';
import { type StoreError, storeError } from '../kernel/errors.js';
import type { PayloadRegistry } from '../kernel/registry.js';
import type { Database } from './database.js';
import type { SchemaNames } from './names.js';
import { decodeRow, EVENT_COLUMNS } from './rows.js';

/** Where a reader is: the (transaction id, position) pair of the last event it got. */
export interface Cursor {
  /** The transaction id as decimal text (`xid8`; `'0'` for rows written before it was recorded). */
  readonly xid: string;
  readonly position: number;
}

/** Before the first event. */
export const START: Cursor = { xid: '0', position: 0 };

/** Orders two cursors as the log does. */
export const compareCursors = (a: Cursor, b: Cursor): number => {
  if (a.xid !== b.xid) {
    const x = BigInt(a.xid);
    const y = BigInt(b.xid);
    return x < y ? -1 : 1;
  }
  return a.position - b.position;
};

/** One page of the log. */
export interface LogPage<E extends AnyEvent> {
  readonly events: readonly StoredEvent<E>[];
  /** Where the page ended (the starting cursor when it is empty). */
  readonly cursor: Cursor;
  /**
   * Committed events exist past the cut: a transaction that began before them still runs. They
   * come once it ends; a reader that wants them soon looks again shortly.
   */
  readonly heldBack: boolean;
}

const prefixed = (alias: string) =>
  EVENT_COLUMNS.split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');

/** The reader of one schema's log. */
export interface LogReader<E extends AnyEvent> {
  /** Up to `limit` events after `from` (a cursor, or a bare position to resolve into one). */
  readonly page: (from: Cursor | number, limit: number) => Promise<Either<StoreError, LogPage<E>>>;
  /** The last event committed now, in log order (`undefined` for an empty log). */
  readonly head: () => Promise<Either<StoreError, Cursor | undefined>>;
}

/** Creates the reader of a schema's log. */
export const createLogReader = <E extends AnyEvent>(
  db: Database,
  n: SchemaNames,
  registry: PayloadRegistry,
): LogReader<E> => {
  // One statement, one snapshot: the cut, whether anything is held back, and the page.
  const pageSql = `
    SELECT c.start_xid::text AS start_xid, h.held_back, e.transaction_id::text AS xid, ${prefixed('e')}
      FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS cut,
                   CASE WHEN $2::bigint = 0 THEN '0'::xid8
                        ELSE coalesce($1::xid8, (SELECT x.transaction_id FROM ${n.events} x
                                                  WHERE x.global_position = $2::bigint)) END AS start_xid) c
     CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM ${n.events} y WHERE y.transaction_id >= c.cut) AS held_back) h
      LEFT JOIN LATERAL (
            SELECT r.transaction_id, ${prefixed('r')} FROM ${n.events} r
             WHERE (r.transaction_id, r.global_position) > (c.start_xid, $2::bigint) AND r.transaction_id < c.cut
             ORDER BY r.transaction_id, r.global_position
             LIMIT $3) e ON true
     ORDER BY e.transaction_id, e.global_position`;

  return {
    page: async (from, limit) => {
      const cursor = typeof from === 'number' ? undefined : from;
      const position = typeof from === 'number' ? Math.max(0, from) : from.position;
      const result = await db.query('reading all events', pageSql, [cursor?.xid ?? null, position, limit]);
      if (isLeft(result)) return result;
      const rows = result.right.rows;
      const first = rows[0];
      if (first === undefined || first.start_xid === null) {
        return left(
          storeError(
            'Internal',
            `reading all events after position ${position}: no event has that position (a checkpoint must be the position of an event read from this store)`,
          ),
        );
      }
      const events: StoredEvent<E>[] = [];
      let last: Cursor = { xid: String(first.start_xid), position };
      for (const row of rows) {
        if (row.global_position === null) continue; // no events: the one row of the outer join
        const event = decodeRow<E>(registry, row);
        if (isLeft(event)) return event;
        events.push(event.right);
        last = { xid: String(row.xid), position: event.right.metadata.globalPosition };
      }
      return right({ events, cursor: last, heldBack: first.held_back === true });
    },
    head: async () => {
      const result = await db.query(
        'reading the head of the log',
        `SELECT transaction_id::text AS xid, global_position FROM ${n.events}
          ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
      );
      if (isLeft(result)) return result;
      const row = result.right.rows[0];
      return right(
        row === undefined ? undefined : { xid: String(row.xid), position: Number(row.global_position) },
      );
    },
  };
};
