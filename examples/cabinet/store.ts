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
import { createPostgresEventStore, migrate } from '../../src/postgres/index.js';

/** An event store and how to let go of it. */
export interface OpenedStore {
  readonly eventStore: EventStore<AccountEvent>;
  /** Where the events are, for the start-up message. */
  readonly description: string;
  close(): Promise<void>;
}

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
  const migrated = await migrate(pool)();
  if (migrated._tag === 'Left') {
    await pool.end();
    throw new Error(`PostgreSQL: ${migrated.left.message}`);
  }
  return {
    eventStore: createPostgresEventStore<AccountEvent>({ pool, registry: accountEventRegistry }),
    description: 'PostgreSQL',
    close: () => pool.end(),
  };
};
