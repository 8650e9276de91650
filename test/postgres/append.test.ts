/**
 * The append path: statements prepared per connection (and plain text when asked), batches of
 * several events in a group, and the group's lookups of recorded commands by key.
 */
import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { prepared } from '../../src/postgres/database.js';
import { createPostgresEventStore, migrate } from '../../src/postgres/index.js';
import { added, type CounterEvent, counterRegistry, streamOf } from '../conformance/counter.js';
import { failure, ok } from '../conformance/event-store.conformance.js';
import { freshSchema, groupArgument, testPool } from './harness.js';

const pool = testPool(4);
/** One connection: every statement below goes through the same one. */
const single = testPool(1);

const storeOn = (schema: string, more: { preparedStatements?: boolean; groupCommit?: boolean } = {}) =>
  createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema, ...more });

describe('PostgreSQL appends', () => {
  it('names a prepared statement after its text: the same text the same name, another text another', () => {
    const texts = Array.from({ length: 2_000 }, (_, i) => `SELECT * FROM "tenant_${i}".append_to_stream($1)`);
    const names = texts.map((text) => prepared(text).name);
    expect(new Set(names).size).toBe(texts.length);
    expect(prepared(texts[7]!).name).toBe(names[7]);
    // PostgreSQL keeps 63 bytes of a name: a longer one would be cut and could collide.
    expect(Math.max(...names.map((name) => name.length))).toBeLessThanOrEqual(63);
  });

  it('appends, refuses and answers alike with statements sent as plain text', async () => {
    const schema = await freshSchema(single, 'txt');
    const on = (preparedStatements: boolean) =>
      createPostgresEventStore<CounterEvent>({
        pool: single,
        registry: counterRegistry,
        schema,
        preparedStatements,
      });
    const store = on(false);
    const first = await ok(
      store.appendToStream(streamOf('a'), [added(1, 1, 'c1'), added(2, 3, 'c1')], {
        expectedVersion: 0,
        commandId: 'c1',
      }),
    );
    expect(first.events.map((e) => e.metadata.version)).toEqual([1, 2]);
    expect(
      await failure(
        store.appendToStream(streamOf('a'), [added(1, 4, 'c2')], { expectedVersion: 1, commandId: 'c2' }),
      ),
    ).toMatchObject({ _tag: 'ConcurrencyError', expectedVersion: 1, actualVersion: 2 });
    expect(
      await failure(
        store.appendToStream(streamOf('a'), [added(1, 3, 'c1')], { expectedVersion: 2, commandId: 'c1' }),
      ),
    ).toMatchObject({ _tag: 'CommandAlreadyRecorded', commandId: 'c1' });
    expect(await ok(store.recordOutcome(streamOf('a'), 'c3', { kind: 'unchanged' }))).toEqual({
      kind: 'unchanged',
      version: 2,
    });
    // The pool's one connection holds no statement of this schema; a store that prepares leaves two.
    const kept = async () =>
      (
        await single.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE $1`, [
          `%"${schema}"%`,
        ])
      ).rows[0]!.n;
    expect(await kept()).toBe(0);
    const prepared = on(true);
    await ok(
      prepared.appendToStream(streamOf('b'), [added(1, 1, 'b1')], { expectedVersion: 0, commandId: 'b1' }),
    );
    await ok(prepared.recordOutcome(streamOf('b'), 'b2', { kind: 'unchanged' }));
    expect(await kept()).toBe(2);
  });

  it('keeps appending on the same connections after the schema is dropped and made again', async () => {
    const schema = await freshSchema(pool, 'again');
    const store = storeOn(schema);
    // Every connection of the pool prepares the append once.
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((s) =>
        ok(
          store.appendToStream(streamOf(s), [added(1, 1, `${s}1`)], {
            expectedVersion: 0,
            commandId: `${s}1`,
          }),
        ),
      ),
    );
    await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
    const gone = await failure(
      store.appendToStream(streamOf('a'), [added(1, 2, 'a2')], { expectedVersion: 1, commandId: 'a2' }),
    );
    expect(gone).toMatchObject({ _tag: 'StoreError', code: 'Internal' });
    await ok(migrate(pool, { schema }));
    for (const s of ['a', 'b', 'c', 'd']) {
      const again = await ok(
        store.appendToStream(streamOf(s), [added(1, 1, `${s}1`)], { expectedVersion: 0, commandId: `${s}1` }),
      );
      expect(again.nextVersion).toBe(1);
    }
  });

  it('prepares the append again on a connection where it failed before the schema was migrated', async () => {
    const schema = `late_${process.pid}`;
    const store = createPostgresEventStore<CounterEvent>({ pool: single, registry: counterRegistry, schema });
    const append = () =>
      store.appendToStream(streamOf('a'), [added(1, 1, 'c1')], { expectedVersion: 0, commandId: 'c1' });
    try {
      expect(await failure(append())).toMatchObject({
        _tag: 'StoreError',
        code: 'Internal',
        message: expect.stringContaining('run migrate() first'),
      });
      await ok(migrate(single, { schema }));
      expect((await ok(append())).nextVersion).toBe(1);
    } finally {
      await single.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });

  it('writes batches of several events in a group at their own versions, with and without an expected version', async () => {
    const schema = await freshSchema(pool, 'multi');
    const store = storeOn(schema, { groupCommit: true });
    await ok(
      store.appendToStream(streamOf('b'), [added(1, 1, 'b0')], { expectedVersion: 0, commandId: 'b0' }),
    );
    const results = await Promise.all([
      store.appendToStream(streamOf('lead'), [added(1, 1, 'l1')], { expectedVersion: 0, commandId: 'l1' })(),
      store.appendToStream(streamOf('a'), [added(1, 1, 'a1'), added(1, 2, 'a1'), added(1, 3, 'a1')], {
        expectedVersion: 0,
        commandId: 'a1',
      })(),
      store.appendToStream(streamOf('b'), [added(1, 2, 'b1'), added(1, 3, 'b1')], {
        expectedVersion: 'any',
        commandId: 'b1',
      })(),
    ]);
    expect(results.every(isRight)).toBe(true);
    expect(results.map((r) => isRight(r) && r.right.events.map((e) => e.metadata.version))).toEqual([
      [1],
      [1, 2, 3],
      [2, 3],
    ]);
    expect((await ok(store.readStream(streamOf('b')))).map((e) => e.metadata.commandId)).toEqual([
      'b0',
      'b1',
      'b1',
    ]);
  });

  it('looks each command of a group up by its key: a group never reads the whole commands table', async () => {
    const schema = await freshSchema(pool, 'probe');
    const client = await pool.connect();
    try {
      // A history of 2 000 commands, and no statistics yet (as on a busy server between analyses).
      for (let from = 0; from < 2_000; from += 200) {
        const batch = Array.from({ length: 200 }, (_, i) => [`s${from + i}`, 0, `c${from + i}`] as const);
        await client.query(`SELECT * FROM "${schema}".append_to_streams($1::jsonb, NULL)`, [
          groupArgument(batch),
        ]);
      }
      // Scans counted so far by this connection, read again after the group in the same transaction.
      const scans = async () =>
        Number(
          (
            await client.query(
              `SELECT seq_scan FROM pg_stat_xact_user_tables WHERE schemaname = $1 AND relname = 'commands'`,
              [schema],
            )
          ).rows[0]!.seq_scan,
        );
      await client.query('BEGIN');
      const before = await scans();
      const group = Array.from({ length: 32 }, (_, i) => [`s${i}`, 1, `next${i}`] as const);
      const answer = await client.query(
        `SELECT out_status FROM "${schema}".append_to_streams($1::jsonb, NULL)`,
        [groupArgument([...group, ['s40', 0, 'c40']])],
      );
      expect(answer.rows.map((row) => row.out_status)).toEqual([...group.map(() => 'appended'), 'recorded']);
      expect((await scans()) - before).toBe(0);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  });
});
