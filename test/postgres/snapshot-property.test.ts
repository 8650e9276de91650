/**
 * A snapshot on PostgreSQL is the state it was saved from: for generated accounts of any size
 * and a snapshot at any version, kept as plain JSON or as the compact text, folding the snapshot
 * plus the tail read back from PostgreSQL gives the state of folding every event.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { isSome } from 'fp-ts/lib/Option.js';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../examples/generate-log.js';
import {
  type AccountEvent,
  type AccountState,
  accountEventRegistry,
  createAccountDecider,
  type StoredAccountEvent,
} from '../../src/index.js';
import { createPostgresEventStore, createPostgresSnapshotStore } from '../../src/postgres/index.js';
import { parametersFor } from '../properties/support/runs.js';
import { freshSchema, testPool } from './harness.js';

const pool = testPool(4);

describe('PostgreSQL snapshots', () => {
  it('fold(snapshot + tail) equals fold(all) for generated accounts and any snapshot version', async () => {
    const schema = await freshSchema(pool, 'snapprop');
    const eventStore = createPostgresEventStore<AccountEvent>({
      pool,
      registry: accountEventRegistry,
      schema,
    });
    const stores = [false, true].map((compact) =>
      createPostgresSnapshotStore<AccountState>({ pool, schema, compact }),
    );
    const decider = createAccountDecider();
    let account = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.integer({ min: 40, max: 1_500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        async (seed, size, cut, compact) => {
          const snapshots = stores[compact ? 1 : 0]!;
          const log: StoredAccountEvent[] = [];
          await generateLog({
            events: size,
            seed,
            write: (line) => log.push(JSON.parse(line) as StoredAccountEvent),
          });
          const streamId = `account-prop-${++account}`;
          const events = log as unknown as AccountEvent[];
          const appended = await eventStore.appendToStream(streamId, events, {
            expectedVersion: 0,
            eventIds: log.map((e) => e.metadata.eventId),
          })();
          if (isLeft(appended)) throw new Error(appended.left.message);
          const at = Math.min(log.length, Math.floor(cut * (log.length + 1)));
          const saved = await snapshots.save({
            streamId,
            version: at,
            schemaVersion: 1,
            state: decider.fold(events.slice(0, at)),
          })();
          if (isLeft(saved)) throw new Error(saved.left.message);

          const loaded = await snapshots.load(streamId)();
          if (isLeft(loaded) || !isSome(loaded.right)) throw new Error('no snapshot');
          const tail = await eventStore.readStream(streamId, {
            fromVersion: loaded.right.value.version + 1,
          })();
          if (isLeft(tail)) throw new Error(tail.left.message);
          const resumed = decider.foldOnto(loaded.right.value.state, tail.right as unknown as AccountEvent[]);
          expect(loaded.right.value.version).toBe(at);
          expect(resumed).toEqual(decider.fold(events));
        },
      ),
      parametersFor(12),
    );
  });
});
