/**
 * Loading an account from PostgreSQL, on a server with durable commits: a generated 10^5-event
 * account (examples/generate-log.ts) read and folded with no snapshot (goal ≤ 1 s), and from a
 * snapshot 100 events before its end plus that tail (goal ≤ 40 ms), as a command handler without
 * a cache loads it (the snapshot kept as the store's default JSON text, and as the compact text
 * beside it); the same two loads from the in-memory stores beside them for comparison.
 * Rounds alternate the four loads; the median and the range of each are printed.
 *
 * Uses the server at PBX_PG_URL (it should commit durably), or starts an embedded one.
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
import { type BenchLine, type Benchmark, human, ratioLine } from './harness.js';

type Task<A> = () => Promise<Either<{ message: string }, A>>;
const must = async <A>(task: Task<A>): Promise<A> => {
  const result = await task();
  if (isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const range = (values: readonly number[], digits: number) =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

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

const millis = async (run: () => Promise<unknown>) => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};

const benchmark: Benchmark = {
  name: 'postgres load (a generated account; no snapshot, and a snapshot + 100 events; rounds alternating)',
  async run(scale) {
    const server = await testServer({ durable: true });
    const pool = new pg.Pool({ connectionString: server.url, max: 8 });
    pool.on('error', () => undefined); // connections closing while the server stops at the end
    const schema = `bench_load_${process.pid}`;
    try {
      await must(migrate(pool, { schema }));
      const store = createPostgresEventStore<AccountEvent>({ pool, registry: accountEventRegistry, schema });
      const snapshots = createPostgresSnapshotStore<AccountState>({ pool, schema, compact: true });
      const plainSchema = `${schema}_plain`;
      await must(migrate(pool, { schema: plainSchema }));
      const plainSnapshots = createPostgresSnapshotStore<AccountState>({ pool, schema: plainSchema });
      const memory = createInMemoryEventStore<AccountEvent>();
      const memorySnapshots = createInMemorySnapshotStore<AccountState>();

      const size = Math.max(2_000, Math.round(100_000 * scale));
      const log: StoredAccountEvent[] = [];
      await generateLog({
        events: size,
        seed: 7,
        write: (line) => log.push(JSON.parse(line) as StoredAccountEvent),
      });
      const streamId = log[0]!.metadata.streamId;
      // Written in batches of 1 000 events, as an import would.
      for (let from = 0; from < log.length; from += 1_000) {
        const batch = log.slice(from, from + 1_000) as unknown as AccountEvent[];
        const options = {
          expectedVersion: from,
          eventIds: log.slice(from, from + 1_000).map((e) => e.metadata.eventId),
        };
        await must(store.appendToStream(streamId, batch, options));
        await must(memory.appendToStream(streamId, batch, options));
      }
      await pool.query(`VACUUM ANALYZE "${schema}".events`); // as autovacuum would after an import
      const snapshotAt = log.length - 100;
      const state = createAccountDecider().fold(log.slice(0, snapshotAt) as unknown as AccountEvent[]);
      const snapshot = { streamId, version: snapshotAt, schemaVersion: 1, state };
      await must(snapshots.save(snapshot));
      await must(plainSnapshots.save(snapshot));
      await must(memorySnapshots.save(snapshot));
      const sizeOf = async (where: string) => {
        const stored = await pool.query(`SELECT octet_length(state_json) AS bytes FROM "${where}".snapshots`);
        return Number(stored.rows[0]?.bytes ?? 0);
      };
      const bytes = await sizeOf(schema);
      const plainBytes = await sizeOf(plainSchema);

      const sides = {
        full: () => loadAccount(store, undefined, streamId),
        snap: () => loadAccount(store, snapshots, streamId),
        plainSnap: () => loadAccount(store, plainSnapshots, streamId),
        memoryFull: () => loadAccount(memory, undefined, streamId),
        memorySnap: () => loadAccount(memory, memorySnapshots, streamId),
      };
      const times = {
        full: [] as number[],
        snap: [] as number[],
        plainSnap: [] as number[],
        memoryFull: [] as number[],
        memorySnap: [] as number[],
      };
      const names = Object.keys(sides) as (keyof typeof sides)[];
      for (const name of names) await sides[name](); // warm-up (also sets the rows' hint bits)
      const rounds = scale >= 1 ? 7 : 3;
      for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < names.length; i++) {
          const name = names[(i + round) % names.length]!;
          times[name].push(await millis(sides[name]));
        }
      }
      const ms = (values: number[], digits: number) =>
        `${median(values).toFixed(digits)} ms (runs ${range(values, digits)} ms)`;
      const lines: BenchLine[] = [
        ratioLine(
          `load a ${human(size)}-event account from PostgreSQL, no snapshot, against 1 s`,
          `${ms(times.full, 0)}; in-memory store ${ms(times.memoryFull, 0)}`,
          median(times.full) / 1_000,
          { atMost: 1 },
        ),
        // The goal is checked on the store's default form (plain JSON text); the compact text,
        // an option, is printed beside it.
        ratioLine(
          `load it from a snapshot + 100 events (${human(plainBytes)} bytes of JSON), against 40 ms`,
          `${ms(times.plainSnap, 1)}; compact text (${human(bytes)} bytes) ${ms(times.snap, 1)}; in-memory stores ${ms(times.memorySnap, 1)}`,
          median(times.plainSnap) / 40,
          { atMost: 1 },
        ),
      ];
      return lines;
    } finally {
      for (const name of [schema, `${schema}_plain`])
        await pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`).catch(() => undefined);
      await pool.end();
      await server.stop();
    }
  },
};

export default benchmark;
