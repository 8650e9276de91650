import { getEventListeners } from 'node:events';
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createInMemoryEventStore,
  type StoredEvent,
  startCatchUp,
  storeError,
} from '../../src/kernel/index.js';
import { type GuestbookEvent, signed } from '../support/guestbook.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const appendMany = async (store: ReturnType<typeof createInMemoryEventStore<GuestbookEvent>>, n: number) => {
  for (let i = 0; i < n; i++)
    await store.appendToStream('book', [signed(`g${i}`, 1, `c${i}`)], { expectedVersion: 'any' })();
};

describe('catch-up subscription', () => {
  it('keeps one abort listener for its whole life, however many appends wake it', async () => {
    const signals = new Set<AbortSignal>();
    let registered = 0;
    const add = EventTarget.prototype.addEventListener;
    vi.spyOn(EventTarget.prototype, 'addEventListener').mockImplementation(function (
      this: EventTarget,
      type,
      listener,
      options,
    ) {
      if (type === 'abort' && this instanceof AbortSignal) {
        signals.add(this);
        registered++;
      }
      return add.call(this, type, listener, options);
    });
    const store = createInMemoryEventStore<GuestbookEvent>();
    let delivered = 0;
    const subscription = store.subscribe({ onEvent: () => void delivered++ });
    // Each append lands while the subscription waits, so each one wakes it.
    for (let i = 0; i < 5_000; i++) {
      await store.appendToStream('book', [signed(`g${i}`, 1, `c${i}`)], { expectedVersion: i })();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await subscription.caughtUp()).toEqual(right(undefined));
    expect(delivered).toBe(5_000);
    expect(registered).toBe(1);
    expect([...signals].map((signal) => getEventListeners(signal, 'abort').length)).toEqual([1]);
    await subscription.stop();
    expect([...signals].map((signal) => getEventListeners(signal, 'abort').length)).toEqual([0]);
  });

  it('answers caughtUp with the error that stopped delivery when a read fails, and never rejects', async () => {
    const failure = storeError('Unavailable', 'the log is gone');
    const errors: unknown[] = [];
    const subscription = startCatchUp<GuestbookEvent>(
      {
        readAll: () => () => Promise.resolve(left(failure)),
        waitForAppend: () => Promise.resolve(),
        head: () => Promise.resolve(3),
      },
      { onEvent: () => undefined, onError: (error) => void errors.push(error) },
    );
    expect(await subscription.caughtUp()).toEqual(left(failure));
    expect(errors).toEqual([failure]);
    await subscription.stop();
  });

  it('answers caughtUp with a typed Unavailable when the head of the log cannot be read', async () => {
    const subscription = startCatchUp<GuestbookEvent>(
      {
        readAll: () => () => Promise.resolve(right([])),
        waitForAppend: (_after, signal) =>
          new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
        head: () => Promise.reject(new Error('connection reset')),
      },
      { onEvent: () => undefined },
    );
    const result = await subscription.caughtUp();
    expect(isLeft(result) && result.left).toMatchObject({ _tag: 'StoreError', code: 'Unavailable' });
    expect(isLeft(result) && result.left.message).toContain('connection reset');
    await subscription.stop();
  });

  it('stops at a subscriber that throws: reported as an error, the event not counted as delivered', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    await appendMany(store, 3);
    const seen: StoredEvent<GuestbookEvent>[] = [];
    const errors: unknown[] = [];
    const subscription = store.subscribe({
      onEvent: (event) => {
        if (event.metadata.globalPosition === 2) throw new Error('cannot project');
        seen.push(event);
      },
      onError: (error) => void errors.push(error),
    });
    const result = await subscription.caughtUp();
    expect(isLeft(result) && result.left).toMatchObject({ _tag: 'StoreError', code: 'Internal' });
    expect(isLeft(result) && result.left.message).toContain('cannot project');
    expect(errors).toHaveLength(1);
    expect(subscription.position()).toBe(1);
    expect(seen.map((e) => e.metadata.globalPosition)).toEqual([1]);
    await subscription.stop();
  });

  it('answers a caughtUp still waiting when the subscription is stopped, with a typed error', async () => {
    const store = createInMemoryEventStore<GuestbookEvent>();
    await appendMany(store, 2);
    let release: () => void = () => undefined;
    const subscription = store.subscribe({
      onEvent: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    });
    const waiting = subscription.caughtUp();
    const stopped = subscription.stop();
    release();
    await stopped;
    const result = await waiting;
    expect(isLeft(result) && result.left).toMatchObject({ _tag: 'StoreError', code: 'Unavailable' });
  });
});
