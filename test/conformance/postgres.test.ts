import { createPostgresCheckpointStore, createPostgresEventStore } from '../../src/postgres/index.js';
import { freshSchema, testPool } from '../postgres/harness.js';
import { type CounterEvent, counterRegistry } from './counter.js';
import { runEventStoreConformance } from './event-store.conformance.js';

const pool = testPool();

runEventStoreConformance('PostgreSQL', {
  create: async () =>
    createPostgresEventStore<CounterEvent>({
      pool,
      registry: counterRegistry,
      schema: await freshSchema(pool, 'conf'),
    }),
  createWithRows: async (rows) => {
    const schema = await freshSchema(pool, 'conf');
    const versions = new Map<string, number>();
    // Straight into the table, as another writer or a restore could have left them.
    for (const row of rows) {
      const version = (versions.get(row.streamId) ?? 0) + 1;
      versions.set(row.streamId, version);
      await pool.query(
        `INSERT INTO "${schema}".events (stream_id, version, event_id, type, schema_version, data, metadata, command_id)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
        [
          row.streamId,
          version,
          `${row.commandId}/0`,
          row.type,
          row.schemaVersion ?? 2,
          JSON.stringify(row.data),
          JSON.stringify({ at: '2025-04-21T10:00:00+03:00', commandId: row.commandId, actor: 'importer' }),
          row.commandId,
        ],
      );
    }
    // Each command's outcome, as the append would have recorded it.
    await pool.query(
      `INSERT INTO "${schema}".commands (stream_id, command_id, outcome, first_version, version)
       SELECT stream_id, command_id, 'appended', min(version), max(version) FROM "${schema}".events GROUP BY 1, 2`,
    );
    return createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
  },
  checkpoints: async () => createPostgresCheckpointStore({ pool, schema: await freshSchema(pool, 'conf') }),
});
