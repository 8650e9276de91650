/**
 * The listener behind subscriptions' wake-ups, over a scripted connection source (no server):
 * an attempt to listen that fails is tried again within moments, not at the next poll, so a
 * subscription is not left deaf for a whole poll interval after its listener was lost.
 */
import { EventEmitter } from 'node:events';
import { left, right } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { storeError } from '../../src/kernel/errors.js';
import type { Database, Held } from '../../src/postgres/database.js';
import { createWakeUps } from '../../src/postgres/wake-ups.js';

/** Connections handed out in turn: `'refused'` (no connection), `'dead'` (LISTEN fails) or `'ok'`. */
const scripted = (script: ('refused' | 'dead' | 'ok')[]) => {
  const clients: EventEmitter[] = [];
  let attempts = 0;
  const hold: Database['hold'] = async () => {
    const next = script[attempts++] ?? 'ok';
    if (next === 'refused') return left(storeError('Unavailable', 'no connection', {}));
    const client = new EventEmitter();
    clients.push(client);
    const held = {
      client,
      done: () => undefined,
      query: async () =>
        next === 'dead'
          ? left(storeError('Unavailable', 'Connection terminated', {}))
          : right({ rows: [], rowCount: 0 }),
    } as unknown as Held;
    return right(held);
  };
  return { db: { hold } as unknown as Database, clients, attempts: () => attempts };
};

const HOUR = 3_600_000;

describe('wake-ups of PostgreSQL subscriptions', () => {
  it('tries again soon when listening fails, and wakes the waiting readers once it listens', async () => {
    const source = scripted(['refused', 'dead', 'ok']);
    const wakeUps = createWakeUps({ db: source.db, channel: 'c', listen: true, pollIntervalMs: HOUR });
    wakeUps.retain();
    const since = wakeUps.epoch();
    // Without a retry this wait would last the whole poll interval (an hour) and time the test out.
    await wakeUps.wait(since, new AbortController().signal);
    expect(source.attempts()).toBe(3);
    expect(wakeUps.epoch()).toBeGreaterThan(since);
    // Listening now: a notification wakes the next wait.
    const now = wakeUps.epoch();
    const woken = wakeUps.wait(now, new AbortController().signal);
    source.clients.at(-1)?.emit('notification', { channel: 'c' });
    await woken;
    expect(wakeUps.epoch()).toBe(now + 1);
    wakeUps.release();
  });

  it('listens again after the connection is lost, and wakes readers to read what they missed', async () => {
    const source = scripted(['ok', 'refused', 'ok']);
    const wakeUps = createWakeUps({ db: source.db, channel: 'c', listen: true, pollIntervalMs: HOUR });
    wakeUps.retain();
    await wakeUps.wait(wakeUps.epoch(), new AbortController().signal); // the first LISTEN
    const before = wakeUps.epoch();
    source.clients[0]?.emit('error', new Error('terminating connection due to administrator command'));
    expect(wakeUps.epoch()).toBe(before + 1);
    // The next wait connects again: refused once, then listening, which wakes it.
    await wakeUps.wait(wakeUps.epoch(), new AbortController().signal);
    expect(source.attempts()).toBe(3);
    wakeUps.release();
  });

  it('stops trying once no subscription uses it', async () => {
    const source = scripted(['refused', 'refused', 'refused']);
    const wakeUps = createWakeUps({ db: source.db, channel: 'c', listen: true, pollIntervalMs: HOUR });
    wakeUps.retain();
    await new Promise((resolve) => setTimeout(resolve, 10));
    wakeUps.release();
    const attempts = source.attempts();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(source.attempts()).toBe(attempts);
  });
});
