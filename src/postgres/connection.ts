/**
 * What the PostgreSQL adapters need of a connection pool, structurally: a `pg.Pool` fits, and so
 * does anything with the same `query`/`connect`. `pg` stays an optional peer dependency that
 * this module never imports, and failures of the driver become {@link StoreError} values here.
 * @module
 */
import { type StoreError, storeError } from '../kernel/errors.js';

/** The rows of a query (`pg.QueryResult` fits). */
export interface QueryResultLike {
  /** Rows as untyped records: every column is checked where it is read. */
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/**
 * A statement the server keeps prepared on each connection under `name` (`pg.QueryConfig` fits):
 * parsed and planned once per connection instead of on every call.
 */
export interface NamedQuery {
  readonly name: string;
  readonly text: string;
  readonly values?: unknown[];
}

/** Something that runs SQL (`pg.Pool`, `pg.PoolClient`, `pg.Client`). */
export interface Queryable {
  /** Runs one statement with positional parameters (`$1`, `$2`, …), given as text or prepared by name. */
  query(query: string | NamedQuery, values?: unknown[]): Promise<QueryResultLike>;
}

/** A `LISTEN` notification (`pg.Notification` fits). */
export interface PgNotification {
  readonly channel: string;
  readonly payload?: string | undefined;
}

/** A connection taken from the pool (`pg.PoolClient` fits). */
export interface PooledConnection extends Queryable {
  /** Gives the connection back; with an error, the pool discards it. */
  release(error?: Error | boolean): void;
  /** Listens to `LISTEN` notifications on this connection. */
  on(event: 'notification', listener: (message: PgNotification) => void): unknown;
  /** Listens to errors of this connection (a dropped connection emits one). */
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Stops listening to notifications. */
  removeListener(event: 'notification', listener: (message: PgNotification) => void): unknown;
  /** Stops listening to errors. */
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

/** A connection pool (`pg.Pool` fits). */
export interface PgPool extends Queryable {
  /** Takes a connection for a transaction or a `LISTEN`. */
  connect(): Promise<PooledConnection>;
}

// SQLSTATE classes and codes that mean "the server cannot be used right now", among them a
// statement cancelled by its timeout (57014) and a lock not had in time (55P03): the server did
// not answer in time.
const UNAVAILABLE_STATE = /^(08|28|3D000|53|55P03|57014|57P0[1-4])/;
const UNAVAILABLE_SYSCALL = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|timeout expired|not queryable|after calling end on the pool|connection ended/i;

const fieldOf = (error: unknown, key: string): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;

/** The SQLSTATE of a driver error, if it has one. */
export const sqlStateOf = (error: unknown): string | undefined => {
  const code = fieldOf(error, 'code');
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/** The constraint a driver error names (e.g. on a unique violation), if any. */
export const constraintOf = (error: unknown): string | undefined => {
  const constraint = fieldOf(error, 'constraint');
  return typeof constraint === 'string' ? constraint : undefined;
};

/** Whether a driver error means the server could not be reached, dropped the connection or timed out. */
export const isUnavailable = (error: unknown): boolean => {
  const state = sqlStateOf(error);
  if (state !== undefined) return UNAVAILABLE_STATE.test(state);
  const code = fieldOf(error, 'code');
  if (typeof code === 'string' && UNAVAILABLE_SYSCALL.has(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  const message = fieldOf(error, 'message');
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
};

// Socket errors name the peer ("connect ECONNREFUSED 10.0.0.7:5432"): callers and their logs get
// the reason without it.
const ADDRESS = /\[?(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})\]?(?::\d+)?/gi;
const MAX_REASON = 300;

/**
 * A short, printable reason for a driver failure: the SQLSTATE and the server's message, or the
 * socket error's code. Never the driver's error object (it carries addresses, ports, stacks).
 */
export const reasonOf = (error: unknown): string => {
  const state = sqlStateOf(error);
  const message = fieldOf(error, 'message');
  const text = typeof message === 'string' ? message : String(error);
  if (state !== undefined) return `${state} ${text}`.slice(0, MAX_REASON);
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(reasonOf))].join('; ').slice(0, MAX_REASON);
  }
  const code = fieldOf(error, 'code');
  if (typeof code === 'string' && UNAVAILABLE_SYSCALL.has(code)) return code;
  return text.replace(ADDRESS, '<address>').slice(0, MAX_REASON);
};

// No such schema, table or function: what a database that was never migrated answers.
const MISSING_OBJECT = new Set(['3F000', '42P01', '42883']);

/** Turns a driver exception into a typed store error: `Unavailable` or `Internal`, with a short reason as `cause`. */
export const toStoreError = (error: unknown, doing: string): StoreError => {
  const reason = reasonOf(error);
  if (isUnavailable(error)) {
    return storeError('Unavailable', `PostgreSQL is unavailable (${doing}): ${reason}`, { cause: reason });
  }
  if (MISSING_OBJECT.has(sqlStateOf(error) ?? '')) {
    return storeError(
      'Internal',
      `${doing}: a schema, table or function is missing; run migrate() first (${reason})`,
      {
        cause: reason,
      },
    );
  }
  return storeError('Internal', `${doing}: ${reason}`, { cause: reason });
};
