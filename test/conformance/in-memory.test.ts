import { right } from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore } from '../../src/kernel/index.js';
import type { CheckpointStore } from '../../src/postgres/index.js';
import { type CounterEvent, counterRegistry } from './counter.js';
import { runEventStoreConformance } from './event-store.conformance.js';

/** The shape the projections' in-memory checkpoint store has. */
const inMemoryCheckpoints = (): CheckpointStore => {
  const saved = new Map<string, number>();
  return {
    load: (name) => async () => right(saved.get(name) ?? 0),
    save: (name, position) => async () => right(void saved.set(name, position)),
  };
};

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
  checkpoints: async () => inMemoryCheckpoints(),
});
