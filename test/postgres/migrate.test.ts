import { isSome } from 'fp-ts/lib/Option.js';
import { describe, expect, it } from 'vitest';
import {
  createPostgresCheckpointStore,
  createPostgresEventStore,
  migrate,
  subscribeFromCheckpoint,
} from '../../src/postgres/index.js';
import { migrateUpTo } from '../../src/postgres/migrate.js';
import { added, type CounterEvent, counterRegistry, streamOf } from '../conformance/counter.js';
import { failure, ok } from '../conformance/event-store.conformance.js';
import { freshSchema, testPool } from './harness.js';

const pool = testPool(8);

const columnsOf = async (schema: string, table: string) =>
  (
    await pool.query(
      'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
      [schema, table],
    )
  ).rows.map((row) => `${row.column_name} ${row.data_type}`);

const constraintsOf = async (schema: string, table: string) =>
  (
    await pool.query(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = $1 AND c.conrelid = $2::regclass ORDER BY 1`,
      [schema, `"${schema}".${table}`],
    )
  ).rows.map((row) => String(row.def));

/** One event row as the append functions of 0.1.0 and 0.2.0 take it (`total` after it). */
const rowOf = (commandId: string, i: number, total: number) => ({
  n: i + 1,
  event_id: `${commandId}/${i}`,
  type: 'Added',
  schema_version: 2,
  data: { amount: 1, total },
  metadata: { at: '2025-04-21T10:00:00+03:00', commandId, actor: 'tester' },
  command_id: commandId,
});

/** An append as 0.1.0 made it: its function, its argument shape. */
const legacyAppend = (schema: string, stream: string, expected: number, commandIds: readonly string[]) =>
  pool.query(`SELECT * FROM "${schema}".append_events($1, $2, $3::jsonb)`, [
    stream,
    expected,
    JSON.stringify(commandIds.map((commandId, i) => rowOf(commandId, i, expected + i + 1))),
  ]);

/** An append as 0.2.0 made it: its group function, its argument shape. */
const append020 = (schema: string, stream: string, expected: number, commandId: string, count: number) =>
  pool.query(`SELECT * FROM "${schema}".append_to_streams($1::jsonb, NULL)`, [
    JSON.stringify([
      {
        stream,
        expected,
        command: commandId,
        events: Array.from({ length: count }, (_, i) => rowOf(commandId, i, expected + i + 1)),
      },
    ]),
  ]);

describe('migrate', () => {
  it('creates the events, commands, snapshots and checkpoints tables, and a second run changes nothing', async () => {
    const schema = await freshSchema(pool, 'mig');
    expect(await ok(migrate(pool, { schema }))).toEqual({ applied: [] });
    expect(await columnsOf(schema, 'events')).toEqual([
      'global_position bigint',
      'stream_id text',
      'version integer',
      'event_id text',
      'type text',
      'schema_version integer',
      'data jsonb',
      'metadata jsonb',
      'command_id text',
      'recorded_at timestamp with time zone',
      'transaction_id xid8',
    ]);
    expect(await columnsOf(schema, 'commands')).toEqual([
      'stream_id text',
      'command_id text',
      'outcome text',
      'first_version integer',
      'version integer',
      'error jsonb',
      'recorded_at timestamp with time zone',
    ]);
    expect(await columnsOf(schema, 'snapshots')).toContain('state jsonb');
    expect(await columnsOf(schema, 'checkpoints')).toContain('position bigint');
    const events = await constraintsOf(schema, 'events');
    expect(events).toContain('UNIQUE (stream_id, version)');
    expect(events).toContain('UNIQUE (stream_id, event_id)');
    expect(events).not.toContain('UNIQUE (event_id)');
    expect(await constraintsOf(schema, 'commands')).toContain('PRIMARY KEY (stream_id, command_id)');
    const indexes = await pool.query('SELECT indexdef FROM pg_indexes WHERE schemaname = $1', [schema]);
    expect(
      indexes.rows.some((row) => String(row.indexdef).includes('(transaction_id, global_position)')),
    ).toBe(true);
    // No lock of the whole schema is left in the append path.
    const functions = await pool.query(
      `SELECT p.proname, pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = $1 ORDER BY 1`,
      [schema],
    );
    expect(functions.rows.map((row) => row.proname)).toEqual([
      'append_to_stream',
      'append_to_streams',
      'record_outcome',
    ]);
    for (const row of functions.rows) expect(String(row.def)).not.toContain('pg_notify');
  });

  it('is safe to run from several connections at once: one applies the steps, the others wait and find them done', async () => {
    const schema = `mig_race_${process.pid}`;
    try {
      const results = await Promise.all(Array.from({ length: 6 }, () => ok(migrate(pool, { schema }))));
      expect(results.map((r) => r.applied).sort()).toEqual([[], [], [], [], [], [1, 2, 3]]);
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });

  it('upgrades a 0.1.0 database: commands backfilled, event ids per stream, old checkpoints resume where they were', async () => {
    const schema = `mig_old_${process.pid}`;
    try {
      expect(await ok(migrateUpTo(pool, { schema }, 1))).toEqual({ applied: [1] });
      // History as 0.1.0 wrote it: a two-event command, single ones, and a command id reused
      // in a later append (the second run is not an outcome of its own).
      await legacyAppend(schema, streamOf('a'), 0, ['a1', 'a1']);
      await legacyAppend(schema, streamOf('b'), 0, ['b1']);
      await legacyAppend(schema, streamOf('a'), 2, ['a2']);
      await legacyAppend(schema, streamOf('b'), 1, ['b2']);
      await pool.query(
        `INSERT INTO "${schema}".events (stream_id, version, event_id, type, schema_version, data, metadata, command_id)
         VALUES ($1, 4, 'again', 'Added', 2, '{"amount": 1, "total": 4}', '{"at": "2025-04-21T10:00:00+03:00", "commandId": "a1", "actor": "tester"}', 'a1')`,
        [streamOf('a')],
      );
      const oldCheckpoints = createPostgresCheckpointStore({ pool, schema });
      await ok(oldCheckpoints.save('reader', 3)); // a reader of 0.1.0 had read up to position 3

      expect(await ok(migrate(pool, { schema }))).toEqual({ applied: [2, 3] });
      const store = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
      const a1 = await ok(store.findCommand(streamOf('a'), 'a1'));
      expect(
        isSome(a1) && a1.value.kind === 'appended' && a1.value.events.map((e) => e.metadata.version),
      ).toEqual([1, 2]);
      expect(isSome(a1) && a1.value.version).toBe(2);
      const b2 = await ok(store.findCommand(streamOf('b'), 'b2'));
      expect(isSome(b2) && b2.value).toMatchObject({ kind: 'appended', version: 2 });
      // The backfilled outcome is a real one: the same command again is refused as recorded.
      expect(
        await failure(
          store.appendToStream(streamOf('b'), [added(1, 3, 'b2')], { expectedVersion: 2, commandId: 'b2' }),
        ),
      ).toMatchObject({ _tag: 'CommandAlreadyRecorded', streamId: streamOf('b'), commandId: 'b2' });
      // New appends, and a checkpoint of 0.1.0 that resumes exactly after position 3.
      await ok(
        store.appendToStream(streamOf('c'), [added(1, 1, 'c1')], { expectedVersion: 0, commandId: 'c1' }),
      );
      await ok(
        store.appendToStream(streamOf('a'), [added(1, 5, 'a3')], { expectedVersion: 4, commandId: 'a3' }),
      );
      expect((await ok(store.readAll())).map((e) => e.metadata.eventId)).toEqual([
        'a1/0',
        'a1/1',
        'b1/0',
        'a2/0',
        'b2/0',
        'again',
        'c1/0',
        'a3/0',
      ]);
      expect((await ok(store.readAll({ after: 3 }))).map((e) => e.metadata.eventId)).toEqual([
        'a2/0',
        'b2/0',
        'again',
        'c1/0',
        'a3/0',
      ]);
      const seen: string[] = [];
      const reader = await ok(
        subscribeFromCheckpoint(store, {
          checkpoints: oldCheckpoints,
          name: 'reader',
          onEvent: (e) => void seen.push(e.metadata.eventId),
        }),
      );
      expect(await reader.caughtUp()).toEqual({ _tag: 'Right', right: undefined });
      await reader.stop();
      expect(seen).toEqual(['a2/0', 'b2/0', 'again', 'c1/0', 'a3/0']);
      expect(await ok(oldCheckpoints.load('reader'))).toBe(8);
      // Two accounts may now share event ids.
      await ok(
        store.appendToStream(streamOf('d'), [added(1, 1, 'c1')], { expectedVersion: 0, commandId: 'c1' }),
      );
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });

  it('upgrades a 0.2.0 database: history, recorded commands and checkpoints carry over, and 0.2.0 appends still work', async () => {
    const schema = `mig_020_${process.pid}`;
    try {
      expect(await ok(migrateUpTo(pool, { schema }, 2))).toEqual({ applied: [1, 2] });
      await append020(schema, streamOf('a'), 0, 'a1', 2);
      await append020(schema, streamOf('b'), 0, 'b1', 1);
      const store = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
      const checkpoints = createPostgresCheckpointStore({ pool, schema });
      const seen: string[] = [];
      const follow = () =>
        subscribeFromCheckpoint(store, {
          checkpoints,
          name: 'reader',
          onEvent: (e) => void seen.push(e.metadata.eventId),
        });
      const before = await ok(follow());
      expect(await before.caughtUp()).toEqual({ _tag: 'Right', right: undefined });
      await before.stop();
      expect(seen).toEqual(['a1/0', 'a1/1', 'b1/0']);

      expect(await ok(migrate(pool, { schema }))).toEqual({ applied: [3] });
      // A command recorded before the step is still refused as recorded.
      expect(
        await failure(
          store.appendToStream(streamOf('a'), [added(1, 3, 'a1')], { expectedVersion: 2, commandId: 'a1' }),
        ),
      ).toMatchObject({ _tag: 'CommandAlreadyRecorded', streamId: streamOf('a'), commandId: 'a1' });
      expect(
        await failure(
          store.appendToStream(streamOf('a'), [added(1, 2, 'a9')], { expectedVersion: 1, commandId: 'a9' }),
        ),
      ).toMatchObject({ _tag: 'ConcurrencyError', expectedVersion: 1, actualVersion: 2 });
      await ok(
        store.appendToStream(streamOf('a'), [added(1, 3, 'a2')], { expectedVersion: 2, commandId: 'a2' }),
      );
      // A process still on 0.2.0 appends through the group function, which is still there.
      await append020(schema, streamOf('b'), 1, 'b2', 1);
      const after = await ok(follow());
      expect(await after.caughtUp()).toEqual({ _tag: 'Right', right: undefined });
      await after.stop();
      expect(seen).toEqual(['a1/0', 'a1/1', 'b1/0', 'a2/0', 'b2/0']);
      expect((await ok(store.readStream(streamOf('a')))).map((e) => e.metadata.version)).toEqual([1, 2, 3]);
      const a2 = await ok(store.findCommand(streamOf('a'), 'a2'));
      expect(isSome(a2) && a2.value).toMatchObject({ kind: 'appended', version: 3 });
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });

  it('refuses a schema name that is not a plain identifier, before touching the server', () => {
    expect(() => migrate(pool, { schema: 'x"; DROP TABLE y; --' })).toThrow(TypeError);
    expect(() => createPostgresEventStore({ pool, registry: counterRegistry, schema: 'Upper' })).toThrow(
      /plain lower-case identifier/,
    );
  });

  it('says to run migrate when the tables are missing', async () => {
    const store = createPostgresEventStore({ pool, registry: counterRegistry, schema: 'never_migrated' });
    const error = await failure(store.readAll());
    expect(error).toMatchObject({ _tag: 'StoreError', code: 'Internal' });
    expect(String((error as { message: string }).message)).toContain('run migrate()');
  });
});
