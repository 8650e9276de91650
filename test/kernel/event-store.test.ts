import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { isNone, isSome } from 'fp-ts/lib/Option.js';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore, type StoredEvent } from '../../src/kernel/index.js';
import { type GuestbookEvent, guestbookRegistry, signed } from '../support/guestbook.js';

const stream = 'book-1';

describe('in-memory event store', () => {
  it('appends with the expected version and reads the stream back in order', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    const first = await store.appendToStream(stream, [signed('ann', 1, 'c1'), signed('bob', 1, 'c1')], {
      expectedVersion: 0,
    })();
    expect(isRight(first) && first.right.nextVersion).toBe(2);
    const read = await store.readStream(stream)();
    expect(isRight(read) && read.right.map((e) => [e.metadata.version, e.metadata.eventId])).toEqual([
      [1, 'c1/0'],
      [2, 'c1/1'],
    ]);
  });

  it('refuses a conflicting append with a typed error and appends nothing', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    await store.appendToStream(stream, [signed('ann', 1, 'c1')], { expectedVersion: 0 })();
    const conflict = await store.appendToStream(stream, [signed('bob', 1, 'c2'), signed('cid', 1, 'c2')], {
      expectedVersion: 0,
    })();
    expect(isLeft(conflict) && conflict.left).toMatchObject({
      _tag: 'ConcurrencyError',
      code: 'ConcurrencyConflict',
      streamId: stream,
      expectedVersion: 0,
      actualVersion: 1,
    });
    const all = await store.readAll()();
    expect(isRight(all) && all.right).toHaveLength(1);
    const byCommand = await store.findCommand(stream, 'c2')();
    expect(isRight(byCommand) && isNone(byCommand.right)).toBe(true);
  });

  it('reads all streams in global order with after and limit', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    await store.appendToStream('a', [signed('x', 1, 'c1')], { expectedVersion: 0 })();
    await store.appendToStream('b', [signed('y', 1, 'c2'), signed('z', 1, 'c2')], {
      expectedVersion: 'any',
    })();
    await store.appendToStream('a', [signed('w', 1, 'c3')], { expectedVersion: 1 })();
    const page = await store.readAll({ after: 1, limit: 2 })();
    expect(isRight(page) && page.right.map((e) => [e.metadata.globalPosition, e.metadata.streamId])).toEqual([
      [2, 'b'],
      [3, 'b'],
    ]);
    const found = await store.findCommand('b', 'c2')();
    expect(isRight(found) && isSome(found.right) && found.right.value.map((e) => e.data.guest)).toEqual([
      'y',
      'z',
    ]);
  });

  it('reads a v1 event back in its v2 shape through an upcaster', async () => {
    const v1 = {
      type: 'Signed',
      data: { guest: 'ann' },
      metadata: {
        eventId: 'e1',
        streamId: stream,
        version: 1,
        globalPosition: 1,
        at: '2024-01-01T00:00:00Z',
        commandId: 'old-1',
        actor: 'legacy',
        schemaVersion: 1,
      },
    };
    const store = createInMemoryEventStore<GuestbookEvent>({ registry: guestbookRegistry, rows: [v1] });
    const read = await store.readStream(stream)();
    expect(isRight(read) && read.right[0]).toEqual({
      type: 'Signed',
      data: { guest: 'ann', visit: 1 },
      metadata: { ...v1.metadata, schemaVersion: 2 },
    });
  });

  it('returns a malformed stored event as a typed error naming stream, version and path', async () => {
    const good = (version: number, data: unknown) => ({
      type: 'Signed',
      data,
      metadata: {
        eventId: `e${version}`,
        streamId: stream,
        version,
        globalPosition: version,
        at: '2024-01-01T00:00:00Z',
        commandId: `c${version}`,
        actor: 'a',
        schemaVersion: 2,
      },
    });
    const store = createInMemoryEventStore<GuestbookEvent>({
      registry: guestbookRegistry,
      rows: [good(1, { guest: 'ann', visit: 1 }), good(2, { guest: 'bob', visit: 'twice' })],
    });
    const read = await store.readStream(stream)();
    expect(isLeft(read) && read.left).toMatchObject({
      _tag: 'StoreError',
      code: 'MalformedEvent',
      streamId: stream,
      version: 2,
      issues: [{ path: 'data.visit', expected: 'a positive integer', actual: 'twice' }],
    });
    expect(isLeft(read) && read.left.message).toContain(
      'data.visit: expected a positive integer, got "twice"',
    );
  });

  it('in serialising mode keeps JSON, so a stored event cannot be changed through a reference', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>({ registry: guestbookRegistry });
    const event = signed('ann', 1, 'c1');
    await store.appendToStream(stream, [event], { expectedVersion: 0 })();
    (event.data as { guest: string }).guest = 'mallory';
    const read = await store.readStream(stream)();
    expect(isRight(read) && (read.right[0] as StoredEvent<GuestbookEvent>).data).toEqual({
      guest: 'ann',
      visit: 1,
    });
  });

  it('delivers every event once, in order, to a catch-up subscription that resumes from its checkpoint', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    for (let i = 0; i < 5; i++)
      await store.appendToStream(stream, [signed(`g${i}`, 1, `c${i}`)], { expectedVersion: i })();
    const seen: number[] = [];
    const first = store.subscribe({
      onEvent: (e) => void seen.push(e.metadata.globalPosition),
      batchSize: 2,
    });
    await first.caughtUp();
    for (let i = 5; i < 8; i++)
      await store.appendToStream(stream, [signed(`g${i}`, 1, `c${i}`)], { expectedVersion: i })();
    await first.caughtUp();
    const checkpoint = first.position();
    await first.stop();
    for (let i = 8; i < 10; i++)
      await store.appendToStream(stream, [signed(`g${i}`, 1, `c${i}`)], { expectedVersion: i })();
    const resumed = store.subscribe({
      after: checkpoint,
      onEvent: (e) => void seen.push(e.metadata.globalPosition),
    });
    await resumed.caughtUp();
    await resumed.stop();
    expect(checkpoint).toBe(8);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
