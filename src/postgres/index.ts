/**
 * `pbx-options/postgres`: the event store, snapshot store and checkpoint ports on PostgreSQL, and
 * the same event store spread over several servers by account (`createShardedEventStore`).
 *
 * ```ts
 * import pg from 'pg';
 * import { accountEventRegistry } from 'pbx-options';
 * import { createPostgresEventStore, migrate } from 'pbx-options/postgres';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool)();
 * const eventStore = createPostgresEventStore({ pool, registry: accountEventRegistry });
 * ```
 *
 * `pg` is an optional peer dependency: this entry point never imports it, it takes your pool.
 * @packageDocumentation
 */
export {
  type CheckpointStore,
  createPostgresCheckpointStore,
  type PostgresCheckpointStoreOptions,
} from './checkpoint-store.js';
export { type CheckpointedSubscribeOptions, subscribeFromCheckpoint } from './checkpointed-subscription.js';
export type { PgNotification, PgPool, PooledConnection, Queryable, QueryResultLike } from './connection.js';
export type { Timeouts } from './database.js';
export { createPostgresEventStore, type PostgresEventStoreOptions } from './event-store.js';
export type { GroupCommitOptions } from './group-commit.js';
export { type MigrateOptions, type MigrationResult, migrate, SCHEMA_VERSION } from './migrate.js';
export { DEFAULT_SCHEMA } from './names.js';
export { type PoolSettings, type PoolSettingsOptions, poolSettings } from './pool-settings.js';
export {
  type CopiedStream,
  type CopyStreamOptions,
  copyStream,
  type StreamLocation,
} from './sharding/copy-stream.js';
export { rendezvousShardOf } from './sharding/shard-of.js';
export {
  createShardedProjector,
  type ShardedProjector,
  type ShardedProjectorOptions,
} from './sharding/sharded-projector.js';
export {
  createShardedEventStore,
  type Shard,
  type ShardedEventStore,
  type ShardedEventStoreOptions,
} from './sharding/sharded-store.js';
export {
  type ShardedSubscription,
  type SubscribeShardsOptions,
  subscribeShards,
} from './sharding/subscribe-shards.js';
export { createPostgresSnapshotStore, type PostgresSnapshotStoreOptions } from './snapshot-store.js';
