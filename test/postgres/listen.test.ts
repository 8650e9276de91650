/**
 * How a waiting subscription learns of new events: NOTIFY on one shared connection, or polling.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresEventStore } from '../../src/postgres/index.js';
import { added, type CounterEvent, counterRegistry, streamOf } from '../conformance/counter.js';
import { ok } from '../conformance/event-store.conformance.js';
import { freshSchema, serverUrl, testPool } from './harness.js';

const pool = testPool(4);

/** A pool whose connections can be told apart in pg_stat_activity. */
const namedPool = (name: string) => {
  const named = new pg.Pool({ connectionString: serverUrl(), max: 4, application_name: name });
  named.on('error', () => undefined);
  return named;
};

const listeners = async (name: string) =>
  (
    await pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'`,
      [name],
    )
  ).rows[0]!.n as number;

describe('PostgreSQL subscription wake-ups', () => {
  it('wakes on NOTIFY at once, shares one LISTEN connection between subscriptions, and lets go of it on stop', async () => {
    const schema = await freshSchema(pool, 'lis');
    const name = `listen-${schema}`;
    const own = namedPool(name);
    // Polling once a minute: only a notification can deliver within the test.
    const store = createPostgresEventStore<CounterEvent>({
      pool: own,
      registry: counterRegistry,
      schema,
      pollIntervalMs: 60_000,
    });
    const writer = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
    const a: string[] = [];
    const b: string[] = [];
    const one = store.subscribe({ onEvent: (e) => void a.push(e.metadata.commandId) });
    const two = store.subscribe({ onEvent: (e) => void b.push(e.metadata.commandId) });
    await expect.poll(() => listeners(name)).toBe(1);
    await ok(writer.appendToStream(streamOf('a'), [added(1, 1, 'c1')], { expectedVersion: 0 }));
    // Well before the next poll (a minute away): only the notification can have delivered it.
    await expect.poll(() => [a, b], { timeout: 30_000, interval: 10 }).toEqual([['c1'], ['c1']]);
    await one.stop();
    expect(await listeners(name)).toBe(1);
    await two.stop();
    await expect.poll(() => listeners(name)).toBe(0);
    await own.end();
  });

  it('polls without LISTEN when asked to, holding no connection while it waits', async () => {
    const schema = await freshSchema(pool, 'lis');
    const name = `poll-${schema}`;
    const own = namedPool(name);
    const store = createPostgresEventStore<CounterEvent>({
      pool: own,
      registry: counterRegistry,
      schema,
      listen: false,
      pollIntervalMs: 20,
    });
    const writer = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
    const seen: string[] = [];
    const subscription = store.subscribe({ onEvent: (e) => void seen.push(e.metadata.commandId) });
    await subscription.caughtUp();
    await ok(writer.appendToStream(streamOf('a'), [added(1, 1, 'c1')], { expectedVersion: 0 }));
    await expect.poll(() => seen, { timeout: 20_000 }).toEqual(['c1']);
    expect(await listeners(name)).toBe(0);
    await subscription.stop();
    await own.end();
  });
});
