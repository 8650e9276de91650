/**
 * The event store conformance suite: what every `EventStore` must do, run against each store
 * (in memory, PostgreSQL) from its own test file with a fixture that makes fresh stores.
 */
import { type Either, isLeft, isRight } from 'fp-ts/lib/Either.js';
import { isNone, isSome } from 'fp-ts/lib/Option.js';
import { describe, expect, it } from 'vitest';
import {
  createCommandHandler,
  type EventStore,
  type StoredEvent,
  type StoreError,
} from '../../src/kernel/index.js';
import { type CheckpointStore, subscribeFromCheckpoint } from '../../src/postgres/index.js';
import { add, added, type CounterEvent, check, counter, goodRow, type RawRow, streamOf } from './counter.js';

/** What a store's test file provides. */
export interface StoreFixture {
  /** A fresh, empty store. */
  readonly create: () => Promise<EventStore<CounterEvent>>;
  /** A fresh store whose log already holds these rows, in order (as a database or a JSON log would). */
  readonly createWithRows: (rows: readonly RawRow[]) => Promise<EventStore<CounterEvent>>;
  /** Where subscribers keep their checkpoints (fresh, empty). */
  readonly checkpoints: () => Promise<CheckpointStore>;
}

type Task<A> = () => Promise<Either<unknown, A>>;

/** Runs a task that must succeed. */
export const ok = async <A>(task: Task<A>): Promise<A> => {
  const result = await task();
  if (isLeft(result)) throw new Error(`expected success, got ${JSON.stringify(result.left)}`);
  return result.right;
};

/** Runs a task that must fail; returns its error. */
export const failure = async <A>(task: Task<A>): Promise<unknown> => {
  const result = await task();
  if (isRight(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.right)}`);
  return result.left;
};

const positions = (events: readonly StoredEvent<CounterEvent>[]) =>
  events.map((e) => e.metadata.globalPosition);
const commandIds = (events: readonly StoredEvent<CounterEvent>[]) => events.map((e) => e.metadata.commandId);

/** Collects what a subscription delivers. */
const collector = () => {
  const seen: StoredEvent<CounterEvent>[] = [];
  const errors: StoreError[] = [];
  return {
    seen,
    errors,
    onEvent: (e: StoredEvent<CounterEvent>) => void seen.push(e),
    onError: (e: StoreError) => void errors.push(e),
  };
};

/** Registers the conformance tests of one store. */
export const runEventStoreConformance = (name: string, fixture: StoreFixture): void => {
  describe(`event store conformance: ${name}`, () => {
    it('appends and reads a stream back, in version order, from any version', async () => {
      const store = await fixture.create();
      const s = streamOf('a');
      const result = await ok(
        store.appendToStream(s, [added(1, 1, 'c1'), added(2, 3, 'c1')], { expectedVersion: 0 }),
      );
      await ok(store.appendToStream(streamOf('b'), [added(5, 5, 'c2')], { expectedVersion: 0 }));
      await ok(store.appendToStream(s, [added(4, 7, 'c3')], { expectedVersion: 2 }));
      expect(result.nextVersion).toBe(2);
      expect(result.events.map((e) => e.metadata.eventId)).toEqual(['c1/0', 'c1/1']);
      const read = await ok(store.readStream(s));
      expect(read.map((e) => e.metadata.version)).toEqual([1, 2, 3]);
      expect(read.map((e) => e.data)).toEqual([
        { amount: 1, total: 1 },
        { amount: 2, total: 3 },
        { amount: 4, total: 7 },
      ]);
      expect(read[0]).toEqual(result.events[0]);
      expect(read[2]!.metadata).toMatchObject({
        streamId: s,
        commandId: 'c3',
        actor: 'tester',
        schemaVersion: 2,
      });
      expect((await ok(store.readStream(s, { fromVersion: 3 }))).map((e) => e.data.amount)).toEqual([4]);
      expect(await ok(store.readStream(streamOf('nobody')))).toEqual([]);
    });

    it('refuses an append at a stale expected version with a typed conflict, and appends nothing', async () => {
      const store = await fixture.create();
      const s = streamOf('a');
      await ok(store.appendToStream(s, [added(1, 1, 'c1')], { expectedVersion: 0 }));
      const conflict = await failure(
        store.appendToStream(s, [added(1, 2, 'c2'), added(1, 3, 'c2')], { expectedVersion: 0 }),
      );
      expect(conflict).toMatchObject({
        _tag: 'ConcurrencyError',
        code: 'ConcurrencyConflict',
        streamId: s,
        expectedVersion: 0,
        actualVersion: 1,
      });
      const ahead = await failure(store.appendToStream(s, [added(1, 2, 'c3')], { expectedVersion: 5 }));
      expect(ahead).toMatchObject({ _tag: 'ConcurrencyError', expectedVersion: 5, actualVersion: 1 });
      expect(commandIds(await ok(store.readAll()))).toEqual(['c1']);
      // 'any' skips the check; an empty append only checks.
      expect(
        (await ok(store.appendToStream(s, [added(1, 2, 'c4')], { expectedVersion: 'any' }))).nextVersion,
      ).toBe(2);
      expect(await ok(store.appendToStream(s, [], { expectedVersion: 2 }))).toEqual({
        nextVersion: 2,
        events: [],
      });
      expect(await failure(store.appendToStream(s, [], { expectedVersion: 1 }))).toMatchObject({
        actualVersion: 2,
      });
    });

    it('reads all streams in global order, after a position and up to a limit', async () => {
      const store = await fixture.create();
      for (let i = 0; i < 9; i++) {
        await ok(
          store.appendToStream(streamOf(`s${i % 3}`), [added(1, Math.floor(i / 3) + 1, `c${i}`)], {
            expectedVersion: Math.floor(i / 3),
          }),
        );
      }
      const all = await ok(store.readAll());
      expect(commandIds(all)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']);
      const at = positions(all);
      expect(at.every((p, i) => i === 0 || p > at[i - 1]!)).toBe(true);
      expect(commandIds(await ok(store.readAll({ after: at[2]! })))).toEqual([
        'c3',
        'c4',
        'c5',
        'c6',
        'c7',
        'c8',
      ]);
      expect(commandIds(await ok(store.readAll({ limit: 2 })))).toEqual(['c0', 'c1']);
      expect(commandIds(await ok(store.readAll({ after: at[4]!, limit: 3 })))).toEqual(['c5', 'c6', 'c7']);
      expect(await ok(store.readAll({ after: at[8]! }))).toEqual([]);
      expect(await ok(store.readAll({ limit: 0 }))).toEqual([]);
    });

    it('finds the events a command appended to a stream, and nothing for other commands or streams', async () => {
      const store = await fixture.create();
      await ok(
        store.appendToStream(streamOf('a'), [added(1, 1, 'c1'), added(1, 2, 'c1')], { expectedVersion: 0 }),
      );
      await ok(store.appendToStream(streamOf('a'), [added(1, 3, 'c2')], { expectedVersion: 2 }));
      const found = await ok(store.findCommand(streamOf('a'), 'c1'));
      expect(isSome(found) && found.value.map((e) => e.metadata.version)).toEqual([1, 2]);
      expect(isNone(await ok(store.findCommand(streamOf('a'), 'c9')))).toBe(true);
      expect(isNone(await ok(store.findCommand(streamOf('b'), 'c1')))).toBe(true);
    });

    it('delivers each event once, in global order, to a subscription that catches up and follows', async () => {
      const store = await fixture.create();
      for (let i = 0; i < 5; i++)
        await ok(
          store.appendToStream(streamOf('a'), [added(1, i + 1, `early-${i}`)], { expectedVersion: i }),
        );
      const c = collector();
      const subscription = store.subscribe({ ...c, batchSize: 2 });
      await subscription.caughtUp();
      expect(commandIds(c.seen)).toEqual(['early-0', 'early-1', 'early-2', 'early-3', 'early-4']);
      // Appends while it runs, from several writers at once.
      await Promise.all(
        ['x', 'y', 'z'].map(async (id) => {
          for (let i = 0; i < 4; i++)
            await ok(
              store.appendToStream(streamOf(id), [added(1, i + 1, `${id}-${i}`)], { expectedVersion: i }),
            );
        }),
      );
      await subscription.caughtUp();
      await subscription.stop();
      const all = await ok(store.readAll());
      expect(positions(c.seen)).toEqual(positions(all));
      expect(subscription.position()).toBe(positions(all).at(-1));
      expect(c.errors).toEqual([]);
    });

    it('resumes a subscription from its checkpoint after a stop, without loss or repeat', async () => {
      const store = await fixture.create();
      const checkpoints = await fixture.checkpoints();
      const append = (i: number) =>
        ok(store.appendToStream(streamOf('a'), [added(1, i + 1, `c${i}`)], { expectedVersion: i }));
      for (let i = 0; i < 3; i++) await append(i);
      const first = collector();
      const one = await ok(subscribeFromCheckpoint(store, { ...first, checkpoints, name: 'reader' }));
      await one.caughtUp();
      await one.stop();
      for (let i = 3; i < 6; i++) await append(i);
      expect(await ok(checkpoints.load('reader'))).toBe(first.seen.at(-1)!.metadata.globalPosition);
      const second = collector();
      const two = await ok(
        subscribeFromCheckpoint(store, { ...second, checkpoints, name: 'reader', saveEvery: 10 }),
      );
      await two.caughtUp();
      await two.stop();
      expect(commandIds(first.seen)).toEqual(['c0', 'c1', 'c2']);
      expect(commandIds(second.seen)).toEqual(['c3', 'c4', 'c5']);
      // saveEvery 10 was not reached: stop() saved the position anyway.
      expect(await ok(checkpoints.load('reader'))).toBe(second.seen.at(-1)!.metadata.globalPosition);
      expect(await ok(checkpoints.load('somebody else'))).toBe(0);
    });

    it('reports a row that does not decode as a typed error naming its stream and version', async () => {
      const s = streamOf('bad');
      const store = await fixture.createWithRows([
        goodRow(s, 'c1', 1, 1),
        { streamId: s, type: 'Added', data: { amount: 'lots', total: 2 }, commandId: 'c2' },
        goodRow(streamOf('fine'), 'c3', 1, 1),
      ]);
      const expected = { _tag: 'StoreError', code: 'MalformedEvent', streamId: s, version: 2 };
      const fromStream = (await failure(store.readStream(s))) as StoreError;
      expect(fromStream).toMatchObject(expected);
      expect(fromStream.message).toContain('data.amount');
      expect(fromStream.issues?.[0]?.path).toBe('data.amount');
      expect(await failure(store.readAll())).toMatchObject(expected);
      expect(await failure(store.findCommand(s, 'c2'))).toMatchObject(expected);
      // What does decode is still readable around it.
      expect(commandIds(await ok(store.readStream(streamOf('fine'))))).toEqual(['c3']);
      expect(commandIds(await ok(store.readAll({ limit: 1 })))).toEqual(['c1']);
      const c = collector();
      const subscription = store.subscribe(c);
      await expect.poll(() => c.errors.length).toBe(1);
      await subscription.stop();
      expect(c.errors[0]).toMatchObject(expected);
      expect(commandIds(c.seen)).toEqual([]);
    });

    it('reads a row of an older schema version in the current shape (upcasting)', async () => {
      const s = streamOf('old');
      const store = await fixture.createWithRows([
        { streamId: s, type: 'Added', data: { amount: 3 }, commandId: 'c1', schemaVersion: 1 },
      ]);
      const [event] = await ok(store.readStream(s));
      expect(event?.data).toEqual({ amount: 3, total: 0 });
      expect(event?.metadata.schemaVersion).toBe(2);
    });

    it('backs an idempotent command handler: the same command twice appends once, also through another handler', async () => {
      const store = await fixture.create();
      const handler = () =>
        createCommandHandler({
          eventStore: store,
          decider: counter,
          streamIdOf: (c) => streamOf(c.metadata.accountId),
        });
      const first = await ok(handler().handle(add('a', 'once', 2, 'AddTwice')));
      const again = await ok(handler().handle(add('a', 'once', 2, 'AddTwice')));
      expect(first.duplicate).toBe(false);
      expect(again).toEqual({ ...first, duplicate: true });
      expect(first.events.map((e) => e.data.total)).toEqual([2, 4]);
      // No events and a refusal both append nothing.
      expect((await ok(handler().handle(check('a', 'fine', 10)))).events).toEqual([]);
      expect(await failure(handler().handle(check('a', 'refused', 1)))).toMatchObject({ code: 'TooLarge' });
      expect((await ok(store.readStream(streamOf('a')))).map((e) => e.metadata.eventId)).toEqual([
        'once/0',
        'once/1',
      ]);
    });
  });
};
