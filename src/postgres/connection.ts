/**
 * What the PostgreSQL adapters need of a connection pool, structurally: a `pg.Pool` fits, and so
 * does anything with the same `query`/`connect`. `pg` stays an optional peer dependency that
 * this module never imports, and failures of the driver become {@link StoreError} values here.
 * @module
 */
import { type Either, left, right } from 'fp-ts/lib/Either.js';
import { type StoreError, storeError } from '../kernel/errors.js';

/** The rows of a query (`pg.QueryResult` fits). */
export interface QueryResultLike {
  /** Rows as untyped records: every column is checked where it is read. */
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/** Something that runs SQL (`pg.Pool`, `pg.PoolClient`, `pg.Client`). */
export interface Queryable {
  /** Runs one statement with positional parameters (`$1`, `$2`, …). */
  query(text: string, values?: unknown[]): Promise<QueryResultLike>;
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

// SQLSTATE classes and codes that mean "the server cannot be used right now".
const UNAVAILABLE_STATE = /^(08|28|3D000|53|57P0[1-4])/;
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
  /connection terminated|timeout exceeded when trying to connect|not queryable|after calling end on the pool|connection ended/i;

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

/** Whether a driver error means the server could not be reached or dropped the connection. */
export const isUnavailable = (error: unknown): boolean => {
  const state = sqlStateOf(error);
  if (state !== undefined) return UNAVAILABLE_STATE.test(state);
  const code = fieldOf(error, 'code');
  if (typeof code === 'string' && UNAVAILABLE_SYSCALL.has(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  const message = fieldOf(error, 'message');
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
};

/** Turns a driver exception into a typed store error: `Unavailable` or `Internal`, with the cause. */
export const toStoreError = (error: unknown, doing: string): StoreError => {
  const message = fieldOf(error, 'message');
  const text = typeof message === 'string' ? message : String(error);
  if (isUnavailable(error)) {
    return storeError('Unavailable', `PostgreSQL is unavailable (${doing}): ${text}`, { cause: error });
  }
  if (sqlStateOf(error) === '42P01') {
    return storeError('Internal', `${doing}: a table is missing; run migrate() first (${text})`, {
      cause: error,
    });
  }
  return storeError('Internal', `${doing}: ${text}`, { cause: error });
};

/** A connection held for a transaction; `done` gives it back (discarding it after `broken`). */
export interface Checkout {
  readonly client: PooledConnection;
  readonly done: (broken?: unknown) => void;
}

// A checked-out pg client that loses its connection emits 'error' besides failing the query:
// with no listener that would crash the process, so one listens while we hold it.
const ignore = () => undefined;

/** Takes a connection from the pool for a transaction. */
export const checkout = async (pool: PgPool, doing: string): Promise<Either<StoreError, Checkout>> => {
  const taken = await attempt(doing, () => pool.connect());
  if (taken._tag === 'Left') return taken;
  const client = taken.right;
  client.on('error', ignore);
  return right({
    client,
    done: (broken) => {
      client.removeListener('error', ignore);
      client.release(broken === undefined ? undefined : broken instanceof Error ? broken : true);
    },
  });
};

/** Runs a query, turning a thrown driver error into a {@link StoreError}. */
export const attempt = async <A>(doing: string, run: () => Promise<A>): Promise<Either<StoreError, A>> => {
  try {
    return right(await run());
  } catch (error) {
    return left(toStoreError(error, doing));
  }
};
