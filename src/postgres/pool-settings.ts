/**
 * Settings for your `pg.Pool` that match a store's deadlines, so the driver and the server give
 * up when the store does: a connection attempt is abandoned after `connectMs`, and the server
 * cancels a statement of this pool's connections after `statementMs` (the store's own deadlines
 * still answer the caller first, even when the server cannot be reached at all).
 * @module
 */
import type { Timeouts } from './database.js';

/** The server, the pool's size and the deadlines the pool's connections should keep. */
export interface PoolSettingsOptions {
  readonly connectionString: string;
  /** Connections in the pool (default 10); count one more for the subscriptions' `LISTEN`. */
  readonly max?: number;
  /** The deadlines you also give the stores (default 10 s and 30 s). */
  readonly timeouts?: Timeouts;
  /** Shown in `pg_stat_activity`, to tell the service's connections apart. */
  readonly applicationName?: string;
}

/** What `new pg.Pool(settings)` takes (a subset of `pg.PoolConfig`). */
export interface PoolSettings {
  readonly connectionString: string;
  readonly max: number;
  readonly connectionTimeoutMillis: number;
  readonly statement_timeout: number;
  readonly keepAlive: true;
  readonly application_name?: string;
}

/** Builds `pg.Pool` settings from a store's deadlines: `new pg.Pool(poolSettings({ connectionString }))`. */
export const poolSettings = (options: PoolSettingsOptions): PoolSettings => {
  const base = {
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.timeouts?.connectMs ?? 10_000,
    statement_timeout: options.timeouts?.statementMs ?? 30_000,
    keepAlive: true as const,
  };
  return options.applicationName === undefined
    ? base
    : { ...base, application_name: options.applicationName };
};
