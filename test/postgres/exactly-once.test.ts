/**
 * A command applies once, whatever the race: the stream keeps each command's outcome under a
 * unique key, written in the same transaction as its events.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { isNone, isSome } from 'fp-ts/lib/Option.js';
import * as t from 'io-ts';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createCommandHandler, createPayloadRegistry, domainError } from '../../src/kernel/index.js';
import { createPostgresEventStore } from '../../src/postgres/index.js';
import { add, added, type CounterEvent, counter, counterRegistry, streamOf } from '../conformance/counter.js';
import { failure, ok } from '../conformance/event-store.conformance.js';
import { freshSchema, serverUrl, testPool } from './harness.js';

const admin = testPool(4);

const poolOf = (max: number) => {
  const pool = new pg.Pool({ connectionString: serverUrl(), max });
  pool.on('error', () => undefined);
  return pool;
};

describe('PostgreSQL: exactly once through command handlers', () => {
  it('applies 1 000 commands, each sent 3 times through 4 handlers on 4 pools at once (two with group commit), exactly once with gapless versions', async () => {
    const schema = await freshSchema(admin, 'once');
    const pools = Array.from({ length: 4 }, () => poolOf(4));
    try {
      // Two of them gather their appends into group commits, two append one at a time.
      const handlers = pools.map((pool, i) =>
        createCommandHandler({
          eventStore: createPostgresEventStore<CounterEvent>({
            pool,
            registry: counterRegistry,
            schema,
            groupCommit: i % 2 === 0,
          }),
          decider: counter,
          streamIdOf: (c) => streamOf(c.metadata.accountId),
          // Four instances racing on the same 20 accounts: conflicts are many, none may be lost.
          maxRetries: 200,
        }),
      );
      const commands = Array.from({ length: 1_000 }, (_, n) =>
        add(`acc-${n % 20}`, `cmd-${n}`, 1 + (n % 5), n % 10 === 0 ? 'AddTwice' : 'Add'),
      );
      const sends = Array.from({ length: 3_000 }, (_, i) => ({
        command: commands[i % 1_000]!,
        handler: handlers[(i * 7 + Math.floor(i / 1_000)) % 4]!,
      }));
      const results = await Promise.all(sends.map(({ handler, command }) => handler.handle(command)()));
      expect(results.filter(isLeft)).toEqual([]);
      // Once each: two events for every tenth command, one for the others.
      const store = createPostgresEventStore<CounterEvent>({
        pool: admin,
        registry: counterRegistry,
        schema,
      });
      const all = await ok(store.readAll());
      expect(all).toHaveLength(1_100);
      const perCommand = new Map<string, number>();
      for (const e of all)
        perCommand.set(e.metadata.commandId, (perCommand.get(e.metadata.commandId) ?? 0) + 1);
      expect(perCommand.size).toBe(1_000);
      for (const [id, count] of perCommand) expect(count).toBe(Number(id.slice(4)) % 10 === 0 ? 2 : 1);
      for (let k = 0; k < 20; k++) {
        const stream = await ok(store.readStream(streamOf(`acc-${k}`)));
        expect(stream.map((e) => e.metadata.version)).toEqual(stream.map((_, i) => i + 1));
        stream.forEach((e, i) => {
          expect(e.data.total).toBe((i === 0 ? 0 : stream[i - 1]!.data.total) + e.data.amount);
        });
      }
      // The three sends of a command got the same answer; exactly one was not a duplicate.
      const answers = new Map<string, { events: string; fresh: number }>();
      results.forEach((result, i) => {
        if (!isRight(result)) return;
        const id = sends[i]!.command.metadata.commandId;
        const events = JSON.stringify(result.right.events);
        const seen = answers.get(id) ?? { events, fresh: 0 };
        expect(events).toBe(seen.events);
        answers.set(id, { events, fresh: seen.fresh + (result.right.duplicate ? 0 : 1) });
      });
      for (const { fresh } of answers.values()) expect(fresh).toBe(1);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});

describe('PostgreSQL: exactly once', () => {
  it('lets exactly one of 12 concurrent appends of the same command win, over 4 pools; the others learn it is recorded', async () => {
    const schema = await freshSchema(admin, 'once');
    const pools = Array.from({ length: 4 }, () => poolOf(3));
    try {
      const stores = pools.map((pool) =>
        createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema }),
      );
      for (let round = 0; round < 20; round++) {
        const commandId = `cmd-${round}`;
        // Half of them expect the right version, half skip the check: the key decides either way.
        const results = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            stores[i % 4]!.appendToStream(streamOf('race'), [added(1, round + 1, commandId)], {
              expectedVersion: i % 2 === 0 ? round : 'any',
              commandId,
            })(),
          ),
        );
        expect(results.filter(isRight)).toHaveLength(1);
        for (const result of results.filter(isLeft)) {
          expect(result.left).toMatchObject({
            _tag: 'CommandAlreadyRecorded',
            streamId: streamOf('race'),
            commandId,
          });
        }
      }
      const stream = await ok(stores[0]!.readStream(streamOf('race')));
      expect(stream.map((e) => e.metadata.commandId)).toEqual(
        Array.from({ length: 20 }, (_, i) => `cmd-${i}`),
      );
      expect(stream.map((e) => e.metadata.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('answers a repeat with CommandAlreadyRecorded even when the stream has moved on (not a version conflict)', async () => {
    const store = createPostgresEventStore<CounterEvent>({
      pool: admin,
      registry: counterRegistry,
      schema: await freshSchema(admin, 'once'),
    });
    const s = streamOf('a');
    await ok(store.appendToStream(s, [added(1, 1, 'c1')], { expectedVersion: 0, commandId: 'c1' }));
    await ok(store.appendToStream(s, [added(1, 2, 'c2')], { expectedVersion: 1, commandId: 'c2' }));
    expect(
      await failure(store.appendToStream(s, [added(1, 2, 'c1')], { expectedVersion: 1, commandId: 'c1' })),
    ).toMatchObject({ _tag: 'CommandAlreadyRecorded', commandId: 'c1' });
    expect(await failure(store.appendToStream(s, [], { expectedVersion: 0, commandId: 'c2' }))).toMatchObject(
      {
        _tag: 'CommandAlreadyRecorded',
        commandId: 'c2',
      },
    );
    // A new command at a stale version is a conflict.
    expect(
      await failure(store.appendToStream(s, [added(1, 2, 'c3')], { expectedVersion: 1, commandId: 'c3' })),
    ).toMatchObject({ _tag: 'ConcurrencyError', expectedVersion: 1, actualVersion: 2 });
    expect((await ok(store.readStream(s))).map((e) => e.metadata.commandId)).toEqual(['c1', 'c2']);
  });

  it('applies the same command id in two accounts, once in each', async () => {
    const store = createPostgresEventStore<CounterEvent>({
      pool: admin,
      registry: counterRegistry,
      schema: await freshSchema(admin, 'once'),
    });
    for (const account of ['one', 'two']) {
      const appended = await ok(
        store.appendToStream(streamOf(account), [added(1, 1, 'shared'), added(1, 2, 'shared')], {
          expectedVersion: 0,
          commandId: 'shared',
        }),
      );
      expect(appended.events.map((e) => e.metadata.eventId)).toEqual(['shared/0', 'shared/1']);
    }
    for (const account of ['one', 'two']) {
      const found = await ok(store.findCommand(streamOf(account), 'shared'));
      expect(
        isSome(found) &&
          found.value.kind === 'appended' &&
          found.value.events.map((e) => e.metadata.streamId),
      ).toEqual([streamOf(account), streamOf(account)]);
    }
  });

  it('records a refusal and an empty decision: found again by id, from another store too, and recorded once', async () => {
    const schema = await freshSchema(admin, 'once');
    const store = createPostgresEventStore<CounterEvent>({ pool: admin, registry: counterRegistry, schema });
    const other = poolOf(2);
    try {
      const elsewhere = createPostgresEventStore<CounterEvent>({
        pool: other,
        registry: counterRegistry,
        schema,
      });
      const s = streamOf('a');
      await ok(store.appendToStream(s, [added(2, 2, 'c1')], { expectedVersion: 0, commandId: 'c1' }));
      const refusal = domainError('TooLarge', 'total 2 is above 1', { total: 2, atMost: 1 });
      expect(await ok(store.recordOutcome(s, 'no', { kind: 'refused', error: refusal }))).toEqual({
        kind: 'refused',
        version: 1,
        error: refusal,
      });
      expect(await ok(store.recordOutcome(s, 'nothing', { kind: 'unchanged' }))).toEqual({
        kind: 'unchanged',
        version: 1,
      });
      // The stream's version did not move.
      await ok(store.appendToStream(s, [added(1, 3, 'c2')], { expectedVersion: 1, commandId: 'c2' }));
      const no = await ok(elsewhere.findCommand(s, 'no'));
      expect(isSome(no) && no.value).toEqual({ kind: 'refused', version: 1, error: refusal });
      const nothing = await ok(elsewhere.findCommand(s, 'nothing'));
      expect(isSome(nothing) && nothing.value).toEqual({ kind: 'unchanged', version: 1 });
      const c2 = await ok(elsewhere.findCommand(s, 'c2'));
      expect(isSome(c2) && c2.value.kind === 'appended' && c2.value.version).toBe(2);
      expect(isNone(await ok(elsewhere.findCommand(streamOf('b'), 'no')))).toBe(true);
      // Once only: a second outcome, of any kind, for a recorded id is refused and writes nothing.
      const again: Array<() => Promise<unknown>> = [
        () => failure(elsewhere.recordOutcome(s, 'no', { kind: 'unchanged' })),
        () => failure(elsewhere.recordOutcome(s, 'c2', { kind: 'unchanged' })),
        () =>
          failure(
            elsewhere.appendToStream(s, [added(1, 4, 'nothing')], {
              expectedVersion: 2,
              commandId: 'nothing',
            }),
          ),
      ];
      for (const attempt of again) {
        expect(await attempt()).toMatchObject({ _tag: 'CommandAlreadyRecorded', streamId: s });
      }
      expect((await ok(store.readStream(s))).map((e) => e.metadata.commandId)).toEqual(['c1', 'c2']);
      // Racing recordings of one id: one wins.
      const raced = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 === 0 ? store : elsewhere).recordOutcome(s, 'raced', { kind: 'unchanged' })(),
        ),
      );
      expect(raced.filter(isRight)).toHaveLength(1);
    } finally {
      await other.end();
    }
  });

  it('refuses to record a refusal that cannot be kept as JSON, and records nothing', async () => {
    const store = createPostgresEventStore<CounterEvent>({
      pool: admin,
      registry: counterRegistry,
      schema: await freshSchema(admin, 'once'),
    });
    const bad = domainError('Odd', 'details with a BigInt', { n: 1n });
    expect(
      await failure(store.recordOutcome(streamOf('a'), 'c1', { kind: 'refused', error: bad })),
    ).toMatchObject({
      _tag: 'StoreError',
      code: 'Internal',
    });
    expect(isNone(await ok(store.findCommand(streamOf('a'), 'c1')))).toBe(true);
  });

  it('hands back from an append the value a read gives, key order included, sharing nothing with the caller', async () => {
    type Loose = {
      type: 'Loose';
      data: Record<string, unknown>;
      metadata: { at: string; commandId: string; actor: string };
    };
    const registry = createPayloadRegistry({ Loose: { codec: t.UnknownRecord } });
    const store = createPostgresEventStore<Loose>({
      pool: admin,
      registry,
      schema: await freshSchema(admin, 'once'),
    });
    const data = { zebra: 1, ab: { yy: [{ b: 2, a: 1 }], x: -0 }, é: 'é', e: 'e', gone: undefined };
    const event: Loose = {
      type: 'Loose',
      data,
      metadata: { at: '2025-04-21T10:00:00+03:00', commandId: 'k1', actor: 'tester' },
    };
    const appended = await ok(
      store.appendToStream('loose', [event], { expectedVersion: 0, commandId: 'k1' }),
    );
    const [read] = await ok(store.readStream('loose'));
    expect(JSON.stringify(appended.events[0])).toBe(JSON.stringify(read));
    expect(Object.keys(appended.events[0]!.data)).toEqual(['e', 'ab', 'é', 'zebra']);
    // A copy: changing the caller's object afterwards changes nothing handed back or kept.
    data.zebra = 99;
    expect(appended.events[0]!.data.zebra).toBe(1);
    expect(Object.isFrozen(appended.events[0]!.data)).toBe(true);
    const found = await ok(store.findCommand('loose', 'k1'));
    expect(isSome(found) && found.value.kind === 'appended' && found.value.events[0]!.data.zebra).toBe(1);
  });

  it('reports a recorded outcome the table holds in a bad shape as a typed error', async () => {
    const schema = await freshSchema(admin, 'once');
    const store = createPostgresEventStore<CounterEvent>({ pool: admin, registry: counterRegistry, schema });
    await admin.query(
      `INSERT INTO "${schema}".commands (stream_id, command_id, outcome, version, error) VALUES ($1, 'x', 'refused', 0, '{"code": 5}')`,
      [streamOf('a')],
    );
    await admin.query(
      `INSERT INTO "${schema}".commands (stream_id, command_id, outcome, first_version, version) VALUES ($1, 'y', 'appended', 1, 2)`,
      [streamOf('a')],
    );
    expect(await failure(store.findCommand(streamOf('a'), 'x'))).toMatchObject({
      _tag: 'StoreError',
      code: 'Internal',
    });
    expect(await failure(store.findCommand(streamOf('a'), 'y'))).toMatchObject({
      _tag: 'StoreError',
      code: 'Internal',
    });
  });
});
