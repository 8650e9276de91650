import { isLeft, isRight, left } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  createCommandHandler,
  createInMemoryEventStore,
  createInMemorySnapshotStore,
  type EventStore,
  getEntry,
  storeError,
  tapHandled,
} from '../../src/kernel/index.js';
import { add, type CounterEvent, check, counter } from '../conformance/counter.js';
import { type GuestbookEvent, type GuestbookState, guestbook, sign } from '../support/guestbook.js';
import { holdAfterLookup } from '../support/held-lookup.js';

const handlerOver = (eventStore = createInMemoryEventStore<GuestbookEvent>(), cacheSize?: number) =>
  createCommandHandler({
    eventStore,
    decider: guestbook,
    streamIdOf: (c) => c.metadata.accountId,
    ...(cacheSize === undefined ? {} : { cacheSize }),
  });

describe('command handler', () => {
  it('handles the same commandId twice: appends once and returns the same events, also from a new handler', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    const command = sign('ann', 'book-1', 'once');
    const first = await handlerOver(store).handle(command)();
    const again = await handlerOver(store).handle(command)();
    const third = await handlerOver(store).handle(command)();
    expect(isRight(first) && first.right.duplicate).toBe(false);
    expect(isRight(again) && again.right).toEqual(isRight(first) && { ...first.right, duplicate: true });
    expect(isRight(third) && third.right.events).toEqual(isRight(first) && first.right.events);
    const all = await store.readAll()();
    expect(isRight(all) && all.right).toHaveLength(1);
  });

  it('applies 200 concurrent commands through 4 handler instances exactly once, with gapless versions', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    const handlers = [0, 1, 2, 3].map(() => handlerOver(store));
    const commands = Array.from({ length: 200 }, (_, i) => sign(`guest-${i % 37}`, 'book-1', `c-${i}`));
    const results = await Promise.all(commands.map((c, i) => handlers[i % 4]!.handle(c)()));
    expect(results.every(isRight)).toBe(true);
    const read = await store.readStream('book-1')();
    if (!isRight(read)) throw new Error('read failed');
    expect(read.right.map((e) => e.metadata.version)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(read.right.map((e) => e.metadata.commandId)).size).toBe(200);
    // The decision saw every earlier event: visit numbers per guest are 1, 2, 3, … with no repeats.
    const visits = new Map<string, number[]>();
    for (const e of read.right) {
      if (e.type !== 'Signed') continue;
      visits.set(e.data.guest, [...(visits.get(e.data.guest) ?? []), e.data.visit]);
    }
    for (const list of visits.values()) expect(list).toEqual(list.map((_, i) => i + 1));
  });

  it('gives up after maxRetries conflicts with a typed concurrency error and appends nothing', async () => {
    const inner = createInMemoryEventStore<GuestbookEvent>();
    let sneak = 0;
    // A store where another writer always gets in first.
    const store = {
      ...inner,
      appendToStream:
        (streamId: string, events: readonly GuestbookEvent[], o: { expectedVersion: number | 'any' }) =>
        async () => {
          await inner.appendToStream(
            streamId,
            [
              sign(`intruder-${sneak}`) && {
                type: 'Signed' as const,
                data: { guest: `intruder-${sneak}`, visit: 1 },
                metadata: { at: '2025-01-01T00:00:00Z', commandId: `x-${sneak++}`, actor: 'x' },
              },
            ],
            { expectedVersion: 'any' },
          )();
          return inner.appendToStream(streamId, events, o)();
        },
    };
    const handler = createCommandHandler({
      eventStore: store,
      decider: guestbook,
      maxRetries: 2,
      streamIdOf: () => 's',
    });
    const result = await handler.handle(sign('ann', 's', 'mine'))();
    expect(isLeft(result) && result.left._tag).toBe('ConcurrencyError');
    expect(sneak).toBe(3);
    const mine = await inner.findCommand('s', 'mine')();
    expect(isRight(mine) && mine.right._tag).toBe('None');
  });

  it('returns a domain error as a value and appends nothing', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    const result = await handlerOver(store).handle({ ...sign('ann'), type: 'Forget' })();
    expect(isLeft(result) && result.left).toMatchObject({ _tag: 'DomainError', code: 'UnknownGuest' });
    const all = await store.readAll()();
    expect(isRight(all) && all.right).toHaveLength(0);
  });

  it('returns a malformed stored event as a typed store error, never a crash', async () => {
    const rows = [
      {
        type: 'Signed',
        data: { guest: '' },
        metadata: {
          eventId: 'e1',
          streamId: 'book-1',
          version: 1,
          globalPosition: 1,
          at: '2024-01-01T00:00:00Z',
          commandId: 'c',
          actor: 'a',
          schemaVersion: 2,
        },
      },
    ];
    const { guestbookRegistry } = await import('../support/guestbook.js');
    const store = createInMemoryEventStore<GuestbookEvent>({ registry: guestbookRegistry, rows });
    const result = await handlerOver(store).handle(sign('ann'))();
    expect(isLeft(result) && result.left).toMatchObject({
      _tag: 'StoreError',
      code: 'MalformedEvent',
      streamId: 'book-1',
      version: 1,
    });
  });

  it('loads from a snapshot plus the tail, and ignores a snapshot of another state schema', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    const snapshots = createInMemorySnapshotStore<GuestbookState>();
    const writer = createCommandHandler({
      eventStore: store,
      decider: guestbook,
      streamIdOf: (c) => c.metadata.accountId,
      snapshots: { store: snapshots, every: 10, schemaVersion: 1 },
      cacheSize: 0,
    });
    for (let i = 0; i < 25; i++) await writer.handle(sign(`g${i % 7}`, 'book-1', `w-${i}`))();
    const saved = await snapshots.load('book-1')();
    expect(isRight(saved) && saved.right._tag === 'Some' && saved.right.value.version).toBe(20);
    // A reader on the same snapshot store, no cache: snapshot (20) + tail (5).
    const reader = createCommandHandler({
      eventStore: store,
      decider: guestbook,
      streamIdOf: (c) => c.metadata.accountId,
      snapshots: { store: snapshots, every: 10, schemaVersion: 1 },
      cacheSize: 0,
    });
    const next = await reader.handle(sign('g0', 'book-1', 'r-1'))();
    // g0 signed at i = 0, 7, 14, 21 → this is its 5th visit.
    expect(isRight(next) && next.right.events[0]?.data).toEqual({ guest: 'g0', visit: 5 });
    // A snapshot of another schema version is ignored: a poisoned state would say visit 100.
    const poisoned = createInMemorySnapshotStore<GuestbookState>();
    const state = guestbook.fold([]);
    const fake = guestbook.foldOnto(state, [
      {
        type: 'Signed',
        data: { guest: 'g0', visit: 99 },
        metadata: { at: '2025-01-01T00:00:00Z', commandId: 'x', actor: 'x' },
      },
    ]);
    await poisoned.save({ streamId: 'book-1', version: 26, schemaVersion: 0, state: fake })();
    const careful = createCommandHandler({
      eventStore: store,
      decider: guestbook,
      streamIdOf: (c) => c.metadata.accountId,
      snapshots: { store: poisoned, every: 10, schemaVersion: 1 },
    });
    const after = await careful.handle(sign('g0', 'book-1', 'r-2'))();
    expect(isRight(after) && after.right.events[0]?.data).toEqual({ guest: 'g0', visit: 6 });
    expect(getEntry(fake.guests, 'g0')?.visits).toBe(99);
  });

  it('returns the refusal recorded first when another handler refused the same command meanwhile, not its own', async () => {
    const store = createInMemoryEventStore<CounterEvent>();
    const counterOver = (eventStore: EventStore<CounterEvent>) =>
      createCommandHandler({ eventStore, decider: counter, streamIdOf: (c) => c.metadata.accountId });
    await counterOver(store).execute(add('k', 'a1', 4));
    const { store: slow, lookedUp: bLookedUp, release } = holdAfterLookup(store);
    const fromB = counterOver(slow).execute(check('k', 'check-1', 1));
    await bLookedUp;
    const fromA = await counterOver(store).execute(check('k', 'check-1', 1));
    await counterOver(store).execute(add('k', 'a2', 3)); // B now decides on a total of 7
    release();
    expect(isLeft(fromA) && fromA.left.message).toBe('total 4 is above 1');
    expect(await fromB).toEqual(fromA);
  });

  it('leaves a command undecided when its refusal cannot be recorded: sent again, it is decided again', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    let down = true;
    const flaky: EventStore<GuestbookEvent> = {
      ...store,
      recordOutcome: (streamId, commandId, outcome) => () =>
        down
          ? Promise.resolve(left(storeError('Unavailable', 'the store is down')))
          : store.recordOutcome(streamId, commandId, outcome)(),
    };
    const handler = handlerOver(flaky);
    const forget = { ...sign('ann', 'book-1', 'forget-1'), type: 'Forget' as const };
    const first = await handler.execute(forget);
    expect(isLeft(first) && first.left).toMatchObject({ _tag: 'StoreError', code: 'Unavailable' });
    const found = await store.findCommand('book-1', 'forget-1')();
    expect(isRight(found) && found.right._tag).toBe('None');
    down = false;
    const again = await handler.execute(forget);
    expect(isLeft(again) && again.left).toMatchObject({ _tag: 'DomainError', code: 'UnknownGuest' });
  });

  it('refuses, as invalid, input that JSON cannot carry when it has no decoder, deciding nothing', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    const handler = handlerOver(store);
    const result = await handler.handleUnknown({ ...sign('ann'), data: { guest: 'ann', at: 1n } })();
    expect(isLeft(result) && result.left).toMatchObject({
      _tag: 'ValidationError',
      issues: [{ path: '(root)', expected: 'a command JSON can carry' }],
    });
    const all = await store.readAll()();
    expect(isRight(all) && all.right).toEqual([]);
  });

  it('tapHandled sees each command the first time it applies, through every entry point, never a repeat or a refusal', async () => {
    const seen: number[] = [];
    const handler = tapHandled(handlerOver(), (handled) => seen.push(handled.version));
    await handler.handle(sign('ann', 'book-1', 't1'))();
    await handler.handleUnknown(sign('bob', 'book-1', 't2'))();
    await handler.execute(sign('cid', 'book-1', 't3'));
    await handler.execute(sign('cid', 'book-1', 't3'));
    await handler.execute({ ...sign('zed', 'book-1', 't4'), type: 'Forget' });
    expect(seen).toEqual([1, 2, 3]);
  });
});
