/**
 * Accounts spread over three PostgreSQL servers: 8 writers over 300 accounts while one server is
 * killed with SIGKILL and started again. The others carry on, accounts on the dead one get a
 * typed Unavailable, and after the restart nothing acknowledged is lost and every reader resumes.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { isSome } from 'fp-ts/lib/Option.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CheckpointStore,
  copyStream,
  createPostgresCheckpointStore,
  createPostgresEventStore,
  createShardedEventStore,
  migrate,
  rendezvousShardOf,
  type Shard,
  subscribeShards,
} from '../../src/postgres/index.js';
import { added, type CounterEvent, counterRegistry, streamOf } from '../conformance/counter.js';
import { failure, ok } from '../conformance/event-store.conformance.js';
import { type EmbeddedServer, startEmbeddedPostgres } from '../support/postgres.js';

const SHARDS = ['a', 'b', 'c'] as const;
const ACCOUNTS = 300;
const WRITERS = 8;
const TIMEOUTS = { connectMs: 3_000, statementMs: 3_000 };

interface Running {
  readonly server: EmbeddedServer;
  readonly pool: pg.Pool;
}

const running = new Map<string, Running>();

beforeAll(async () => {
  // Acknowledged commits reach the operating system before the answer: they survive a SIGKILL.
  const servers = await Promise.all(SHARDS.map(() => startEmbeddedPostgres({ survivesKill: true })));
  SHARDS.forEach((id, i) => {
    const server = servers[i]!;
    const pool = new pg.Pool({ connectionString: server.url, max: 12 });
    pool.on('error', () => undefined); // idle connections of a killed server
    running.set(id, { server, pool });
  });
  for (const { pool } of running.values()) await ok(migrate(pool));
}, 120_000);

afterAll(async () => {
  for (const { server, pool } of running.values()) {
    await pool.end().catch(() => undefined);
    await server.stop();
  }
});

const shardsOn = (): Shard<CounterEvent>[] =>
  SHARDS.map((id) => {
    const { pool } = running.get(id)!;
    return {
      id,
      store: createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, timeouts: TIMEOUTS }),
      checkpoints: createPostgresCheckpointStore({ pool, timeouts: TIMEOUTS }),
    };
  });

describe('a sharded event store on three servers', () => {
  it('keeps accounts on the live shards going while one is killed, and loses nothing after its restart', async () => {
    const shards = shardsOn();
    const store = createShardedEventStore<CounterEvent>({ shards });
    const shardOf = rendezvousShardOf(SHARDS);
    const accounts = Array.from({ length: ACCOUNTS }, (_, i) => streamOf(`acc-${i}`));
    // The assignment spreads them: every shard has a fair share.
    for (const id of SHARDS) expect(accounts.filter((s) => shardOf(s) === id).length).toBeGreaterThan(60);

    const delivered = new Map<string, number>(); // `${stream}#${version}` → times delivered
    const readerErrors: Array<{ shard: string; code: string }> = [];
    const reader = subscribeShards(store, {
      name: 'reader',
      retryMs: 100,
      onEvent: (event) => {
        const key = `${event.metadata.streamId}#${event.metadata.version}`;
        delivered.set(key, (delivered.get(key) ?? 0) + 1);
      },
      onError: (error, shard) => void readerErrors.push({ shard, code: error.code }),
    });

    // Each writer owns the accounts i ≡ w (mod 8): no version conflicts between writers.
    const versions = new Map<string, number>();
    const acknowledged = new Map<string, string[]>(); // stream → command ids, in order
    const pending = new Map<string, string>(); // stream → a command whose answer was Unavailable
    const outcomes = { ok: 0, unavailable: 0, other: [] as unknown[] };
    let phase: 'before' | 'down' | 'after' = 'before';
    const afterKill = { live: 0, dead: 0 };
    let sequence = 0;
    const send = async (stream: string, commandId: string) => {
      const version = versions.get(stream) ?? 0;
      const result = await store.appendToStream(stream, [added(1, version + 1, commandId)], {
        expectedVersion: version,
        commandId,
      })();
      if (isRight(result) || result.left._tag === 'CommandAlreadyRecorded') {
        // Recorded: an earlier try landed although its answer was lost. Either way it is in.
        versions.set(stream, version + 1);
        acknowledged.set(stream, [...(acknowledged.get(stream) ?? []), commandId]);
        pending.delete(stream);
        outcomes.ok++;
        if (phase === 'down' && shardOf(stream) !== 'b') afterKill.live++;
        return;
      }
      if (result.left._tag === 'StoreError' && result.left.code === 'Unavailable') {
        pending.set(stream, commandId);
        outcomes.unavailable++;
        if (phase === 'down') afterKill.dead += shardOf(stream) === 'b' ? 1 : 0;
        return;
      }
      outcomes.other.push(result.left);
    };
    const round = async (commands: number) =>
      Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          const mine = accounts.filter((_, i) => i % WRITERS === w);
          for (let i = 0; i < commands; i++) {
            const stream = mine[(sequence + i) % mine.length]!;
            const retry = pending.get(stream);
            await send(stream, retry ?? `${stream}/${w}-${sequence}-${i}`);
          }
        }),
      ).then(() => {
        sequence += commands;
      });

    await round(40);
    expect(outcomes.unavailable).toBe(0);

    const b = running.get('b')!;
    await b.server.kill(); // SIGKILL: no shutdown, no goodbye to the clients
    phase = 'down';
    await round(30);
    // The others carried on; accounts on the dead shard got a typed Unavailable.
    expect(afterKill.live).toBeGreaterThan(100);
    expect(afterKill.dead).toBeGreaterThan(0);
    expect(outcomes.other).toEqual([]);
    const onDead = accounts.find((s) => shardOf(s) === 'b')!;
    expect(await failure(store.readStream(onDead))).toMatchObject({
      _tag: 'StoreError',
      code: 'Unavailable',
    });
    expect(await reader.caughtUp()).toMatchObject({ _tag: 'Left', left: { code: 'Unavailable' } });

    await b.server.restart();
    phase = 'after';
    // Commands whose answer was lost are sent again under their ids: applied once either way.
    for (const [stream, commandId] of [...pending]) await send(stream, commandId);
    expect(pending.size).toBe(0);
    await round(30);
    expect(outcomes.other).toEqual([]);

    await expect
      .poll(async () => isRight(await reader.caughtUp()), { timeout: 30_000, interval: 200 })
      .toBe(true);
    await reader.stop();

    // Nothing acknowledged is lost, on any shard; each account's versions are gapless.
    let total = 0;
    for (const stream of accounts) {
      const events = await ok(store.readStream(stream));
      expect(events.map((e) => e.metadata.commandId)).toEqual(acknowledged.get(stream) ?? []);
      expect(events.map((e) => e.metadata.version)).toEqual(events.map((_, i) => i + 1));
      total += events.length;
      // The reader saw every event of every shard, the dead one's included.
      for (const e of events)
        expect(delivered.get(`${stream}#${e.metadata.version}`)).toBeGreaterThanOrEqual(1);
    }
    expect(total).toBe(outcomes.ok);
    expect(delivered.size).toBe(total);
    // Only the killed shard's reader can have failed (an idle reader may not notice the outage at
    // all), and everything was delivered above: it resumed from its own checkpoint.
    expect(readerErrors.filter((e) => e.shard !== 'b')).toEqual([]);
    expect(readerErrors.every((e) => e.code === 'Unavailable')).toBe(true);
    for (const id of SHARDS) {
      const checkpoints: CheckpointStore = shards.find((s) => s.id === id)!.checkpoints!;
      expect(await ok(checkpoints.load('reader'))).toBeGreaterThan(0);
    }
    // What came twice is at most what the killed reader had delivered but not yet saved.
    const twice = [...delivered.values()].filter((n) => n > 1).length;
    expect(twice).toBeLessThanOrEqual(1);
  });

  it('moves an account to another shard with copyStream: events, versions and command outcomes', async () => {
    const [a, c] = [running.get('a')!, running.get('c')!];
    const source = createPostgresEventStore<CounterEvent>({ pool: a.pool, registry: counterRegistry });
    const target = createPostgresEventStore<CounterEvent>({ pool: c.pool, registry: counterRegistry });
    const stream = streamOf('moving');
    await ok(
      source.appendToStream(stream, [added(1, 1, 'm1'), added(1, 2, 'm1')], {
        expectedVersion: 0,
        commandId: 'm1',
      }),
    );
    await ok(source.appendToStream(stream, [added(2, 4, 'm2')], { expectedVersion: 2, commandId: 'm2' }));
    await ok(source.recordOutcome(stream, 'm3', { kind: 'unchanged' }));

    const copied = await ok(copyStream({ streamId: stream, from: { pool: a.pool }, to: { pool: c.pool } }));
    expect(copied).toEqual({ events: 3, commands: 3, version: 3 });
    const strip = (
      events: readonly { type: string; data: unknown; metadata: { globalPosition: number } }[],
    ) => events.map((e) => ({ ...e, metadata: { ...e.metadata, globalPosition: 0 } }));
    expect(strip(await ok(target.readStream(stream)))).toEqual(strip(await ok(source.readStream(stream))));
    // Exactly once holds across the move: the commands are known on the new shard.
    const m1 = await ok(target.findCommand(stream, 'm1'));
    expect(
      isSome(m1) && m1.value.kind === 'appended' && m1.value.events.map((e) => e.metadata.version),
    ).toEqual([1, 2]);
    expect(
      await failure(
        target.appendToStream(stream, [added(1, 5, 'm2')], { expectedVersion: 3, commandId: 'm2' }),
      ),
    ).toMatchObject({
      _tag: 'CommandAlreadyRecorded',
    });
    expect(isSome(await ok(target.findCommand(stream, 'm3')))).toBe(true);
    // The target's readers see the account as new events of their log.
    expect((await ok(target.readAll())).filter((e) => e.metadata.streamId === stream)).toHaveLength(3);
    // A second copy finds the stream there and changes nothing.
    const again = await copyStream({ streamId: stream, from: { pool: a.pool }, to: { pool: c.pool } })();
    expect(isLeft(again) && again.left).toMatchObject({
      _tag: 'StoreError',
      code: 'Internal',
      streamId: stream,
    });
    expect(await ok(target.readStream(stream))).toHaveLength(3);
    // After the cut-over the assignment sends the account to its new shard.
    const moved = createShardedEventStore<CounterEvent>({
      shards: shardsOn(),
      shardOf: (s) => (s === stream ? 'c' : rendezvousShardOf(SHARDS)(s)),
    });
    await ok(moved.appendToStream(stream, [added(1, 5, 'm4')], { expectedVersion: 3, commandId: 'm4' }));
    expect((await ok(target.readStream(stream))).map((e) => e.metadata.commandId)).toEqual([
      'm1',
      'm1',
      'm2',
      'm4',
    ]);
  });

  it('refuses an assignment to a shard it does not have, and a list of shards with one id twice', async () => {
    const shards = shardsOn();
    const store = createShardedEventStore<CounterEvent>({ shards, shardOf: () => 'z' });
    expect(await failure(store.readStream(streamOf('x')))).toMatchObject({
      _tag: 'StoreError',
      code: 'Internal',
      streamId: streamOf('x'),
    });
    expect(() => createShardedEventStore({ shards: [shards[0]!, shards[0]!] })).toThrow(TypeError);
    expect(() => createShardedEventStore({ shards: [] })).toThrow(TypeError);
    // The log has no order across shards: a position names nothing there.
    const whole = createShardedEventStore({ shards });
    expect(await failure(whole.readAll({ after: 5 }))).toMatchObject({ code: 'Internal' });
    const refused: string[] = [];
    const fromPosition = whole.subscribe({
      after: 5,
      onEvent: () => undefined,
      onError: (e) => void refused.push(e.code),
    });
    expect(refused).toEqual(['Internal']);
    expect(await fromPosition.caughtUp()).toMatchObject({ _tag: 'Left' });
    // From the start, every shard's log: all of each shard's events, each once.
    let expected = 0;
    for (const shard of shards) expected += (await ok(shard.store.readAll())).length;
    expect(expected).toBeGreaterThan(0);
    expect(await ok(whole.readAll())).toHaveLength(expected);
    // (The moved account is on two shards now, the old copy kept: count deliveries, not keys.)
    let delivered = 0;
    const merged = whole.subscribe({
      onEvent: () => {
        delivered++;
      },
    });
    expect(await merged.caughtUp()).toEqual({ _tag: 'Right', right: undefined });
    await merged.stop();
    expect(delivered).toBe(expected);
  });
});
