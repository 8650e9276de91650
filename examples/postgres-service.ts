/**
 * A service on PostgreSQL: the event store, snapshots and projection checkpoints in one schema,
 * commands through the handler with an inline projection, and a catch-up projector for the
 * heavier read models. Embedded in docs/integrating.md and run against a real PostgreSQL by
 * test/examples/postgres-service.test.ts.
 * @module
 */
import {
  ACCOUNT_STATE_SCHEMA_VERSION,
  type AccountEvent,
  type AccountState,
  accountEventRegistry,
  billing,
  createCatchUpProjector,
  createCommandHandler,
  createInlineProjector,
  quotaUsage,
  smsBalance,
  withInlineProjections,
} from '../src/index.js';
import {
  createPostgresCheckpointStore,
  createPostgresEventStore,
  createPostgresSnapshotStore,
  migrate,
  type PgPool,
} from '../src/postgres/index.js';

/** Wires the service on `pool` (a `pg.Pool`) in `schema`. */
export const startService = async (pool: PgPool, schema: string) => {
  // #region wiring
  const migrated = await migrate(pool, { schema })(); // idempotent; safe from several processes
  if (migrated._tag === 'Left') throw new Error(migrated.left.message);

  const eventStore = createPostgresEventStore<AccountEvent>({ pool, schema, registry: accountEventRegistry });
  const snapshots = {
    store: createPostgresSnapshotStore<AccountState>({ pool, schema }),
    every: 1_000, // a snapshot each 1 000 events of a stream
    schemaVersion: ACCOUNT_STATE_SCHEMA_VERSION, // snapshots of another version are ignored and rebuilt
  };

  // Inline: the SMS balance is up to date when handle() returns.
  const inline = createInlineProjector({ smsBalance });
  const handler = withInlineProjections(createCommandHandler({ eventStore, snapshots }), inline);

  // Catch-up: billing and storage follow the log from a checkpoint kept in the same database.
  const projector = createCatchUpProjector({
    name: 'billing-and-storage',
    eventStore,
    projections: { billing, quotaUsage },
    checkpoints: createPostgresCheckpointStore({ pool, schema }),
  });
  const started = await projector.start()(); // resumes after the checkpoint, or rebuilds
  if (started._tag === 'Left') throw new Error(started.left.message);
  // #endregion wiring
  return { handler, inline, projector };
};
