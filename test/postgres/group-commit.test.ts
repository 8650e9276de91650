/**
 * Group commit: appends of several streams that arrive together share one transaction, and each
 * stream's batch is still checked and answered on its own.
 */
import { type Either, isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { EventStore } from '../../src/kernel/index.js';
import { createPostgresEventStore } from '../../src/postgres/index.js';
import { added, type CounterEvent, counterRegistry, streamOf } from '../conformance/counter.js';
import { ok } from '../conformance/event-store.conformance.js';
import { freshSchema, testPool } from './harness.js';

const pool = testPool(6);

const groupStore = async (maxInFlight = 1) => ({
  schema: await freshSchema(pool, 'grp'),
  make(this: { schema: string }) {
    return createPostgresEventStore<CounterEvent>({
      pool,
      registry: counterRegistry,
      schema: this.schema,
      groupCommit: { maxInFlight },
    });
  },
});

/** The transaction each event of `stream` was written in. */
const transactionsOf = async (schema: string, streams: readonly string[]) =>
  (
    await pool.query(
      `SELECT stream_id, transaction_id::text AS xid FROM "${schema}".events WHERE stream_id = ANY($1) ORDER BY stream_id, version`,
      [streams],
    )
  ).rows.map((row) => String(row.xid));

/** Sends all at once: the first goes alone, the rest gather behind it into one group. */
const together = <A>(tasks: ReadonlyArray<() => Promise<Either<unknown, A>>>) =>
  Promise.all(tasks.map((task) => task()));

const one = (
  store: EventStore<CounterEvent>,
  account: string,
  expectedVersion: number,
  commandId = `${account}-c`,
) =>
  store.appendToStream(streamOf(account), [added(1, expectedVersion + 1, commandId)], {
    expectedVersion,
    commandId,
  });

describe('PostgreSQL group commit', () => {
  it('writes appends of different streams that arrive together in one transaction', async () => {
    const setup = await groupStore();
    const store = setup.make();
    const accounts = Array.from({ length: 11 }, (_, i) => `acc${i}`);
    const results = await together(accounts.map((a) => one(store, a, 0)));
    expect(results.every(isRight)).toBe(true);
    const xids = await transactionsOf(setup.schema, accounts.slice(1).map(streamOf));
    expect(new Set(xids).size).toBe(1);
    // Each got its own versions and positions back.
    const positions = results.map((r) => (isRight(r) ? r.right.events[0]!.metadata.globalPosition : 0));
    expect(new Set(positions).size).toBe(11);
    expect(results.map((r) => isRight(r) && r.right.nextVersion)).toEqual(accounts.map(() => 1));
  });

  it('by default sends one group at a time: everything that arrives behind the first append goes in one transaction', async () => {
    const schema = await freshSchema(pool, 'grpdef');
    const store = createPostgresEventStore<CounterEvent>({
      pool,
      registry: counterRegistry,
      schema,
      groupCommit: true,
    });
    const accounts = Array.from({ length: 9 }, (_, i) => `def${i}`);
    const results = await together(accounts.map((a) => one(store, a, 0)));
    expect(results.every(isRight)).toBe(true);
    const xids = await transactionsOf(schema, accounts.map(streamOf));
    expect(xids[0]).not.toBe(xids[1]);
    expect(new Set(xids.slice(1)).size).toBe(1);
  });

  it('fails only the batch whose stream moved on, or whose command is recorded; the others of its group are written', async () => {
    const setup = await groupStore();
    const store = setup.make();
    await ok(one(store, 'moved', 0, 'first'));
    await ok(one(store, 'repeat', 0, 'same'));
    const results = await together([
      one(store, 'lead', 0), // goes alone; the rest gather behind it
      one(store, 'a', 0),
      one(store, 'moved', 0, 'late'), // stale: the stream is at 1
      one(store, 'b', 0),
      one(store, 'repeat', 1, 'same'), // already recorded in its stream
      one(store, 'c', 0),
    ]);
    expect(results.map((r) => (isLeft(r) ? (r.left as { _tag: string })._tag : 'appended'))).toEqual([
      'appended',
      'appended',
      'ConcurrencyError',
      'appended',
      'CommandAlreadyRecorded',
      'appended',
    ]);
    expect(isLeft(results[2]!) && results[2].left).toMatchObject({ expectedVersion: 0, actualVersion: 1 });
    expect(new Set(await transactionsOf(setup.schema, ['a', 'b', 'c'].map(streamOf))).size).toBe(1);
    expect((await ok(store.readStream(streamOf('moved')))).map((e) => e.metadata.commandId)).toEqual([
      'first',
    ]);
    expect((await ok(store.readStream(streamOf('repeat')))).map((e) => e.metadata.commandId)).toEqual([
      'same',
    ]);
  });

  it('applies one of two appends of the same command in one group, and orders two batches of one stream', async () => {
    const setup = await groupStore();
    const store = setup.make();
    const results = await together([
      one(store, 'lead', 0),
      one(store, 'x', 0, 'twice'),
      store.appendToStream(streamOf('x'), [added(1, 1, 'twice')], {
        expectedVersion: 'any',
        commandId: 'twice',
      }),
      one(store, 'y', 0, 'y1'),
      one(store, 'y', 1, 'y2'),
      one(store, 'y', 1, 'y3'), // y2 took version 2 first
    ]);
    expect(results.map((r) => (isLeft(r) ? (r.left as { _tag: string })._tag : 'appended'))).toEqual([
      'appended',
      'appended',
      'CommandAlreadyRecorded',
      'appended',
      'appended',
      'ConcurrencyError',
    ]);
    expect((await ok(store.readStream(streamOf('x')))).map((e) => e.metadata.commandId)).toEqual(['twice']);
    expect((await ok(store.readStream(streamOf('y')))).map((e) => e.metadata.commandId)).toEqual([
      'y1',
      'y2',
    ]);
  });

  it('fails only the batch the database refuses (an event id its stream has), writing the rest', async () => {
    const setup = await groupStore();
    const store = setup.make();
    await ok(one(store, 'dup', 0, 'c1'));
    const results = await together([
      one(store, 'lead', 0),
      one(store, 'p', 0),
      store.appendToStream(streamOf('dup'), [added(1, 2, 'c2')], {
        expectedVersion: 1,
        commandId: 'c2',
        eventIds: ['c1/0'],
      }),
      one(store, 'q', 0),
    ]);
    expect(results.map((r) => (isLeft(r) ? (r.left as { code: string }).code : 'appended'))).toEqual([
      'appended',
      'appended',
      'Internal',
      'appended',
    ]);
    expect((await ok(store.readStream(streamOf('dup')))).map((e) => e.metadata.commandId)).toEqual(['c1']);
    expect((await ok(store.readAll())).map((e) => e.metadata.streamId).sort()).toEqual(
      ['dup', 'lead', 'p', 'q'].map(streamOf).sort(),
    );
  });

  it('keeps every append of 40 concurrent writers once, in their streams order, with two groups in flight', async () => {
    const setup = await groupStore(2);
    const store = setup.make();
    await Promise.all(
      Array.from({ length: 40 }, async (_, w) => {
        for (let i = 0; i < 10; i++) await ok(one(store, `w${w}`, i, `w${w}-${i}`));
      }),
    );
    const all = await ok(store.readAll());
    expect(all).toHaveLength(400);
    expect(new Set(all.map((e) => e.metadata.commandId)).size).toBe(400);
    const xids = await transactionsOf(
      setup.schema,
      Array.from({ length: 40 }, (_, w) => streamOf(`w${w}`)),
    );
    expect(new Set(xids).size).toBeLessThan(400);
  });
});
