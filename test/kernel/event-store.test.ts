import { isLeft, isRight, right } from 'fp-ts/lib/Either.js';
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
    expect(await first.caughtUp()).toEqual(right(undefined));
    for (let i = 5; i < 8; i++)
      await store.appendToStream(stream, [signed(`g${i}`, 1, `c${i}`)], { expectedVersion: i })();
    expect(await first.caughtUp()).toEqual(right(undefined));
    const checkpoint = first.position();
    await first.stop();
    for (let i = 8; i < 10; i++)
      await store.appendToStream(stream, [signed(`g${i}`, 1, `c${i}`)], { expectedVersion: i })();
    const resumed = store.subscribe({
      after: checkpoint,
      onEvent: (e) => void seen.push(e.metadata.globalPosition),
    });
    expect(await resumed.caughtUp()).toEqual(right(undefined));
    await resumed.stop();
    expect(checkpoint).toBe(8);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps a stream as its own array: a read is a copy of the slice, and changing it changes nothing', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    for (let i = 0; i < 4; i++)
      await store.appendToStream(i % 2 === 0 ? 'a' : 'b', [signed(`g${i}`, 1, `c${i}`)], {
        expectedVersion: 'any',
      })();
    const read = await store.readStream('a', { fromVersion: 2 })();
    if (!isRight(read)) throw new Error('read failed');
    expect(read.right.map((e) => e.data.guest)).toEqual(['g2']);
    (read.right as StoredEvent<GuestbookEvent>[]).length = 0;
    const again = await store.readStream('a')();
    expect(isRight(again) && again.right.map((e) => e.data.guest)).toEqual(['g0', 'g2']);
    expect(isRight(again) && again.right.map((e) => e.metadata.globalPosition)).toEqual([1, 3]);
  });

  it('copies what comes in through JSON and hands out frozen events', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    const event = { ...signed('ann', 1, 'c1'), data: { guest: 'ann', visit: 1, note: undefined } };
    const appended = await store.appendToStream(stream, [event as GuestbookEvent], { expectedVersion: 0 })();
    if (!isRight(appended)) throw new Error('append failed');
    (event.data as { guest: string }).guest = 'mallory';
    const [kept] = appended.right.events;
    expect(Object.keys(kept?.data ?? {})).toEqual(['guest', 'visit']); // as a database would keep it
    expect(kept?.data).not.toBe(event.data);
    expect(Object.isFrozen(kept) && Object.isFrozen(kept?.data) && Object.isFrozen(kept?.metadata)).toBe(
      true,
    );
    expect(() => {
      (kept!.data as { guest: string }).guest = 'eve';
    }).toThrow(TypeError);
    const read = await store.readStream(stream)();
    expect(isRight(read) && read.right[0]?.data).toEqual({ guest: 'ann', visit: 1 });
  });

  it('refuses an event that JSON cannot carry, and keeps nothing of its append', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    for (const data of [
      { guest: 'ann', visit: 1n },
      { guest: 'ann', visit: 1, loop },
    ]) {
      const result = await store.appendToStream(
        stream,
        [signed('bob', 1, 'c1'), { ...signed('ann', 1, 'c1'), data } as unknown as GuestbookEvent],
        { expectedVersion: 0, commandId: 'c1' },
      )();
      expect(isLeft(result) && result.left).toMatchObject({
        _tag: 'StoreError',
        code: 'MalformedEvent',
        streamId: stream,
        version: 2,
      });
    }
    const all = await store.readAll()();
    expect(isRight(all) && all.right).toEqual([]);
    const found = await store.findCommand(stream, 'c1')();
    expect(isRight(found) && isNone(found.right)).toBe(true);
  });

  it('in serialising mode refuses at append an event it could not read back, so the stream stays readable', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>({ registry: guestbookRegistry });
    await store.appendToStream(stream, [signed('ann', 1, 'c1')], { expectedVersion: 0 })();
    const bad = { ...signed('bob', 1, 'c2'), data: { guest: 'bob', visit: 0 } };
    const result = await store.appendToStream(stream, [bad], { expectedVersion: 1, commandId: 'c2' })();
    expect(isLeft(result) && result.left).toMatchObject({
      _tag: 'StoreError',
      code: 'MalformedEvent',
      streamId: stream,
      version: 2,
    });
    const read = await store.readStream(stream)();
    expect(isRight(read) && read.right.map((e) => e.data.guest)).toEqual(['ann']);
    const retried = await store.appendToStream(stream, [signed('bob', 1, 'c2')], {
      expectedVersion: 1,
      commandId: 'c2',
    })();
    expect(isRight(retried) && retried.right.nextVersion).toBe(2);
  });

  it('refuses an event id already used in the stream (or twice in one append), writing nothing', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    await store.appendToStream(stream, [signed('ann', 1, 'c1')], { expectedVersion: 0, eventIds: ['e1'] })();
    const reused = await store.appendToStream(stream, [signed('bob', 1, 'c2')], {
      expectedVersion: 1,
      eventIds: ['e1'],
    })();
    const twice = await store.appendToStream(stream, [signed('bob', 1, 'c3'), signed('cid', 1, 'c3')], {
      expectedVersion: 1,
      eventIds: ['e2', 'e2'],
    })();
    for (const result of [reused, twice]) {
      expect(isLeft(result) && result.left).toMatchObject({ _tag: 'StoreError', code: 'Internal' });
      expect(isLeft(result) && result.left.message).toContain('already used');
    }
    const all = await store.readAll()();
    expect(isRight(all) && all.right.map((e) => e.metadata.eventId)).toEqual(['e1']);
  });

  it('reads rows imported from a log as appended by their commands, each run of one command id one outcome', async () => {
    const row = (version: number, commandId: string) => ({
      type: 'Signed',
      data: { guest: `g${version}`, visit: 1 },
      metadata: {
        eventId: `e${version}`,
        streamId: stream,
        version,
        globalPosition: version,
        at: '2024-01-01T00:00:00Z',
        commandId,
        actor: 'a',
        schemaVersion: 2,
      },
    });
    const store = createInMemoryEventStore<GuestbookEvent>({
      registry: guestbookRegistry,
      rows: [row(1, 'c1'), row(2, 'c1'), row(3, 'c2')],
    });
    const found = await store.findCommand(stream, 'c1')();
    const outcome = isRight(found) && isSome(found.right) ? found.right.value : undefined;
    expect(outcome?.kind === 'appended' && outcome.events.map((e) => e.data.guest)).toEqual(['g1', 'g2']);
    expect(outcome?.version).toBe(2);
    const again = await store.appendToStream(stream, [signed('x', 1, 'c2')], {
      expectedVersion: 3,
      commandId: 'c2',
    })();
    expect(isLeft(again) && again.left._tag).toBe('CommandAlreadyRecorded');
    // The imported event ids are taken.
    const reused = await store.appendToStream(stream, [signed('x', 1, 'c3')], {
      expectedVersion: 3,
      eventIds: ['e2'],
    })();
    expect(isLeft(reused) && reused.left.code).toBe('Internal');
  });

  it('hands out recorded outcomes that a caller can change without changing what is recorded', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    const details = { guests: ['ann'] };
    const refused = await store.recordOutcome(stream, 'c1', {
      kind: 'refused',
      error: { _tag: 'DomainError', code: 'UnknownGuest', message: 'no', details },
    })();
    details.guests.push('mallory');
    if (!isRight(refused) || refused.right.kind !== 'refused') throw new Error('not recorded');
    expect(() =>
      (refused.right as { error: { details: { guests: string[] } } }).error.details.guests.push('eve'),
    ).toThrow(TypeError);
    (refused.right as { version: number }).version = 99;
    const found = await store.findCommand(stream, 'c1')();
    expect(isRight(found) && isSome(found.right) && found.right.value).toEqual({
      kind: 'refused',
      version: 0,
      error: { _tag: 'DomainError', code: 'UnknownGuest', message: 'no', details: { guests: ['ann'] } },
    });
  });
});
