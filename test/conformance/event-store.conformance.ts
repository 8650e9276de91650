/**
 * The event store conformance suite: what every `EventStore` must do, run against each store
 * (in memory, PostgreSQL) from its own test file with a fixture that makes fresh stores.
 */
import { type Either, isLeft, isRight, right } from 'fp-ts/lib/Either.js';
import { isNone, type Option } from 'fp-ts/lib/Option.js';
import { describe, expect, it } from 'vitest';
import {
  type CommandOutcome,
  createCommandHandler,
  domainError,
  type EventStore,
  type StoredEvent,
  type StoreError,
} from '../../src/kernel/index.js';
import { type CheckpointStore, subscribeFromCheckpoint } from '../../src/postgres/index.js';
import { holdAfterLookup } from '../support/held-lookup.js';
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

/** The outcome found, or a failure. */
const outcomeOf = (found: Option<CommandOutcome<CounterEvent>>): CommandOutcome<CounterEvent> => {
  if (isNone(found)) throw new Error('expected a recorded outcome, found none');
  return found.value;
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

    it('records what a command came to, by its id within its stream: appended, refused or unchanged', async () => {
      const store = await fixture.create();
      const s = streamOf('a');
      await ok(
        store.appendToStream(s, [added(1, 1, 'c1'), added(1, 2, 'c1')], {
          expectedVersion: 0,
          commandId: 'c1',
        }),
      );
      await ok(store.appendToStream(s, [added(1, 3, 'c2')], { expectedVersion: 2, commandId: 'c2' }));
      const refusal = domainError('TooLarge', 'total 3 is above 1', { total: 3, atMost: 1 });
      expect(await ok(store.recordOutcome(s, 'c3', { kind: 'refused', error: refusal }))).toEqual({
        kind: 'refused',
        version: 3,
        error: refusal,
      });
      expect(await ok(store.recordOutcome(s, 'c4', { kind: 'unchanged' }))).toEqual({
        kind: 'unchanged',
        version: 3,
      });
      const appended = outcomeOf(await ok(store.findCommand(s, 'c1')));
      expect(appended.kind).toBe('appended');
      expect(appended.version).toBe(2);
      expect(appended.kind === 'appended' && appended.events.map((e) => e.metadata.version)).toEqual([1, 2]);
      expect(outcomeOf(await ok(store.findCommand(s, 'c3')))).toEqual({
        kind: 'refused',
        version: 3,
        error: refusal,
      });
      expect(outcomeOf(await ok(store.findCommand(s, 'c4')))).toEqual({ kind: 'unchanged', version: 3 });
      // Recording nothing changed the stream's version.
      expect((await ok(store.readStream(s))).map((e) => e.metadata.version)).toEqual([1, 2, 3]);
      expect(isNone(await ok(store.findCommand(s, 'c9')))).toBe(true);
      expect(isNone(await ok(store.findCommand(streamOf('b'), 'c1')))).toBe(true);
    });

    it('refuses a second outcome for a command id with CommandAlreadyRecorded, and writes nothing', async () => {
      const store = await fixture.create();
      const s = streamOf('a');
      await ok(store.appendToStream(s, [added(1, 1, 'c1')], { expectedVersion: 0, commandId: 'c1' }));
      await ok(store.recordOutcome(s, 'r1', { kind: 'refused', error: domainError('TooLarge', 'no', {}) }));
      await ok(store.recordOutcome(s, 'u1', { kind: 'unchanged' }));
      const already = (commandId: string) => ({
        _tag: 'CommandAlreadyRecorded',
        code: 'CommandAlreadyRecorded',
        streamId: s,
        commandId,
      });
      // At the right version too: the id, not the version, is what is refused.
      for (const id of ['c1', 'r1', 'u1']) {
        expect(
          await failure(store.appendToStream(s, [added(1, 2, id)], { expectedVersion: 1, commandId: id })),
        ).toMatchObject(already(id));
        expect(await failure(store.recordOutcome(s, id, { kind: 'unchanged' }))).toMatchObject(already(id));
      }
      expect(commandIds(await ok(store.readAll()))).toEqual(['c1']);
      expect(outcomeOf(await ok(store.findCommand(s, 'r1'))).kind).toBe('refused');
      expect(outcomeOf(await ok(store.findCommand(s, 'u1'))).kind).toBe('unchanged');
    });

    it('lets two streams use the same command id and the same event ids', async () => {
      const store = await fixture.create();
      for (const id of ['a', 'b']) {
        const result = await ok(
          store.appendToStream(streamOf(id), [added(1, 1, 'shared')], {
            expectedVersion: 0,
            commandId: 'shared',
            eventIds: ['shared/0'],
          }),
        );
        expect(result.events[0]?.metadata).toMatchObject({ eventId: 'shared/0', streamId: streamOf(id) });
      }
      await ok(store.recordOutcome(streamOf('a'), 'refused-twice', { kind: 'unchanged' }));
      await ok(store.recordOutcome(streamOf('b'), 'refused-twice', { kind: 'unchanged' }));
      expect((await ok(store.readAll())).map((e) => e.metadata.streamId)).toEqual([
        streamOf('a'),
        streamOf('b'),
      ]);
    });

    it('lets exactly one of concurrent appends with one command id win; the others learn it is recorded', async () => {
      const store = await fixture.create();
      const s = streamOf('race');
      await ok(store.appendToStream(s, [added(1, 1, 'first')], { expectedVersion: 0, commandId: 'first' }));
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.appendToStream(s, [added(1 + i, 2 + i, 'same')], {
            expectedVersion: i % 2 === 0 ? 1 : 'any',
            commandId: 'same',
          })(),
        ),
      );
      expect(results.filter(isRight)).toHaveLength(1);
      for (const result of results.filter(isLeft)) {
        expect(['CommandAlreadyRecorded', 'ConcurrencyError']).toContain(
          (result.left as { _tag: string })._tag,
        );
      }
      expect(
        results.some((r) => isLeft(r) && (r.left as { _tag: string })._tag === 'CommandAlreadyRecorded'),
      ).toBe(true);
      expect((await ok(store.readStream(s))).map((e) => e.metadata.commandId)).toEqual(['first', 'same']);
    });

    it('delivers each event once, in global order, to a subscription that catches up and follows', async () => {
      const store = await fixture.create();
      for (let i = 0; i < 5; i++)
        await ok(
          store.appendToStream(streamOf('a'), [added(1, i + 1, `early-${i}`)], { expectedVersion: i }),
        );
      const c = collector();
      const subscription = store.subscribe({ ...c, batchSize: 2 });
      expect(await subscription.caughtUp()).toEqual(right(undefined));
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
      expect(await subscription.caughtUp()).toEqual(right(undefined));
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
      expect(await one.caughtUp()).toEqual(right(undefined));
      await one.stop();
      for (let i = 3; i < 6; i++) await append(i);
      expect(await ok(checkpoints.load('reader'))).toBe(first.seen.at(-1)!.metadata.globalPosition);
      const second = collector();
      const two = await ok(
        subscribeFromCheckpoint(store, { ...second, checkpoints, name: 'reader', saveEvery: 10 }),
      );
      expect(await two.caughtUp()).toEqual(right(undefined));
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
      const first = await ok(counterHandler(store).handle(add('a', 'once', 2, 'AddTwice')));
      const again = await ok(counterHandler(store).handle(add('a', 'once', 2, 'AddTwice')));
      expect(first.duplicate).toBe(false);
      expect(again).toEqual({ ...first, duplicate: true });
      expect(first.events.map((e) => e.data.total)).toEqual([2, 4]);
      // No events and a refusal both append nothing.
      expect(await ok(counterHandler(store).handle(check('a', 'fine', 10)))).toEqual({
        events: [],
        version: 2,
        duplicate: false,
      });
      expect(await failure(counterHandler(store).handle(check('a', 'refused', 1)))).toMatchObject({
        code: 'TooLarge',
      });
      expect((await ok(store.readStream(streamOf('a')))).map((e) => e.metadata.eventId)).toEqual([
        'once/0',
        'once/1',
      ]);
    });

    it('answers a refused or an empty decision sent again with its first outcome, from any handler, even once the state changed', async () => {
      const store = await fixture.create();
      const one = counterHandler(store);
      await ok(one.handle(add('a', 'c1', 4)));
      const refused = await failure(one.handle(check('a', 'too-large', 1)));
      const unchanged = await ok(one.handle(check('a', 'fits', 10)));
      expect(refused).toMatchObject({ _tag: 'DomainError', code: 'TooLarge' });
      expect(unchanged).toEqual({ events: [], version: 1, duplicate: false });
      // The total grows past 10: `fits` decided now would be refused.
      await ok(one.handle(add('a', 'c2', 20)));
      for (const handler of [one, counterHandler(store)]) {
        expect(await failure(handler.handle(check('a', 'too-large', 1)))).toEqual(refused);
        expect(await ok(handler.handle(check('a', 'fits', 10)))).toEqual({ ...unchanged, duplicate: true });
      }
      expect(commandIds(await ok(store.readAll()))).toEqual(['c1', 'c2']);
    });

    it('returns the first outcome to both callers when a handler looks a command up just before another appends it', async () => {
      const store = await fixture.create();
      // B looks the id up and finds nothing, then waits until A has appended the same command.
      const { store: slow, lookedUp: bLookedUp, release } = holdAfterLookup(store);
      const a = counterHandler(store);
      const b = counterHandler(slow);
      const fromB = b.handle(add('a', 'buy', 3))();
      await bLookedUp;
      const fromA = await ok(a.handle(add('a', 'buy', 3)));
      release();
      const answerB = await fromB;
      expect(answerB).toEqual(right({ ...fromA, duplicate: true }));
      expect(fromA.duplicate).toBe(false);
      expect((await ok(store.readStream(streamOf('a')))).map((e) => e.data.total)).toEqual([3]);
    });

    it('applies 200 commands, each sent 3 times through 4 handlers at once, exactly once with gapless versions', async () => {
      const store = await fixture.create();
      const handlers = [0, 1, 2, 3].map(() => counterHandler(store));
      const sends = Array.from({ length: 600 }, (_, i) => {
        const n = i % 200;
        return { handler: handlers[(i * 7) % 4]!, command: add(`acc-${n % 5}`, `cmd-${n}`, 1 + (n % 3)) };
      });
      const results = await Promise.all(sends.map(({ handler, command }) => handler.handle(command)()));
      expect(results.filter(isLeft)).toEqual([]);
      const all = await ok(store.readAll());
      expect(all).toHaveLength(200);
      expect(new Set(commandIds(all)).size).toBe(200);
      for (let k = 0; k < 5; k++) {
        const stream = await ok(store.readStream(streamOf(`acc-${k}`)));
        expect(stream.map((e) => e.metadata.version)).toEqual(stream.map((_, i) => i + 1));
        // Each total is the one before plus the amount: nothing lost, nothing doubled.
        stream.forEach((e, i) => {
          expect(e.data.total).toBe((i === 0 ? 0 : stream[i - 1]!.data.total) + e.data.amount);
        });
      }
      // Every send of a command got the same events back.
      const byCommand = new Map<string, string>();
      results.forEach((result, i) => {
        if (isLeft(result)) return;
        const events = JSON.stringify(result.right.events);
        const id = sends[i]!.command.metadata.commandId;
        expect(byCommand.get(id) ?? events).toBe(events);
        byCommand.set(id, events);
      });
    });
  });
};

/**
 * A counter handler over `store` (one per simulated service instance). Several of them race on
 * a few streams at once: on a database that runs them truly in parallel a command can lose more
 * than the default five version conflicts in a row, so they may retry more.
 */
const counterHandler = (store: EventStore<CounterEvent>) =>
  createCommandHandler({
    eventStore: store,
    decider: counter,
    streamIdOf: (c) => streamOf(c.metadata.accountId),
    maxRetries: 100,
  });
