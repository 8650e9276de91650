/**
 * Bad rows and failing connections come back as typed errors, and nothing is ever half-written.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { isNone } from 'fp-ts/lib/Option.js';
import * as t from 'io-ts';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createCommandHandler, createPayloadRegistry, type StoreError } from '../../src/kernel/index.js';
import { reasonOf, toStoreError } from '../../src/postgres/connection.js';
import {
  createPostgresCheckpointStore,
  createPostgresEventStore,
  createPostgresSnapshotStore,
  migrate,
} from '../../src/postgres/index.js';
import { schemaNames } from '../../src/postgres/names.js';
import { add, added, type CounterEvent, counter, counterRegistry, streamOf } from '../conformance/counter.js';
import { failure, ok } from '../conformance/event-store.conformance.js';
import { freshSchema, serverUrl, testPool } from './harness.js';

const pool = testPool(6);
const META = { at: '2025-04-21T10:00:00+03:00', commandId: 'raw', actor: 'tester' };

const insertRaw = (
  schema: string,
  streamId: string,
  version: number,
  type: string,
  data: string,
  metadata: string,
) =>
  pool.query(
    `INSERT INTO "${schema}".events (stream_id, version, event_id, type, schema_version, data, metadata, command_id)
     VALUES ($1, $2, $3, $4, 2, $5::jsonb, $6::jsonb, $7)`,
    [streamId, version, `raw-${streamId}-${version}`, type, data, metadata, `raw-${version}`],
  );

describe('PostgreSQL: rows that do not decode', () => {
  it.each([
    [
      'a payload of the wrong shape',
      'Added',
      '{"amount": "lots", "total": 2}',
      JSON.stringify(META),
      'data.amount',
    ],
    ['a payload that is not an object', 'Added', '"just text"', JSON.stringify(META), 'data'],
    ['metadata that is not an object', 'Added', '{"amount": 1, "total": 2}', '[1, 2]', 'metadata.at'],
    [
      'an instant that is not one',
      'Added',
      '{"amount": 1, "total": 2}',
      '{"at": "yesterday", "actor": "x"}',
      'metadata.at',
    ],
    ['an unknown event type', 'Subtracted', '{"amount": 1}', JSON.stringify(META), 'type'],
  ])(
    'reports %s as MalformedEvent naming stream, version and path',
    async (_, type, data, metadata, path) => {
      const schema = await freshSchema(pool, 'bad');
      const store = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
      await ok(store.appendToStream(streamOf('a'), [added(1, 1, 'c1')], { expectedVersion: 0 }));
      await insertRaw(schema, streamOf('a'), 2, type, data, metadata);
      const error = (await failure(store.readStream(streamOf('a')))) as StoreError;
      expect(error).toMatchObject({
        _tag: 'StoreError',
        code: 'MalformedEvent',
        streamId: streamOf('a'),
        version: 2,
      });
      expect(error.message).toContain(`event ${streamOf('a')}@2 does not decode: ${path}`);
      expect(error.issues?.[0]?.path).toBe(path);
      // The command handler passes it on as a value: no crash, no silent skip.
      const handler = createCommandHandler({
        eventStore: store,
        decider: counter,
        streamIdOf: (c) => streamOf(c.metadata.accountId),
      });
      expect(await failure(handler.handle(add('a', 'next')))).toMatchObject({
        code: 'MalformedEvent',
        version: 2,
      });
    },
  );

  it('refuses to append an event that would not decode when read back, and writes nothing', async () => {
    const store = createPostgresEventStore<CounterEvent>({
      pool,
      registry: counterRegistry,
      schema: await freshSchema(pool, 'bad'),
    });
    const bad = { ...added(1, 2, 'c1'), data: { amount: 0, total: 2 } };
    const error = (await failure(
      store.appendToStream(streamOf('a'), [added(1, 1, 'c1'), bad], { expectedVersion: 0 }),
    )) as StoreError;
    expect(error).toMatchObject({ code: 'MalformedEvent', streamId: streamOf('a'), version: 2 });
    expect(error.message).toContain('event 2 of 2');
    expect(error.issues?.[0]?.path).toBe('data.amount');
    expect(await ok(store.readAll())).toEqual([]);
  });

  it('refuses an event that cannot be serialised as JSON, naming the field, and writes nothing', async () => {
    type Loose = { type: 'Loose'; data: Record<string, unknown>; metadata: typeof META };
    const registry = createPayloadRegistry({ Loose: { codec: t.UnknownRecord } });
    const store = createPostgresEventStore<Loose>({ pool, registry, schema: await freshSchema(pool, 'bad') });
    const event: Loose = { type: 'Loose', data: { big: 10n }, metadata: META };
    // Not plain data, whatever the payload's codec: the registry refuses it before any JSON is made.
    const error = (await failure(
      store.appendToStream('loose', [event], { expectedVersion: 0 }),
    )) as StoreError;
    expect(error).toMatchObject({ code: 'MalformedEvent', streamId: 'loose' });
    expect(error.issues?.map((i) => i.path)).toEqual(['data.big']);
    expect(await ok(store.readAll())).toEqual([]);
  });
});

describe('PostgreSQL: nothing half-written', () => {
  it('rolls back a whole batch when one of its rows fails in the database', async () => {
    const store = createPostgresEventStore<CounterEvent>({
      pool,
      registry: counterRegistry,
      schema: await freshSchema(pool, 'half'),
    });
    await ok(store.appendToStream(streamOf('a'), [added(1, 1, 'c1')], { expectedVersion: 0 }));
    // The second event reuses an event id the stream has: the unique index refuses it mid-batch.
    const error = (await failure(
      store.appendToStream(streamOf('a'), [added(1, 2, 'c2'), added(1, 3, 'c2')], {
        expectedVersion: 1,
        eventIds: ['fresh-id', 'c1/0'],
        commandId: 'c2',
      }),
    )) as StoreError;
    expect(error).toMatchObject({ _tag: 'StoreError', code: 'Internal', streamId: streamOf('a') });
    expect(error.message).toContain('event id');
    expect((await ok(store.readAll())).map((e) => e.metadata.eventId)).toEqual(['c1/0']);
    // Nothing of it was kept, its command outcome neither: the command can be sent again.
    expect(isNone(await ok(store.findCommand(streamOf('a'), 'c2')))).toBe(true);
    await ok(
      store.appendToStream(streamOf('a'), [added(1, 2, 'c2')], { expectedVersion: 1, commandId: 'c2' }),
    );
    // Another stream may use the same ids.
    await ok(
      store.appendToStream(streamOf('b'), [added(1, 1, 'c1')], { expectedVersion: 0, commandId: 'c1' }),
    );
  });

  it('refuses event ids repeated within one append before sending anything', async () => {
    const store = createPostgresEventStore<CounterEvent>({
      pool,
      registry: counterRegistry,
      schema: await freshSchema(pool, 'half'),
    });
    expect(
      await failure(
        store.appendToStream(streamOf('a'), [added(1, 1, 'c1'), added(1, 2, 'c1')], {
          expectedVersion: 0,
          eventIds: ['same', 'same'],
        }),
      ),
    ).toMatchObject({ _tag: 'StoreError', code: 'Internal', streamId: streamOf('a') });
    expect(await ok(store.readAll())).toEqual([]);
  });

  it('loses an append whose connection dies mid-transaction entirely, and says Unavailable', async () => {
    const schema = await freshSchema(pool, 'half');
    const store = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
    const blocker = await pool.connect();
    try {
      // Hold the stream's lock so the append below waits inside its transaction.
      await blocker.query(`BEGIN; SELECT pg_advisory_xact_lock(${streamLock(schema, streamOf('a'))})`);
      const pending = store.appendToStream(streamOf('a'), [added(1, 1, 'c1'), added(1, 2, 'c1')], {
        expectedVersion: 0,
      })();
      await expect
        .poll(async () => {
          const waiting = await pool.query(
            `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%append_to_stream%'`,
          );
          return (
            waiting.rows.length > 0 &&
            (await pool.query('SELECT pg_terminate_backend($1)', [waiting.rows[0]!.pid])).rows.length
          );
        })
        .toBe(1);
      const result = await pending;
      expect(isLeft(result) && result.left).toMatchObject({ _tag: 'StoreError', code: 'Unavailable' });
      expect(isLeft(result) && (result.left as StoreError).cause).toMatch(/^57P01 /);
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    expect(await ok(store.readAll())).toEqual([]);
  });
});

describe('PostgreSQL: the reason a failure gives', () => {
  it('names the SQLSTATE or the socket error, never an address or a port', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), {
      code: 'ECONNREFUSED',
      address: '10.1.2.3',
      port: 5432,
    });
    expect(reasonOf(refused)).toBe('ECONNREFUSED');
    expect(
      reasonOf(
        new AggregateError([refused, Object.assign(new Error('x [::1]:5432'), { code: 'ECONNREFUSED' })]),
      ),
    ).toBe('ECONNREFUSED');
    expect(
      reasonOf(new Error('getaddrinfo failed for db.internal at 192.168.0.7:6432 and [fe80::1]:5432')),
    ).toBe('getaddrinfo failed for db.internal at <address> and <address>');
    expect(reasonOf(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(
      '40P01 deadlock detected',
    );
    expect(reasonOf('x'.repeat(1_000))).toHaveLength(300);
    const error = toStoreError(refused, 'appending to s');
    expect(error).toEqual({
      _tag: 'StoreError',
      code: 'Unavailable',
      message: 'PostgreSQL is unavailable (appending to s): ECONNREFUSED',
      cause: 'ECONNREFUSED',
    });
  });
});

describe('PostgreSQL: connection failures', () => {
  it('reports an unreachable server as Unavailable from every operation, with a short cause that names no address', async () => {
    const port = await closedPort();
    const down = new pg.Pool({
      connectionString: `postgres://nobody:x@127.0.0.1:${port}/none`,
      connectionTimeoutMillis: 2_000,
    });
    down.on('error', () => undefined);
    const store = createPostgresEventStore<CounterEvent>({
      pool: down,
      registry: counterRegistry,
      listen: false,
      pollIntervalMs: 10,
    });
    const snapshots = createPostgresSnapshotStore<unknown>({ pool: down });
    const checkpoints = createPostgresCheckpointStore({ pool: down });
    const failures = [
      await failure(store.appendToStream(streamOf('a'), [added(1, 1, 'c1')], { expectedVersion: 0 })),
      await failure(store.appendToStream(streamOf('a'), [added(1, 1, 'c1')], { expectedVersion: 'any' })),
      await failure(store.readStream(streamOf('a'))),
      await failure(store.readAll()),
      await failure(store.findCommand(streamOf('a'), 'c1')),
      await failure(store.recordOutcome(streamOf('a'), 'c1', { kind: 'unchanged' })),
      await failure(migrate(down)),
      await failure(snapshots.load('s')),
      await failure(snapshots.save({ streamId: 's', version: 1, schemaVersion: 1, state: {} })),
      await failure(checkpoints.load('reader')),
      await failure(checkpoints.save('reader', 1)),
    ];
    for (const error of failures) {
      expect(error).toMatchObject({ _tag: 'StoreError', code: 'Unavailable', cause: 'ECONNREFUSED' });
      expect(JSON.stringify(error)).not.toContain(String(port));
      expect(JSON.stringify(error)).not.toContain('127.0.0.1');
    }
    const errors: StoreError[] = [];
    const subscription = store.subscribe({ onEvent: () => undefined, onError: (e) => void errors.push(e) });
    // caughtUp answers with the error as a value, it never rejects.
    expect(await subscription.caughtUp()).toMatchObject({ _tag: 'Left', left: { code: 'Unavailable' } });
    await expect.poll(() => errors.length).toBe(1);
    expect(await subscription.caughtUp()).toMatchObject({ _tag: 'Left', left: { code: 'Unavailable' } });
    await subscription.stop();
    expect(errors[0]).toMatchObject({ code: 'Unavailable' });
    await down.end();
  });

  it('keeps a subscription going when the server drops its connections: the pool reconnects', async () => {
    const schema = await freshSchema(pool, 'drop');
    const name = `drop-${schema}`;
    const own = new pg.Pool({ connectionString: serverUrl(), max: 3, application_name: name });
    own.on('error', () => undefined);
    // No polling: only NOTIFY (and the re-read after a lost listener) can wake it.
    const store = createPostgresEventStore<CounterEvent>({
      pool: own,
      registry: counterRegistry,
      schema,
      pollIntervalMs: 60_000,
    });
    const writer = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
    const seen: string[] = [];
    const errors: StoreError[] = [];
    const subscription = store.subscribe({
      onEvent: (e) => void seen.push(e.metadata.commandId),
      onError: (e) => void errors.push(e),
    });
    await ok(writer.appendToStream(streamOf('a'), [added(1, 1, 'before')], { expectedVersion: 0 }));
    await expect.poll(() => seen).toEqual(['before']);
    await pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
      name,
    ]);
    await ok(writer.appendToStream(streamOf('a'), [added(1, 2, 'after')], { expectedVersion: 1 }));
    await expect.poll(() => seen, { timeout: 20_000 }).toEqual(['before', 'after']);
    await subscription.stop();
    await own.end();
    expect(errors).toEqual([]);
  });
});

/** The lock key of a stream, as the store computes it. */
const streamLock = (schema: string, stream: string) => schemaNames(schema).streamLockKey(`'${stream}'`);

/** A loopback port nothing listens on. */
const closedPort = async () => {
  const { createServer } = await import('node:net');
  return new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 1));
    });
  });
};
