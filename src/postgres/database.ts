/**
 * Every statement the adapters send goes through here, under two deadlines: one for getting a
 * connection from the pool, one for the statement's answer. A server that accepts connections
 * and never answers (a hung host, a stuck proxy) would otherwise keep a caller waiting forever;
 * here the caller gets `StoreError { code: 'Unavailable' }` when a deadline passes, and the
 * connection that was waiting is destroyed rather than given back to the pool.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import { type StoreError, storeError } from '../kernel/errors.js';
import {
  isUnavailable,
  type PgPool,
  type PooledConnection,
  type QueryResultLike,
  toStoreError,
} from './connection.js';

/** Deadlines of a store's calls to the server, in milliseconds (`0`: no deadline). */
export interface Timeouts {
  /** Waiting for a connection from the pool, including opening a new one (default 10 000). */
  readonly connectMs?: number;
  /** Waiting for the answer to one statement (default 30 000). */
  readonly statementMs?: number;
}

/** A statement to keep prepared on each connection (see {@link prepared}). */
export interface Prepared {
  readonly name: string;
  readonly text: string;
}

/**
 * Two 32-bit hashes of the text (FNV-1a and djb2), in base 36: a name that changes whenever the
 * text does, and that two texts of one pool (say, stores of many schemas) practically never share.
 */
const nameOf = (text: string): string => {
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ code, 0x01000193);
    djb = (Math.imul(djb, 33) + code) | 0;
  }
  return `pbx_${(fnv >>> 0).toString(36)}_${(djb >>> 0).toString(36)}`;
};

/**
 * A statement run often (an append): named after its text, so each connection parses and plans
 * it once. A database made with `prepare: false` sends it as plain text instead.
 */
export const prepared = (text: string): Prepared => ({ name: nameOf(text), text });

/**
 * Runs one statement: `doing` words the error ("appending to account-1"); `inspect` sees the
 * driver's own error, when there is one, for the SQLSTATE or constraint it names.
 */
export type RunQuery = (
  doing: string,
  sql: string | Prepared,
  values?: unknown[],
  inspect?: (driverError: unknown) => void,
) => Promise<Either<StoreError, QueryResultLike>>;

/** A connection held for several statements; `done` gives it back. */
export interface Held {
  /** Runs one statement on the held connection, under the statement deadline. */
  readonly query: RunQuery;
  /**
   * Gives the connection back; with `discard` (or after a statement lost the connection or timed
   * out) the pool closes it instead of reusing it.
   */
  readonly done: (discard?: boolean) => void;
  /** The connection itself (to listen for notifications on it). */
  readonly client: PooledConnection;
}

/** A pool with deadlines. */
export interface Database {
  readonly pool: PgPool;
  /**
   * The statement deadline as a `lock_timeout` setting (`'250ms'`), or `null` without one: a
   * statement that waits for a lock gives up on the server when its caller has given up.
   */
  readonly lockTimeout: string | null;
  /** Runs one statement on a pooled connection. */
  readonly query: RunQuery;
  /** Takes a connection for a transaction or a `LISTEN`. */
  readonly hold: (doing: string) => Promise<Either<StoreError, Held>>;
}

const DEFAULT_CONNECT_MS = 10_000;
const DEFAULT_STATEMENT_MS = 30_000;
const TIMED_OUT = Symbol('timed out');

/** Resolves with the promise's value, or with {@link TIMED_OUT} after `ms` (never, for 0). */
const within = <A>(promise: Promise<A>, ms: number): Promise<A | typeof TIMED_OUT> => {
  if (ms <= 0) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
};

const timedOut = (doing: string, what: string, ms: number): StoreError => {
  const reason = `no ${what} within ${ms} ms`;
  return storeError('Unavailable', `PostgreSQL is unavailable (${doing}): ${reason}`, { cause: reason });
};

// A held pg client that loses its connection emits 'error' besides failing the statement: with
// no listener that would crash the process, so one listens while we hold it.
const ignore = () => undefined;

const checkTimeout = (name: string, value: number | undefined, fallback: number): number => {
  const ms = value ?? fallback;
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new TypeError(
      `timeouts.${name} must be a non-negative integer of milliseconds, got ${String(value)}`,
    );
  }
  return ms;
};

/**
 * Wraps a pool with the deadlines of {@link Timeouts} (a bad value throws a `TypeError` here).
 * `prepare: false` sends {@link prepared} statements as plain text: for a connection pooler
 * that does not keep prepared statements across transactions.
 */
export const createDatabase = (pool: PgPool, timeouts: Timeouts = {}, prepare = true): Database => {
  const connectMs = checkTimeout('connectMs', timeouts.connectMs, DEFAULT_CONNECT_MS);
  const statementMs = checkTimeout('statementMs', timeouts.statementMs, DEFAULT_STATEMENT_MS);

  const hold = async (doing: string): Promise<Either<StoreError, Held>> => {
    const pending = pool.connect();
    let taken: PooledConnection | typeof TIMED_OUT;
    try {
      taken = await within(pending, connectMs);
    } catch (error) {
      return left(toStoreError(error, doing));
    }
    if (taken === TIMED_OUT) {
      // Should the connection come after all, it goes back unused.
      pending.then(
        (late) => late.release(),
        () => undefined,
      );
      return left(timedOut(doing, 'connection', connectMs));
    }
    const client = taken;
    client.on('error', ignore);
    let broken: Error | undefined;
    let released = false;
    return right({
      client,
      query: async (what, sql, values, inspect) => {
        if (broken !== undefined) return left(toStoreError(broken, what));
        let result: QueryResultLike | typeof TIMED_OUT;
        try {
          const sent =
            typeof sql === 'string'
              ? client.query(sql, values)
              : prepare
                ? client.query(values === undefined ? sql : { name: sql.name, text: sql.text, values })
                : client.query(sql.text, values);
          result = await within(sent, statementMs);
        } catch (error) {
          inspect?.(error);
          if (isUnavailable(error)) broken = error instanceof Error ? error : new Error(String(error));
          return left(toStoreError(error, what));
        }
        if (result === TIMED_OUT) {
          // The connection is still waiting for that answer: it cannot be used again.
          broken = new Error(`no answer within ${statementMs} ms`);
          return left(timedOut(what, 'answer', statementMs));
        }
        return right(result);
      },
      done: (discard) => {
        if (released) return;
        released = true;
        if (broken === undefined && discard !== true) {
          client.removeListener('error', ignore);
          client.release();
        } else {
          // Closed by the pool: our listener stays, so errors of the closing socket are absorbed.
          client.release(broken ?? true);
        }
      },
    });
  };

  return {
    pool,
    lockTimeout: statementMs > 0 ? `${statementMs}ms` : null,
    hold,
    query: async (doing, sql, values, inspect) => {
      const held = await hold(doing);
      if (isLeft(held)) return held;
      const result = await held.right.query(doing, sql, values, inspect);
      held.right.done();
      return result;
    },
  };
};
