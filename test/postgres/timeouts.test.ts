/**
 * A server that accepts connections and never answers, or stops answering mid-way, never keeps a
 * caller waiting: every operation resolves with `Unavailable` once its deadline passes.
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { isLeft } from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommandHandler, type StoreError } from '../../src/kernel/index.js';
import {
  createPostgresCheckpointStore,
  createPostgresEventStore,
  createPostgresSnapshotStore,
  migrate,
  poolSettings,
} from '../../src/postgres/index.js';
import { schemaNames } from '../../src/postgres/names.js';
import { add, added, type CounterEvent, counter, counterRegistry, streamOf } from '../conformance/counter.js';
import { failure, ok } from '../conformance/event-store.conformance.js';
import { freshSchema, serverUrl, testPool } from './harness.js';

const admin = testPool(4);
const TIMEOUTS = { connectMs: 300, statementMs: 300 };

/** A loopback server; `answer` decides what happens to each connection's bytes. */
const listen = async (
  onConnection: (socket: Socket) => void,
): Promise<{ port: number; close: () => Promise<void> }> => {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/** A proxy to the test server that can stop passing bytes either way. */
const freezableProxy = async () => {
  const target = new URL(serverUrl());
  const [host, port] = [target.hostname, Number(target.port)];
  let frozen = false;
  const proxy = await listen((client) => {
    const upstream = tcpConnect(port, host);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (chunk) => {
      if (!frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!frozen) client.write(chunk);
    });
  });
  target.port = String(proxy.port);
  return {
    url: target.toString(),
    freeze: (value: boolean) => {
      frozen = value;
    },
    close: proxy.close,
  };
};

const unavailable = (error: unknown) => {
  expect(error).toMatchObject({ _tag: 'StoreError', code: 'Unavailable' });
  expect(typeof (error as StoreError).cause).toBe('string');
};

describe('PostgreSQL timeouts', () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('answers every operation, and handle(), with Unavailable when the server accepts and never answers', async () => {
    const silent = await listen(() => undefined); // accepts, reads nothing, says nothing
    const pool = new pg.Pool({ connectionString: `postgres://u:p@127.0.0.1:${silent.port}/db`, max: 4 });
    pool.on('error', () => undefined);
    closers.push(async () => {
      await silent.close();
      await pool.end();
    });
    const store = createPostgresEventStore<CounterEvent>({
      pool,
      registry: counterRegistry,
      listen: false,
      timeouts: TIMEOUTS,
    });
    const handler = createCommandHandler({
      eventStore: store,
      decider: counter,
      streamIdOf: (c) => streamOf(c.metadata.accountId),
    });
    const errors = [
      await failure(
        store.appendToStream(streamOf('a'), [added(1, 1, 'c1')], { expectedVersion: 0, commandId: 'c1' }),
      ),
      await failure(store.readStream(streamOf('a'))),
      await failure(store.readAll()),
      await failure(store.findCommand(streamOf('a'), 'c1')),
      await failure(store.recordOutcome(streamOf('a'), 'c1', { kind: 'unchanged' })),
      await failure(handler.handle(add('a', 'c2'))),
      await failure(createPostgresSnapshotStore({ pool, timeouts: TIMEOUTS }).load('s')),
      await failure(createPostgresCheckpointStore({ pool, timeouts: TIMEOUTS }).load('reader')),
    ];
    for (const error of errors) {
      unavailable(error);
      expect((error as StoreError).cause).toBe('no connection within 300 ms');
    }
    const subscription = store.subscribe({ onEvent: () => undefined });
    expect(await subscription.caughtUp()).toMatchObject({ _tag: 'Left', left: { code: 'Unavailable' } });
    await subscription.stop();
  });

  it('gives up on a statement whose answer does not come, closes that connection, and works again once the server answers', async () => {
    const schema = await freshSchema(admin, 'tmo');
    const proxy = await freezableProxy();
    const pool = new pg.Pool({ connectionString: proxy.url, max: 3 });
    pool.on('error', () => undefined);
    // The proxy goes first: a connection still opening through it then fails, and the pool can end.
    closers.push(async () => {
      await proxy.close();
      await pool.end();
    });
    const store = createPostgresEventStore<CounterEvent>({
      pool,
      registry: counterRegistry,
      schema,
      listen: false,
      // Generous for a busy machine: the deadline that fires below is the statement's.
      timeouts: { connectMs: 5_000, statementMs: 1_000 },
    });
    await ok(
      store.appendToStream(streamOf('a'), [added(1, 1, 'c1')], { expectedVersion: 0, commandId: 'c1' }),
    );
    // Three connections open and idle in the pool; once frozen, statements on them get no answer.
    await Promise.all([1, 2, 3].map(() => ok(store.readStream(streamOf('a')))));
    proxy.freeze(true);
    const during = [
      await failure(
        store.appendToStream(streamOf('a'), [added(1, 2, 'c2')], { expectedVersion: 1, commandId: 'c2' }),
      ),
      await failure(store.readStream(streamOf('a'))),
      await failure(store.readAll()),
    ];
    for (const error of during) {
      unavailable(error);
      expect((error as StoreError).cause).toBe('no answer within 1000 ms');
    }
    proxy.freeze(false);
    // The connections that timed out were closed, not reused: the pool opens fresh ones.
    const stream = await ok(store.readStream(streamOf('a')));
    // The frozen append may or may not have reached the server; sending it again is safe.
    const again = await store.appendToStream(streamOf('a'), [added(1, 2, 'c2')], {
      expectedVersion: 1,
      commandId: 'c2',
    })();
    expect(isLeft(again) ? again.left._tag : 'appended').toMatch(/appended|CommandAlreadyRecorded/);
    expect(stream.length).toBeGreaterThanOrEqual(1);
    expect((await ok(store.readStream(streamOf('a')))).map((e) => e.metadata.commandId)).toEqual([
      'c1',
      'c2',
    ]);
  });

  it('gives up on an append that waits for its stream longer than the deadline, and it never lands later', async () => {
    const schema = await freshSchema(admin, 'tmo');
    const store = createPostgresEventStore<CounterEvent>({
      pool: admin,
      registry: counterRegistry,
      schema,
      timeouts: TIMEOUTS,
    });
    const blocker = await admin.connect();
    try {
      await blocker.query(
        `BEGIN; SELECT pg_advisory_xact_lock(${schemaNames(schema).streamLockKey(`'${streamOf('a')}'`)})`,
      );
      unavailable(
        await failure(
          store.appendToStream(streamOf('a'), [added(1, 1, 'c1')], { expectedVersion: 0, commandId: 'c1' }),
        ),
      );
      unavailable(await failure(store.recordOutcome(streamOf('a'), 'c2', { kind: 'unchanged' })));
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    // The server gave up too: nothing was written behind the caller's back.
    expect(await ok(store.readStream(streamOf('a')))).toEqual([]);
    await ok(
      store.appendToStream(streamOf('a'), [added(1, 1, 'c1')], { expectedVersion: 0, commandId: 'c1' }),
    );
  });

  it('gives a pg.Pool the same deadlines: the server cancels its statements, migrate still runs long steps', async () => {
    const pool = new pg.Pool(
      poolSettings({
        connectionString: serverUrl(),
        max: 2,
        timeouts: { connectMs: 5_000, statementMs: 200 },
      }),
    );
    try {
      expect((await pool.query('SHOW statement_timeout')).rows[0]).toEqual({ statement_timeout: '200ms' });
      await expect(pool.query('SELECT pg_sleep(1)')).rejects.toMatchObject({ code: '57014' });
      const schema = `tmo_mig_${process.pid}`;
      try {
        expect(await ok(migrate(pool, { schema }))).toEqual({ applied: [1, 2, 3] });
      } finally {
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }
      // A statement the server cancels is Unavailable too: it did not answer in time.
      const schemaB = await freshSchema(admin, 'tmo');
      const store = createPostgresEventStore<CounterEvent>({
        pool,
        registry: counterRegistry,
        schema: schemaB,
        timeouts: { statementMs: 5_000 },
      });
      const blocker = await admin.connect();
      try {
        await blocker.query(
          `BEGIN; SELECT pg_advisory_xact_lock(${schemaNames(schemaB).streamLockKey(`'${streamOf('a')}'`)})`,
        );
        const error = (await failure(
          store.appendToStream(streamOf('a'), [added(1, 1, 'c1')], { expectedVersion: 0, commandId: 'c1' }),
        )) as StoreError;
        expect(error).toMatchObject({ _tag: 'StoreError', code: 'Unavailable' });
        expect(error.cause).toMatch(/^57014 /);
      } finally {
        await blocker.query('ROLLBACK');
        blocker.release();
      }
    } finally {
      await pool.end();
    }
  });

  it('refuses a deadline that is not a whole number of milliseconds when the store is made', () => {
    expect(() =>
      createPostgresEventStore({ pool: admin, registry: counterRegistry, timeouts: { statementMs: -1 } }),
    ).toThrow(/timeouts.statementMs/);
    expect(() =>
      createPostgresEventStore({ pool: admin, registry: counterRegistry, timeouts: { connectMs: 1.5 } }),
    ).toThrow(/timeouts.connectMs/);
  });
});
