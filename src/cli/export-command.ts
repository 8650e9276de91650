/**
 * `export --pg <url>`: connects to PostgreSQL with the `pg` package (an optional peer
 * dependency, loaded only here), reads the event store through the library's own adapter, and
 * writes the log to standard output. The server is named without its password in messages.
 * @module
 */

import type { AccountEvent } from '../account/events.js';
import { accountEventRegistry } from '../account/events.js';
import type { PgPool } from '../postgres/connection.js';
import type { Timeouts } from '../postgres/database.js';
import { createPostgresEventStore } from '../postgres/event-store.js';
import { poolSettings } from '../postgres/pool-settings.js';
import type { ExportArgs } from './args.js';
import { exportEvents } from './export.js';
import { type CliIo, complain, EXIT } from './io.js';
import { progressMeter } from './progress.js';
import { statsLine } from './report.js';

/** Events read per page of the store. */
export const EXPORT_PAGE_SIZE = 1_000;

/** How long the export waits for a connection and for each page before it gives up. */
const TIMEOUTS: Timeouts = { connectMs: 10_000, statementMs: 60_000 };

/** A pool the export can end. */
type EndablePool = PgPool & { end(): Promise<void>; on(event: 'error', listener: () => void): unknown };

const openPool = async (url: string): Promise<EndablePool | string> => {
  let pg: { Pool: new (config: object) => EndablePool };
  try {
    const module = (await import('pg')) as unknown as { default?: typeof pg } & typeof pg;
    pg = module.default ?? module;
  } catch {
    return 'export needs the pg package: npm install pg';
  }
  // One connection: pages are read one after the other. Deadlines of the driver and the server
  // match the store's, so a server that accepts and never answers ends the export.
  return new pg.Pool(
    poolSettings({
      connectionString: url,
      max: 1,
      timeouts: TIMEOUTS,
      applicationName: 'pbx-options export',
    }),
  );
};

/** `host:port/database` of a connection URL, without user or password. */
export const serverName = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port === '' ? '' : `:${u.port}`}${u.pathname}`;
  } catch {
    return '(the server given with --pg)';
  }
};

/** Runs `export`; resolves with the exit code. */
export const runExportCommand = async (args: ExportArgs, io: CliIo, pageSize = EXPORT_PAGE_SIZE) => {
  const pool = await openPool(args.pg);
  if (typeof pool === 'string') {
    complain(io, pool);
    return EXIT.usage;
  }
  pool.on('error', () => undefined); // an idle connection dropped: the next query reports it
  const server = serverName(args.pg);
  try {
    try {
      await pool.query('SELECT 1');
    } catch (cause) {
      complain(io, `cannot connect to ${server}: ${cause instanceof Error ? cause.message : String(cause)}`);
      return EXIT.usage;
    }
    const store = createPostgresEventStore<AccountEvent>({
      pool,
      registry: accountEventRegistry,
      listen: false,
      pageSize,
      timeouts: TIMEOUTS,
      ...(args.schema === undefined ? {} : { schema: args.schema }),
    });
    const started = io.now();
    let peak = io.rss();
    const meter = progressMeter({
      enabled: io.progress,
      unit: 'events',
      err: io.err,
      now: io.now,
      bytes: () => 0,
      size: undefined,
    });
    const result = await exportEvents(store, {
      account: args.account,
      fromPosition: args.fromPosition,
      pageSize,
      write: async (lines) => {
        io.out(lines);
        await io.drain?.();
      },
      onPage: (read) => {
        peak = Math.max(peak, io.rss());
        meter.tick(read);
      },
    });
    meter.clear();
    const done = result._tag === 'Right' ? result.right : result.left.partial;
    const range = done.first === null ? '' : ` (global positions ${done.first}–${done.last})`;
    const of = args.account === undefined ? '' : ` of ${args.account}, among ${done.read} read`;
    if (result._tag === 'Left') {
      complain(io, `reading ${server} failed after ${done.written} events: ${result.left.error.message}`);
      return done.read === 0 ? EXIT.usage : EXIT.problems;
    }
    io.err(`${server}: exported ${done.written} events${of}${range}\n`);
    if (args.stats)
      io.err(`${statsLine({ lines: done.read, ms: io.now() - started, peakRss: peak }, 'events')}\n`);
    if (done.written === 0) {
      io.err(
        `warning: ${args.account === undefined ? 'the store has no events' : `no events of ${args.account}`}${args.fromPosition > 0 ? ` after position ${args.fromPosition}` : ''}\n`,
      );
      return EXIT.problems;
    }
    return EXIT.ok;
  } finally {
    await pool.end();
  }
};
