/**
 * Readers never skip an event that a slower transaction commits later: an append that starts
 * while another is still open waits for it, so global positions follow commit order.
 */
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresEventStore, type PgPool, type PooledConnection } from '../../src/postgres/index.js';
import { added, type CounterEvent, counterRegistry, streamOf } from '../conformance/counter.js';
import { ok } from '../conformance/event-store.conformance.js';
import { freshSchema, testPool } from './harness.js';

const pool = testPool(6);

/** A pool whose next append holds its transaction open until `commit()` is called. */
const slowCommitPool = (inner: pg.Pool) => {
  let commit: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    commit = resolve;
  });
  let armed = true;
  let reached: () => void = () => undefined;
  const waiting = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const wrapped: PgPool = {
    query: (text, values) => inner.query(text, values),
    connect: async () => {
      const client = await inner.connect();
      const connection: PooledConnection = {
        query: async (text, values) => {
          if (armed && text.includes('COMMIT')) {
            armed = false;
            reached();
            await gate;
          }
          return client.query(text, values);
        },
        release: (error) => client.release(error),
        on: (event: 'notification' | 'error', listener: never) => client.on(event, listener),
        removeListener: (event: 'notification' | 'error', listener: never) =>
          client.removeListener(event, listener),
      };
      return connection;
    },
  };
  return { pool: wrapped, commit: () => commit(), waiting };
};

describe('PostgreSQL visibility', () => {
  it('orders positions by commit: an append waits for a slower open one, and readers see both in order', async () => {
    const schema = await freshSchema(pool, 'vis');
    const store = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
    const slowPool = slowCommitPool(pool);
    const slowStore = createPostgresEventStore<CounterEvent>({
      pool: slowPool.pool,
      registry: counterRegistry,
      schema,
    });
    await ok(store.appendToStream(streamOf('warm'), [added(1, 1, 'warm')], { expectedVersion: 0 }));
    const seen: number[] = [];
    const subscription = store.subscribe({ onEvent: (e) => void seen.push(e.metadata.globalPosition) });
    await subscription.caughtUp();

    // The slow append has its position but has not committed; a fast one starts meanwhile.
    const slow = ok(
      slowStore.appendToStream(streamOf('slow'), [added(1, 1, 'slow')], { expectedVersion: 0 }),
    );
    await slowPool.waiting;
    let fastDone = false;
    const fast = ok(
      store.appendToStream(streamOf('fast'), [added(1, 1, 'fast')], { expectedVersion: 0 }),
    ).then((r) => {
      fastDone = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fastDone).toBe(false);
    expect((await ok(store.readAll())).map((e) => e.metadata.commandId)).toEqual(['warm']);
    expect(seen).toHaveLength(1);

    slowPool.commit();
    const [slowResult, fastResult] = await Promise.all([slow, fast]);
    expect(fastResult.events[0]!.metadata.globalPosition).toBeGreaterThan(
      slowResult.events[0]!.metadata.globalPosition,
    );
    const all = await ok(store.readAll());
    expect(all.map((e) => e.metadata.commandId)).toEqual(['warm', 'slow', 'fast']);
    await subscription.caughtUp();
    await subscription.stop();
    expect(seen).toEqual(all.map((e) => e.metadata.globalPosition));
  });
});
