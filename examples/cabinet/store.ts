/**
 * Where the cabinet keeps its events: in memory, or on PostgreSQL when `PBX_PG_URL` is set
 * (the tables are created on first start; a restart finds the account and does not seed again).
 * @module
 */
import pg from 'pg';
import {
  type AccountEvent,
  accountEventRegistry,
  createInMemoryEventStore,
  type EventStore,
} from '../../src/index.js';
import { createPostgresEventStore, migrate, type PgPool } from '../../src/postgres/index.js';

/** An event store and how to let go of it. */
export interface OpenedStore {
  readonly eventStore: EventStore<AccountEvent>;
  /** Where the events are, for the start-up message. */
  readonly description: string;
  close(): Promise<void>;
}

/** The event store on PostgreSQL, its tables created first if need be (in `schema`, or the default one). */
export const postgresEventStore = async (
  pool: PgPool,
  schema?: string,
): Promise<EventStore<AccountEvent>> => {
  const options = schema === undefined ? {} : { schema };
  const migrated = await migrate(pool, options)();
  if (migrated._tag === 'Left') throw new Error(`PostgreSQL: ${migrated.left.message}`);
  return createPostgresEventStore<AccountEvent>({ pool, registry: accountEventRegistry, ...options });
};

/** The in-memory store, or PostgreSQL at `pgUrl`. */
export const openStore = async (pgUrl: string | undefined): Promise<OpenedStore> => {
  if (pgUrl === undefined || pgUrl === '') {
    return {
      eventStore: createInMemoryEventStore<AccountEvent>(),
      description: 'в памяти',
      close: async () => {},
    };
  }
  const pool = new pg.Pool({ connectionString: pgUrl });
  try {
    return { eventStore: await postgresEventStore(pool), description: 'PostgreSQL', close: () => pool.end() };
  } catch (error) {
    await pool.end();
    throw error;
  }
};
