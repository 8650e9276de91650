/**
 * PostgreSQL store benchmarks (issue 6), each against the in-memory store (serialising, decoding
 * through the same registry) doing the same work in the same run:
 * - appends per second, one event per append: one writer, then 8 writers on their own streams;
 * - events read per second (`readAll`, decoded through the account registry);
 * - the load time of a 10^5-event account (examples/generate-log.ts): the whole stream folded,
 *   and a snapshot 100 events back plus the tail.
 *
 * Uses the server at PBX_PG_URL, or starts an embedded one (test/support/postgres.ts).
 */
import { type Either, isLeft } from 'fp-ts/lib/Either.js';
import { isSome } from 'fp-ts/lib/Option.js';
import pg from 'pg';
import { generateLog } from '../examples/generate-log.js';
import {
  type AccountEvent,
  type AccountState,
  accountEventRegistry,
  createAccountDecider,
  type StoredAccountEvent,
} from '../src/index.js';
import {
  createInMemoryEventStore,
  createInMemorySnapshotStore,
  type EventStore,
  type SnapshotStore,
} from '../src/kernel/index.js';
import { createPostgresEventStore, createPostgresSnapshotStore, migrate } from '../src/postgres/index.js';
import { testServer } from '../test/support/postgres.js';
import { type BenchLine, type Benchmark, human } from './harness.js';

type Task<A> = () => Promise<Either<{ message: string }, A>>;
const must = async <A>(task: Task<A>): Promise<A> => {
  const result = await task();
  if (isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const seconds = async (run: () => Promise<void>): Promise<number> => {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
};

/** `appends` one-event appends, by `writers` writers each on its own 10 streams. */
const appendLoad = async (
  store: EventStore<AccountEvent>,
  sample: AccountEvent,
  appends: number,
  writers: number,
) => {
  const per = Math.ceil(appends / writers);
  return seconds(async () => {
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const versions = new Array<number>(10).fill(0);
        for (let i = 0; i < per; i++) {
          const s = i % 10;
          const event = {
            ...sample,
            metadata: { ...sample.metadata, commandId: `w${writers}-${w}-${i}` },
          } as AccountEvent;
          await must(
            store.appendToStream(`load-${writers}-${w}-${s}`, [event], { expectedVersion: versions[s]! }),
          );
          versions[s]! += 1;
        }
      }),
    );
  });
};

/** The account's state loaded as the command handler loads it: snapshot (if any) + tail, folded. */
const loadAccount = async (
  store: EventStore<AccountEvent>,
  snapshots: SnapshotStore<AccountState> | undefined,
  streamId: string,
) => {
  const decider = createAccountDecider();
  const snapshot = snapshots === undefined ? undefined : await must(snapshots.load(streamId));
  const base = snapshot !== undefined && isSome(snapshot) ? snapshot.value : undefined;
  const tail = (await must(
    store.readStream(streamId, { fromVersion: (base?.version ?? 0) + 1 }),
  )) as unknown as AccountEvent[];
  return base === undefined ? decider.fold(tail) : decider.foldOnto(base.state, tail);
};

const ratioTo = (name: string, detail: string, ratio: number): BenchLine => ({ name, detail, ratio });

const benchmark: Benchmark = {
  name: 'postgres (ratios: PostgreSQL / in-memory store in the same run)',
  async run(scale) {
    const lines: BenchLine[] = [];
    const server = await testServer();
    const pool = new pg.Pool({ connectionString: server.url, max: 12 });
    pool.on('error', () => undefined); // connections closing while the server stops at the end
    const schema = `bench_${process.pid}`;
    try {
      await must(migrate(pool, { schema }));
      const pgStore = createPostgresEventStore<AccountEvent>({
        pool,
        registry: accountEventRegistry,
        schema,
      });
      const memStore = createInMemoryEventStore<AccountEvent>({ registry: accountEventRegistry });

      // The account: a generated year of calls.
      const size = Math.max(2_000, Math.round(100_000 * scale));
      const log: StoredAccountEvent[] = [];
      await generateLog({
        events: size,
        seed: 7,
        write: (line) => log.push(JSON.parse(line) as StoredAccountEvent),
      });
      const streamId = log[0]!.metadata.streamId;
      const sample = log[log.length - 1]! as unknown as AccountEvent;

      // Appends, one event each.
      const appends = Math.max(200, Math.round(3_000 * scale));
      for (const writers of [1, 8]) {
        const onPg = await appendLoad(pgStore, sample, appends, writers);
        const inMemory = await appendLoad(memStore, sample, appends, writers);
        lines.push(
          ratioTo(
            `appends, ${writers} writer${writers > 1 ? 's' : ''}, 1 event each`,
            `${human(appends / onPg)}/s on PostgreSQL vs ${human(appends / inMemory)}/s in memory`,
            inMemory / onPg,
          ),
        );
      }

      // The account written in batches of 1 000 events (as an import would).
      const write = async (store: EventStore<AccountEvent>) =>
        seconds(async () => {
          for (let from = 0; from < log.length; from += 1_000) {
            const batch = log.slice(from, from + 1_000);
            await must(
              store.appendToStream(streamId, batch as unknown as AccountEvent[], {
                expectedVersion: from,
                eventIds: batch.map((e) => e.metadata.eventId),
              }),
            );
          }
        });
      const bulkPg = await write(pgStore);
      const bulkMem = await write(memStore);
      lines.push(
        ratioTo(
          `bulk append of a ${human(size)}-event account, 1 000 per append`,
          `${human(size / bulkPg)} events/s on PostgreSQL vs ${human(size / bulkMem)} events/s in memory`,
          bulkMem / bulkPg,
        ),
      );

      // Reads: the whole log in global order, decoded.
      const readAll = async (store: EventStore<AccountEvent>) => {
        let count = 0;
        const time = await seconds(async () => {
          count = (await must(store.readAll())).length;
        });
        return { count, time };
      };
      const readPg = await readAll(pgStore);
      const readMem = await readAll(memStore);
      lines.push(
        ratioTo(
          `readAll of ${human(readPg.count)} events (decoded)`,
          `${human(readPg.count / readPg.time)} events/s on PostgreSQL vs ${human(readMem.count / readMem.time)} events/s in memory`,
          readMem.time / readPg.time,
        ),
      );

      // Loading the account: every event folded, or a snapshot 100 events back plus the tail.
      const snapshotAt = log.length - 100;
      const decider = createAccountDecider();
      const state = decider.fold(log.slice(0, snapshotAt) as unknown as AccountEvent[]);
      const pgSnapshots = createPostgresSnapshotStore<AccountState>({ pool, schema });
      const memSnapshots = createInMemorySnapshotStore<AccountState>();
      const snapshot = { streamId, version: snapshotAt, schemaVersion: 1, state };
      await must(pgSnapshots.save(snapshot));
      await must(memSnapshots.save(snapshot));
      const best = async (run: () => Promise<unknown>) => {
        await run();
        let time = Number.POSITIVE_INFINITY;
        for (let i = 0; i < 3; i++) time = Math.min(time, await seconds(async () => void (await run())));
        return time * 1000;
      };
      const fullPg = await best(() => loadAccount(pgStore, undefined, streamId));
      const fullMem = await best(() => loadAccount(memStore, undefined, streamId));
      const snapPg = await best(() => loadAccount(pgStore, pgSnapshots, streamId));
      const snapMem = await best(() => loadAccount(memStore, memSnapshots, streamId));
      const json = JSON.stringify(state).length;
      lines.push(
        ratioTo(
          `load a ${human(size)}-event account, no snapshot`,
          `${fullPg.toFixed(0)} ms on PostgreSQL vs ${fullMem.toFixed(0)} ms in memory`,
          fullMem / fullPg,
        ),
        ratioTo(
          `load it from a snapshot + 100 events (state ${human(json)} chars of JSON)`,
          `${snapPg.toFixed(1)} ms on PostgreSQL vs ${snapMem.toFixed(1)} ms in memory; ${(fullPg / snapPg).toFixed(1)}× faster than no snapshot on PostgreSQL`,
          snapMem / snapPg,
        ),
      );
      return lines;
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await pool.end();
      await server.stop();
    }
  },
};

export default benchmark;
