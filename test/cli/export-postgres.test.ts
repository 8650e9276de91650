/**
 * `pbx-options export`: a PostgreSQL event store streamed to an event log, page by page, that
 * `replay` reads back to the same read models.
 */
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportEvents } from '../../src/cli/export.js';
import {
  type AccountEvent,
  accountEventRegistry,
  type EventStore,
  type StoredAccountEvent,
} from '../../src/index.js';
import { createPostgresEventStore } from '../../src/postgres/index.js';
import { freshSchema, serverUrl, testPool } from '../postgres/harness.js';
import { cli, cliWith, logLines, writeLog } from './fixtures.js';

const pool = testPool();
let schema: string;
let store: EventStore<AccountEvent>;
let romashka: string[];

/** Appends the stored events of `lines` as the handler would have, keeping their event ids. */
const load = async (lines: readonly string[]) => {
  for (const line of lines) {
    const stored = JSON.parse(line) as StoredAccountEvent;
    const { at, commandId, actor, eventId, streamId, version } = stored.metadata;
    const event = {
      type: stored.type,
      data: stored.data,
      metadata: { at, commandId, actor },
    } as AccountEvent;
    const appended = await store.appendToStream(streamId, [event], {
      expectedVersion: version - 1,
      eventIds: [eventId],
    })();
    if (appended._tag === 'Left') throw new Error(appended.left.message);
  }
};

beforeAll(async () => {
  schema = await freshSchema(pool, 'export');
  store = createPostgresEventStore<AccountEvent>({
    pool,
    registry: accountEventRegistry,
    schema,
    listen: false,
  });
  romashka = await logLines(400);
  // Another account, with event ids of its own (they are unique across the store here).
  const lilia = romashka
    .slice(0, 100)
    .map((line) => line.replaceAll('romashka', 'lilia').replace(/"eventId":"/, '"eventId":"lilia-'));
  await load(romashka.slice(0, 100).flatMap((line, i) => [line, lilia[i] as string]));
  await load(romashka.slice(100));
});

const exported = (out: string) =>
  out
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as StoredAccountEvent);

describe('pbx-options export --pg', () => {
  it('writes every event in global order, as the store reads them, exit code 0', async () => {
    const run = await cli('export', '--pg', serverUrl(), '--schema', schema);
    expect(run.code).toBe(0);
    const all = await store.readAll()();
    if (all._tag === 'Left') throw new Error(all.left.message);
    expect(exported(run.out)).toEqual(all.right);
    expect(run.out.split('\n')).toHaveLength(501);
    expect(run.err).toMatch(/^127\.0\.0\.1:\d+\/postgres: exported 500 events \(global positions 1–500\)\n$/);
    expect(run.err).not.toContain(new URL(serverUrl()).password);
  });

  it('replay reads the export back to the read models of the original log', async () => {
    const run = await cli('export', '--pg', serverUrl(), '--schema', schema, '--account', 'romashka');
    expect(run.err).toContain('exported 400 events of romashka, among 500 read');
    const replayed = await cliWith(
      { stdin: Readable.from([Buffer.from(run.out)]) },
      'replay',
      '-',
      '--projection',
      'sms,quota,billing',
    );
    const original = await cli('replay', writeLog(romashka), '--projection', 'sms,quota,billing');
    expect(replayed.code).toBe(0);
    expect(replayed.out).toBe(
      original.out.replace(
        /^account romashka \(stream account-romashka\): 400 events, version 400, last at .*\n/,
        (header) => header,
      ),
    );
    expect(replayed.out.split('\n').slice(1)).toEqual(original.out.split('\n').slice(1));
  });

  it('--account takes an account id or a stream id; --from-position skips what was exported before', async () => {
    const byStream = exported(
      (await cli('export', '--pg', serverUrl(), '--schema', schema, '--account', 'account-lilia')).out,
    );
    expect(byStream).toHaveLength(100);
    expect(new Set(byStream.map((e) => e.metadata.streamId))).toEqual(new Set(['account-lilia']));
    const rest = await cli('export', '--pg', serverUrl(), '--schema', schema, '--from-position', '450');
    expect(exported(rest.out).map((e) => e.metadata.globalPosition)).toEqual(
      Array.from({ length: 50 }, (_, i) => 451 + i),
    );
    const none = await cli('export', '--pg', serverUrl(), '--schema', schema, '--from-position', '500');
    expect(none).toMatchObject({ code: 1, out: '' });
    expect(none.err).toContain('warning: the store has no events after position 500\n');
  });

  it('holds one page at a time: readAll is asked for pages of at most the page size', async () => {
    const pages: number[] = [];
    const counting: EventStore<AccountEvent> = {
      ...store,
      readAll: (options) => async () => {
        const page = await store.readAll(options)();
        if (page._tag === 'Right') pages.push(page.right.length);
        return page;
      },
    };
    let written = 0;
    const result = await exportEvents(counting, {
      account: undefined,
      fromPosition: 0,
      pageSize: 64,
      write: (lines) => {
        written += lines.split('\n').length - 1;
      },
    });
    expect(result).toEqual({ _tag: 'Right', right: { read: 500, written: 500, first: 1, last: 500 } });
    expect(written).toBe(500);
    expect(Math.max(...pages)).toBe(64);
    expect(pages).toHaveLength(Math.ceil(500 / 64));
  });

  it('a server that cannot be reached, or a schema without an event store: exit code 2, no password shown', async () => {
    const down = await cli('export', '--pg', 'postgres://user:s3cret@127.0.0.1:1/db');
    expect(down.code).toBe(2);
    expect(down.err).toMatch(/^pbx-options: cannot connect to 127\.0\.0\.1:1\/db: /);
    expect(down.err).not.toContain('s3cret');
    const missing = await cli('export', '--pg', serverUrl(), '--schema', 'no_such_schema');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^pbx-options: reading 127\.0\.0\.1:\d+\/postgres failed after 0 events: /);
  });
});
