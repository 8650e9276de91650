/**
 * 1 000 commands from 8 handlers, each on its own pool connection, all on one stream, with a
 * catch-up reader running meanwhile that is killed and restarted from its checkpoint.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { type CommandHandler, createCommandHandler, type StoredEvent } from '../../src/kernel/index.js';
import {
  createPostgresCheckpointStore,
  createPostgresEventStore,
  subscribeFromCheckpoint,
} from '../../src/postgres/index.js';
import {
  add,
  type CounterCommand,
  type CounterEvent,
  counter,
  counterRegistry,
  streamOf,
} from '../conformance/counter.js';
import { ok } from '../conformance/event-store.conformance.js';
import { freshSchema, serverUrl, testPool } from './harness.js';

const admin = testPool(4);
const HANDLERS = 8;
const COMMANDS = 1_000;

const poolOf = (max: number, name = 'pbx-test') => {
  const pool = new pg.Pool({ connectionString: serverUrl(), max, application_name: name });
  pool.on('error', () => undefined);
  return pool;
};

const storeOn = (pool: pg.Pool, schema: string) =>
  createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });

/** Starts the reader; it records what it is given, and its errors. */
const startReader = async (
  pool: pg.Pool,
  schema: string,
  seen: StoredEvent<CounterEvent>[],
  errors: unknown[],
) =>
  ok(
    subscribeFromCheckpoint(storeOn(pool, schema), {
      checkpoints: createPostgresCheckpointStore({ pool, schema }),
      name: 'reader',
      saveEvery: 25,
      batchSize: 100,
      onEvent: (event) => void seen.push(event),
      onError: (error) => void errors.push(error),
    }),
  );

describe('PostgreSQL under concurrent handlers', () => {
  it('applies 1 000 commands from 8 handlers on one stream once each, gapless, while a reader is killed and resumes', async () => {
    const schema = await freshSchema(admin, 'conc');
    const pools = Array.from({ length: HANDLERS }, () => poolOf(1));
    const handlers: CommandHandler<CounterCommand, CounterEvent>[] = pools.map((pool) =>
      createCommandHandler({
        eventStore: storeOn(pool, schema),
        decider: counter,
        streamIdOf: (c) => streamOf(c.metadata.accountId),
        maxRetries: 200,
      }),
    );
    // Every 10th command appends two events.
    const commands = Array.from({ length: COMMANDS }, (_, i) =>
      add('shared', `cmd-${i}`, (i % 7) + 1, i % 10 === 0 ? 'AddTwice' : 'Add'),
    );
    const expectedEvents = COMMANDS + COMMANDS / 10;

    const readerPool = poolOf(2); // a query connection and the LISTEN one
    const firstSeen: StoredEvent<CounterEvent>[] = [];
    const firstErrors: unknown[] = [];
    const reader = await startReader(readerPool, schema, firstSeen, firstErrors);

    // A caller sends a command again when the handler gave up on conflicts (idempotent by commandId).
    let resent = 0;
    const send = async (command: CounterCommand, handler: CommandHandler<CounterCommand, CounterEvent>) => {
      for (;;) {
        const result = await handler.handle(command)();
        if (isRight(result) || result.left._tag !== 'ConcurrencyError' || resent > COMMANDS) return result;
        resent++;
      }
    };
    let written = false;
    const writing = Promise.all(commands.map((command, i) => send(command, handlers[i % HANDLERS]!))).then(
      (r) => {
        written = true;
        return r;
      },
    );

    // Kill the reader mid-way: its pool goes away under it (as with a crashed process), no stop(),
    // no last save; the events it had since its last save will come again after the restart.
    await expect.poll(() => firstSeen.length, { timeout: 30_000, interval: 5 }).toBeGreaterThanOrEqual(300);
    expect(written).toBe(false); // the reader was killed while the writers were still at work
    const ended = readerPool.end();
    await expect.poll(() => firstErrors.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(firstErrors[0]).toMatchObject({ _tag: 'StoreError', code: 'Unavailable' });
    const killedAt = firstSeen.length;
    await reader.stop(); // the crashed subscription is over; its save fails, nothing more is kept
    await ended;

    const checkpoint = await ok(createPostgresCheckpointStore({ pool: admin, schema }).load('reader'));
    const restartedPool = poolOf(2);
    const secondSeen: StoredEvent<CounterEvent>[] = [];
    const secondErrors: unknown[] = [];
    const restarted = await startReader(restartedPool, schema, secondSeen, secondErrors);

    const results = await writing;
    await restarted.caughtUp();
    await restarted.stop();
    await restartedPool.end();
    await Promise.all(pools.map((pool) => pool.end()));

    // Every command applied once.
    const failures = results.filter(isLeft);
    expect(failures).toEqual([]);
    expect(resent).toBeLessThan(COMMANDS / 10);
    expect(results.filter((r) => isRight(r) && r.right.duplicate)).toHaveLength(0);
    const stream = await ok(storeOn(admin, schema).readStream(streamOf('shared')));
    expect(stream).toHaveLength(expectedEvents);
    expect(stream.map((e) => e.metadata.version)).toEqual(
      Array.from({ length: expectedEvents }, (_, i) => i + 1),
    );
    const perCommand = new Map<string, number>();
    for (const e of stream)
      perCommand.set(e.metadata.commandId, (perCommand.get(e.metadata.commandId) ?? 0) + 1);
    expect(perCommand.size).toBe(COMMANDS);
    for (const [commandId, count] of perCommand)
      expect(count).toBe(Number(commandId.slice(4)) % 10 === 0 ? 2 : 1);
    // No lost update: each decision saw every event before it.
    let total = 0;
    for (const e of stream) {
      total += e.data.amount;
      expect(e.data.total).toBe(total);
    }
    // Global order agrees with stream order.
    const at = stream.map((e) => e.metadata.globalPosition);
    expect(at.every((p, i) => i === 0 || p > at[i - 1]!)).toBe(true);

    // The reader: everything up to its checkpoint before the kill, everything after it since.
    expect(checkpoint).toBeGreaterThan(0);
    expect(firstSeen.length).toBeGreaterThanOrEqual(killedAt);
    // Each run saw each event once, in global order.
    const ascending = (events: readonly StoredEvent<CounterEvent>[]) =>
      events.every((e, i) => i === 0 || e.metadata.globalPosition > events[i - 1]!.metadata.globalPosition);
    expect(ascending(firstSeen) && ascending(secondSeen)).toBe(true);
    const kept = firstSeen.filter((e) => e.metadata.globalPosition <= checkpoint);
    // What comes twice is only what the killed reader had not saved yet: under two saveEvery (25).
    expect(firstSeen.length - kept.length).toBeLessThan(50);
    expect(secondSeen[0]!.metadata.globalPosition).toBeGreaterThan(checkpoint);
    expect([...kept, ...secondSeen].map((e) => e.metadata.globalPosition)).toEqual(at);
    expect([...kept, ...secondSeen].map((e) => e.metadata.eventId)).toEqual(
      stream.map((e) => e.metadata.eventId),
    );
    expect(secondErrors).toEqual([]);
  });
});
