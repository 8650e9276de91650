/**
 * Readers never skip an event that a slower transaction commits later: an append that starts
 * while another is still open waits for it, so global positions follow commit order.
 */
import { describe, expect, it } from 'vitest';
import { createPostgresEventStore } from '../../src/postgres/index.js';
import { added, type CounterEvent, counterRegistry, streamOf } from '../conformance/counter.js';
import { failure, ok } from '../conformance/event-store.conformance.js';
import { freshSchema, testPool } from './harness.js';

const pool = testPool(6);

const slowBatch = JSON.stringify([
  {
    n: 1,
    event_id: 'slow/0',
    type: 'Added',
    schema_version: 2,
    data: { amount: 1, total: 1 },
    metadata: { at: '2025-04-21T10:00:00+03:00', commandId: 'slow', actor: 'tester' },
    command_id: 'slow',
  },
]);

describe('PostgreSQL visibility', () => {
  it('orders positions by commit: an append waits for a slower open one, and readers see both in order', async () => {
    const schema = await freshSchema(pool, 'vis');
    const store = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
    await ok(store.appendToStream(streamOf('warm'), [added(1, 1, 'warm')], { expectedVersion: 0 }));
    const seen: number[] = [];
    const subscription = store.subscribe({ onEvent: (e) => void seen.push(e.metadata.globalPosition) });
    await subscription.caughtUp();

    // A slow append: the very function the store calls, inside a transaction that stays open.
    const slow = await pool.connect();
    await slow.query('BEGIN');
    const slowRow = await slow.query(`SELECT out_position FROM "${schema}".append_events($1, 0, $2::jsonb)`, [
      streamOf('slow'),
      slowBatch,
    ]);
    const slowPosition = Number(slowRow.rows[0]!.out_position);

    // A fast append on another stream starts meanwhile: it must not commit ahead of the slow one.
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

    await slow.query('COMMIT');
    slow.release();
    const fastResult = await fast;
    expect(fastResult.events[0]!.metadata.globalPosition).toBeGreaterThan(slowPosition);
    const all = await ok(store.readAll());
    expect(all.map((e) => e.metadata.commandId)).toEqual(['warm', 'slow', 'fast']);
    await subscription.caughtUp();
    await subscription.stop();
    expect(seen).toEqual(all.map((e) => e.metadata.globalPosition));
  });

  it('re-checks the version after waiting for the lock, on a fresh snapshot: a conflict, not a duplicate row', async () => {
    const schema = await freshSchema(pool, 'vis');
    const store = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
    const first = await pool.connect();
    await first.query('BEGIN');
    await first.query(`SELECT * FROM "${schema}".append_events($1, 0, $2::jsonb)`, [
      streamOf('x'),
      slowBatch,
    ]);
    // Its pre-check still sees version 0 (nothing committed), so it queues for the lock; after
    // the wait it must see version 1 and report it, not insert a second version 1 (which the
    // unique index would refuse with an error).
    const second = pool.query(`SELECT * FROM "${schema}".append_events($1, 0, $2::jsonb)`, [
      streamOf('x'),
      slowBatch.replaceAll('slow', 'second'),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await first.query('COMMIT');
    first.release();
    expect((await second).rows).toEqual([{ out_head: 1, out_position: null, out_version: null }]);
    expect(
      await failure(store.appendToStream(streamOf('x'), [added(1, 2, 'third')], { expectedVersion: 0 })),
    ).toMatchObject({ _tag: 'ConcurrencyError', actualVersion: 1 });
    expect((await ok(store.readStream(streamOf('x')))).map((e) => e.metadata.commandId)).toEqual(['slow']);
  });
});
