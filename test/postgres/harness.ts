/**
 * Connections to the run's test server (test/support/postgres.ts) and a fresh schema per store,
 * so test files run side by side on one server and leave nothing behind.
 */
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { migrate } from '../../src/postgres/index.js';
import type { TestServer } from '../support/postgres.js';

export type { TestServer };

/** The test server's URL. */
export const serverUrl = (): string => {
  const url = inject('pgUrl');
  if (url === undefined || url === '') {
    throw new Error(
      'no PostgreSQL for this run: set PBX_PG_URL, or run a test file with "postgres" in its path',
    );
  }
  return url;
};

const schemas = new WeakMap<pg.Pool, string[]>();

/**
 * A pool on the test server (call it at the top of a test file). After the file's tests it
 * drops the schemas {@link freshSchema} made on it and ends.
 */
export const testPool = (max = 10): pg.Pool => {
  const pool = new pg.Pool({ connectionString: serverUrl(), max });
  pool.on('error', () => undefined); // an idle connection dropped: the next query reports it
  schemas.set(pool, []);
  afterAll(async () => {
    for (const schema of schemas.get(pool) ?? [])
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  return pool;
};

let made = 0;

/** A new, migrated schema name on `pool` (dropped after the file's tests). */
export const freshSchema = async (pool: pg.Pool, prefix = 't'): Promise<string> => {
  const schema = `${prefix}_${process.pid}_${++made}`;
  schemas.get(pool)?.push(schema);
  const result = await migrate(pool, { schema })();
  if (result._tag === 'Left') throw new Error(result.left.message);
  return schema;
};

/**
 * The append function's argument for single-event batches `[stream, expected, command]` of the
 * conformance counter, as the store builds it.
 */
export const groupArgument = (batches: ReadonlyArray<readonly [string, number, string]>) =>
  JSON.stringify(
    batches.map(([stream, expected, command]) => ({
      stream,
      expected,
      command,
      events: [
        {
          n: 1,
          event_id: `${command}/0`,
          type: 'Added',
          schema_version: 2,
          data: { amount: 1, total: expected + 1 },
          metadata: { at: '2025-04-21T10:00:00+03:00', commandId: command, actor: 'tester' },
          command_id: command,
        },
      ],
    })),
  );
