/**
 * `readStream` reads in pages and asks for the next page before decoding the current one: every
 * event comes once and in order whatever the page size, and a bad row on any page fails the read
 * with its stream and version, leaving no query behind.
 */
import { describe, expect, it } from 'vitest';
import type { StoreError } from '../../src/kernel/index.js';
import { createPostgresEventStore } from '../../src/postgres/index.js';
import { added, type CounterEvent, counterRegistry, streamOf } from '../conformance/counter.js';
import { failure, ok } from '../conformance/event-store.conformance.js';
import { freshSchema, testPool } from './harness.js';

const pool = testPool(4);

const storeWith = async (events: number, pageSize: number) => {
  const schema = await freshSchema(pool, 'pages');
  const store = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema, pageSize });
  const batch = Array.from({ length: events }, (_, i) => added(1, i + 1, `c${i}`));
  await ok(store.appendToStream(streamOf('p'), batch, { expectedVersion: 0 }));
  return { schema, store };
};

describe('PostgreSQL: reading a stream in pages', () => {
  it.each([
    [9, 3],
    [10, 3],
    [2, 5],
    [5, 5],
  ])('gives all %i events once and in order with pages of %i, from any version', async (events, pageSize) => {
    const { store } = await storeWith(events, pageSize);
    const all = await ok(store.readStream(streamOf('p')));
    expect(all.map((e) => e.metadata.version)).toEqual(Array.from({ length: events }, (_, i) => i + 1));
    expect(all.map((e) => e.data.total)).toEqual(Array.from({ length: events }, (_, i) => i + 1));
    const tail = await ok(store.readStream(streamOf('p'), { fromVersion: 2 }));
    expect(tail.map((e) => e.metadata.version)).toEqual(Array.from({ length: events - 1 }, (_, i) => i + 2));
  });

  it('fails with the bad row of a later page, naming stream and version, and the pool is free after', async () => {
    const { schema, store } = await storeWith(10, 3);
    await pool.query(
      `UPDATE "${schema}".events SET data = '{"amount": "lots", "total": 5}' WHERE stream_id = $1 AND version = 5`,
      [streamOf('p')],
    );
    const error = (await failure(store.readStream(streamOf('p')))) as StoreError;
    expect(error).toMatchObject({ code: 'MalformedEvent', streamId: streamOf('p'), version: 5 });
    expect(error.issues?.[0]?.path).toBe('data.amount');
    expect(pool.waitingCount).toBe(0);
    expect((await ok(store.readStream(streamOf('p'), { fromVersion: 6 }))).length).toBe(5);
  });
});
