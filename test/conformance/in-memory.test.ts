import { createInMemoryEventStore } from '../../src/kernel/index.js';
import { createInMemoryCheckpointStore } from '../../src/projections/checkpoint-store.js';
import { type CounterEvent, counterRegistry } from './counter.js';
import { runEventStoreConformance } from './event-store.conformance.js';

runEventStoreConformance('in memory (serialising, with a registry)', {
  create: async () => createInMemoryEventStore<CounterEvent>({ registry: counterRegistry }),
  createWithRows: async (rows) => {
    const versions = new Map<string, number>();
    const raw = rows.map((row, i) => {
      const version = (versions.get(row.streamId) ?? 0) + 1;
      versions.set(row.streamId, version);
      return {
        type: row.type,
        data: row.data,
        metadata: {
          at: '2025-04-21T10:00:00+03:00',
          commandId: row.commandId,
          actor: 'importer',
          eventId: `${row.commandId}/0`,
          streamId: row.streamId,
          version,
          globalPosition: i + 1,
          schemaVersion: row.schemaVersion ?? 2,
        },
      };
    });
    return createInMemoryEventStore<CounterEvent>({ registry: counterRegistry, rows: raw });
  },
  checkpoints: async () => createInMemoryCheckpointStore(),
});
