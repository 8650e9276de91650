import { describe, expect, it } from 'vitest';
import { createPostgresEventStore, migrate } from '../../src/postgres/index.js';
import { counterRegistry } from '../conformance/counter.js';
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

describe('migrate', () => {
  it('creates the events, snapshots and checkpoints tables, and a second run changes nothing', async () => {
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
    ]);
    expect(await columnsOf(schema, 'snapshots')).toContain('state jsonb');
    expect(await columnsOf(schema, 'checkpoints')).toContain('position bigint');
    const constraints = await pool.query(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = $1 AND c.conrelid = $2::regclass ORDER BY 1`,
      [schema, `"${schema}".events`],
    );
    expect(constraints.rows.map((row) => row.def)).toContain('UNIQUE (stream_id, version)');
    const indexes = await pool.query('SELECT indexdef FROM pg_indexes WHERE schemaname = $1', [schema]);
    expect(indexes.rows.some((row) => String(row.indexdef).includes('(stream_id, command_id)'))).toBe(true);
  });

  it('is safe to run from several connections at once: one applies the steps, the others wait and find them done', async () => {
    const schema = `mig_race_${process.pid}`;
    try {
      const results = await Promise.all(Array.from({ length: 6 }, () => ok(migrate(pool, { schema }))));
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, 0, 0, 0, 1]);
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
