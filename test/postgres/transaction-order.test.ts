/**
 * Appends to different streams never wait on each other, and readers of the whole log still never
 * skip a late commit nor see one twice: they read in (transaction, position) order, up to the
 * oldest transaction still running.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/kernel/index.js';
import { createPostgresEventStore } from '../../src/postgres/index.js';
import { schemaNames } from '../../src/postgres/names.js';
import { added, type CounterEvent, counterRegistry, streamOf } from '../conformance/counter.js';
import { ok } from '../conformance/event-store.conformance.js';
import { freshSchema, groupArgument, serverUrl, testPool } from './harness.js';

const pool = testPool(8);

/** An append inside a transaction left open: the test commits or rolls it back. */
const openAppend = async (schema: string, stream: string, commandId: string, expected = 0) => {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query(`SELECT * FROM ${schemaNames(schema).appendFunction}($1::jsonb, NULL)`, [
    groupArgument([[stream, expected, commandId]]),
  ]);
  return {
    commit: async () => {
      await client.query('COMMIT');
      client.release();
    },
    rollback: async () => {
      await client.query('ROLLBACK');
      client.release();
    },
  };
};

const ids = (events: readonly StoredEvent<CounterEvent>[]) => events.map((e) => e.metadata.commandId);

describe('PostgreSQL: appends without a lock of the schema', () => {
  it('lets an append to another stream commit while one transaction holds a stream open', async () => {
    const schema = await freshSchema(pool, 'ord');
    const store = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
    const open = await openAppend(schema, streamOf('slow'), 'slow');
    try {
      // Would wait for the open transaction if appends shared a lock: it completes instead.
      const fast = await ok(
        store.appendToStream(streamOf('fast'), [added(1, 1, 'fast')], {
          expectedVersion: 0,
          commandId: 'fast',
        }),
      );
      expect(fast.nextVersion).toBe(1);
      // Committed, but held back from readers of the log until the older transaction ends.
      const quick = createPostgresEventStore<CounterEvent>({
        pool,
        registry: counterRegistry,
        schema,
        readAllWaitMs: 0,
      });
      expect(ids(await ok(quick.readAll()))).toEqual([]);
      expect(ids(await ok(store.readStream(streamOf('fast'))))).toEqual(['fast']);
    } finally {
      await open.commit();
    }
    expect(ids(await ok(store.readAll()))).toEqual(['slow', 'fast']);
  });

  it('makes a second writer of the same stream wait, then answers it with a conflict on a fresh look', async () => {
    const schema = await freshSchema(pool, 'ord');
    const store = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
    const open = await openAppend(schema, streamOf('x'), 'first');
    let settled = false;
    const second = store
      .appendToStream(streamOf('x'), [added(1, 1, 'second')], { expectedVersion: 0, commandId: 'second' })()
      .finally(() => {
        settled = true;
      });
    await expect
      .poll(
        async () =>
          (
            await pool.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%append_to_stream%'`,
            )
          ).rows[0]!.n,
      )
      .toBe(1);
    expect(settled).toBe(false);
    await open.commit();
    expect(await second).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'ConcurrencyError', actualVersion: 1 },
    });
    expect(ids(await ok(store.readStream(streamOf('x'))))).toEqual(['first']);
  });
});

type Step =
  | { readonly begin: string }
  | { readonly commit: string }
  | { readonly rollback: string }
  | { readonly append: string }
  | 'read';

/**
 * Scripts of interleaved transactions (`begin` appends in a transaction left open, `append`
 * commits at once), each read by a subscription and by a reader that resumes from the last
 * position it got: both must end with every committed event once, and nothing rolled back.
 */
const scripts: ReadonlyArray<{
  readonly name: string;
  readonly steps: readonly Step[];
  readonly reads: readonly string[][];
}> = [
  {
    name: 'an append rolls back, a second commits, a reader reads, a third commits',
    steps: [{ begin: 'A' }, { rollback: 'A' }, { append: 'B' }, 'read', { append: 'C' }, 'read'],
    reads: [['B'], ['C']],
  },
  {
    name: 'a reader reads while an older append is open, which then rolls back',
    steps: [{ begin: 'A' }, { append: 'B' }, 'read', { rollback: 'A' }, 'read', { append: 'C' }, 'read'],
    reads: [[], ['B'], ['C']],
  },
  {
    name: 'a reader reads while an older append is open, which then commits',
    steps: [{ begin: 'A' }, { append: 'B' }, 'read', { commit: 'A' }, 'read', { append: 'C' }, 'read'],
    reads: [[], ['A', 'B'], ['C']],
  },
  {
    name: 'two appends open, the younger commits first, the older rolls back',
    steps: [
      { begin: 'A' },
      { begin: 'B' },
      { commit: 'B' },
      'read',
      { append: 'C' },
      'read',
      { rollback: 'A' },
      'read',
    ],
    reads: [[], [], ['B', 'C']],
  },
  {
    name: 'commits in the opposite order of their beginning',
    steps: [
      { begin: 'A' },
      { begin: 'B' },
      { begin: 'C' },
      { commit: 'C' },
      { commit: 'B' },
      'read',
      { commit: 'A' },
      'read',
    ],
    reads: [[], ['A', 'B', 'C']],
  },
];

describe('PostgreSQL: readers in transaction order', () => {
  it.each(scripts)('$name: every committed event once, none rolled back', async ({ steps, reads }) => {
    const schema = await freshSchema(pool, 'ord');
    const store = createPostgresEventStore<CounterEvent>({
      pool,
      registry: counterRegistry,
      schema,
      // Other tests' transactions on the server hold readers back for a moment too: wait those out.
      readAllWaitMs: 500,
    });
    const open = new Map<string, Awaited<ReturnType<typeof openAppend>>>();
    const subscribed: string[] = [];
    const subscription = store.subscribe({ onEvent: (e) => void subscribed.push(e.metadata.commandId) });
    let after = 0;
    const got: string[][] = [];
    try {
      for (const step of steps) {
        if (step === 'read') {
          const page = await ok(store.readAll({ after }));
          got.push(ids(page));
          after = page.at(-1)?.metadata.globalPosition ?? after;
        } else if ('begin' in step)
          open.set(step.begin, await openAppend(schema, streamOf(step.begin), step.begin));
        else if ('commit' in step) await open.get(step.commit)!.commit();
        else if ('rollback' in step) await open.get(step.rollback)!.rollback();
        else
          await ok(
            store.appendToStream(streamOf(step.append), [added(1, 1, step.append)], {
              expectedVersion: 0,
              commandId: step.append,
            }),
          );
      }
      expect(got).toEqual(reads);
      expect(await subscription.caughtUp()).toEqual({ _tag: 'Right', right: undefined });
      expect(subscribed).toEqual(reads.flat());
    } finally {
      await subscription.stop();
    }
  });

  it('loses nothing and repeats nothing with 56 writers, random rollbacks and out-of-order commits, for a subscription and a fast poller', async () => {
    const schema = await freshSchema(pool, 'ord');
    const WRITERS = 56;
    const APPENDS = 30;
    const writers = new pg.Pool({ connectionString: serverUrl(), max: WRITERS });
    writers.on('error', () => undefined);
    const readers = new pg.Pool({ connectionString: serverUrl(), max: 4 });
    readers.on('error', () => undefined);
    const store = createPostgresEventStore<CounterEvent>({
      pool: readers,
      registry: counterRegistry,
      schema,
    });
    const subscribed: StoredEvent<CounterEvent>[] = [];
    const subscription = store.subscribe({ batchSize: 50, onEvent: (e) => void subscribed.push(e) });
    const polled: StoredEvent<CounterEvent>[] = [];
    let writing = true;
    const poller = (async () => {
      const quick = createPostgresEventStore<CounterEvent>({
        pool: readers,
        registry: counterRegistry,
        schema,
        readAllWaitMs: 0,
      });
      let after = 0;
      for (;;) {
        const last = !writing;
        const page = await ok(quick.readAll({ after, limit: 100 }));
        polled.push(...page);
        after = page.at(-1)?.metadata.globalPosition ?? after;
        if (last && page.length === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    // Seeded, so a failure replays: a small linear congruential generator.
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const committed = new Set<string>();
    const fn = schemaNames(schema).appendFunction;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const client = await writers.connect();
        let version = 0;
        try {
          for (let i = 0; i < APPENDS; i++) {
            const commandId = `w${w}-${i}`;
            const rollBack = random() < 0.15;
            const pause = Math.floor(random() * 4);
            await client.query('BEGIN');
            await client.query(`SELECT * FROM ${fn}($1::jsonb, NULL)`, [
              groupArgument([[`s-${w}`, version, commandId]]),
            ]);
            if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
            if (rollBack) await client.query('ROLLBACK');
            else {
              await client.query('COMMIT');
              committed.add(commandId);
              version++;
            }
          }
        } finally {
          client.release();
        }
      }),
    );
    writing = false;
    await poller;
    expect(await subscription.caughtUp()).toEqual({ _tag: 'Right', right: undefined });
    await subscription.stop();
    await writers.end();
    await readers.end();

    expect(committed.size).toBeGreaterThan(WRITERS * APPENDS * 0.7);
    for (const seen of [subscribed, polled]) {
      const got = seen.map((e) => e.metadata.commandId);
      expect(new Set(got).size).toBe(got.length); // nothing twice
      expect([...got].sort()).toEqual([...committed].sort()); // nothing missing, nothing rolled back
      // Each writer's events in its stream's order.
      const versions = new Map<string, number>();
      for (const e of seen) {
        expect(e.metadata.version).toBe((versions.get(e.metadata.streamId) ?? 0) + 1);
        versions.set(e.metadata.streamId, e.metadata.version);
      }
    }
    expect(polled.map((e) => e.metadata.eventId)).toEqual(subscribed.map((e) => e.metadata.eventId));
  });
});
