/**
 * PostgreSQL store benchmarks, on a server with durable commits (fsync and synchronous commit on):
 * - appends per second, one event per append with an expected version, each writer on its own
 *   account stream, at 1, 4, 16 and 64 writers: this store, the same with group commit, and
 *   Emmett 0.42's PostgreSQL store on the same server in the same run, rounds alternating the
 *   three and the ratio taken per round (the median and the range printed), with the client
 *   process's CPU per append on both sides (the server's share is the rest of the machine).
 * Loading an account is measured by postgres-load.bench.ts.
 *
 * Uses the server at PBX_PG_URL (it should commit durably), or starts an embedded one.
 */
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { type Either, isLeft } from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { generateLog } from '../examples/generate-log.js';
import { type AccountEvent, accountEventRegistry, type StoredAccountEvent } from '../src/index.js';
import type { EventStore } from '../src/kernel/index.js';
import { createPostgresEventStore, migrate } from '../src/postgres/index.js';
import { testServer } from '../test/support/postgres.js';
import { type BenchLine, type Benchmark, human, ratioLine } from './harness.js';

type Task<A> = () => Promise<Either<{ message: string }, A>>;
const must = async <A>(task: Task<A>): Promise<A> => {
  const result = await task();
  if (isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const WRITERS = [1, 4, 16, 64] as const;

/** What one side did in one window: appends/s, and this process's CPU per append (µs). */
interface Rate {
  readonly perSecond: number;
  readonly cpuMicros: number;
}

/** Appends one event per append from `writers` writers, each on its own stream, for `ms`. */
const appendRate = async (
  writers: number,
  ms: number,
  append: (writer: number, version: number) => Promise<void>,
): Promise<Rate> => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const deadline = start + ms;
  let done = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let version = 0; performance.now() < deadline; version++) {
        await append(w, version);
        done++;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return {
    perSecond: done / ((performance.now() - start) / 1000),
    cpuMicros: (used.user + used.system) / Math.max(1, done),
  };
};

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const range = (values: readonly number[], digits = 2) =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

const benchmark: Benchmark = {
  name: 'postgres (durable commits; appends beside Emmett 0.42 on the same server, rounds alternating)',
  async run(scale) {
    const lines: BenchLine[] = [];
    const server = await testServer({ durable: true });
    const pool = new pg.Pool({ connectionString: server.url, max: 72 });
    pool.on('error', () => undefined); // connections closing while the server stops at the end
    const schema = `bench_${process.pid}`;
    const emmettDb = `emmett_${process.pid}`;
    const emmettUrl = new URL(server.url);
    emmettUrl.pathname = `/${emmettDb}`;
    const emmettPool = new pg.Pool({ connectionString: emmettUrl.toString(), max: 72 });
    emmettPool.on('error', () => undefined);
    try {
      await must(migrate(pool, { schema }));
      await pool.query(`CREATE DATABASE "${emmettDb}"`);
      const emmett = getPostgreSQLEventStore(emmettUrl.toString(), {
        connectionOptions: { pool: emmettPool },
      });
      await emmett.schema.migrate();
      const plain = createPostgresEventStore<AccountEvent>({ pool, registry: accountEventRegistry, schema });
      const grouped = createPostgresEventStore<AccountEvent>({
        pool,
        registry: accountEventRegistry,
        schema,
        groupCommit: true,
      });

      // A recording as the generated account stores them (a short log has one).
      const log: StoredAccountEvent[] = [];
      await generateLog({
        events: 2_000,
        seed: 7,
        write: (line) => log.push(JSON.parse(line) as StoredAccountEvent),
      });
      const sample = (log.find((e) => e.type === 'RecordingStored') ??
        log[log.length - 1]!) as StoredAccountEvent;

      // Appends: one RecordingStored each, rounds alternating the three stores (order rotated).
      const windowMs = Math.max(300, Math.round(2_000 * scale));
      const rounds = scale >= 1 ? 5 : 2;
      let run = 0;
      const onPbx = (store: EventStore<AccountEvent>, tag: string) => (w: number, version: number) => {
        const event = {
          type: sample.type,
          data: sample.data,
          metadata: {
            at: sample.metadata.at,
            commandId: `${tag}-${w}-${version}`,
            actor: sample.metadata.actor,
          },
        } as AccountEvent;
        return must(
          store.appendToStream(`account-${tag}-${w}`, [event], {
            expectedVersion: version,
            commandId: event.metadata.commandId,
          }),
        ).then(() => undefined);
      };
      const onEmmett = (tag: string) => async (w: number, version: number) => {
        await emmett.appendToStream(
          `account-${tag}-${w}`,
          [{ type: sample.type, data: sample.data as never }],
          {
            expectedStreamVersion: BigInt(version),
          },
        );
      };
      const rates = new Map<number, { pbx: number[]; grouped: number[]; emmett: number[] }>();
      // The client's CPU per append (the driver included): where the server's share is not.
      const cpu = new Map<number, { pbx: number[]; emmett: number[] }>();
      for (const writers of WRITERS) {
        rates.set(writers, { pbx: [], grouped: [], emmett: [] });
        cpu.set(writers, { pbx: [], emmett: [] });
      }
      const keep = (into: number[], cpuInto: number[] | undefined) => (rate: Rate) => {
        into.push(rate.perSecond);
        cpuInto?.push(rate.cpuMicros);
      };
      for (let round = 0; round < rounds; round++) {
        for (const writers of WRITERS) {
          const measured = rates.get(writers)!;
          const client = cpu.get(writers)!;
          const sides = [
            async () =>
              keep(measured.pbx, client.pbx)(await appendRate(writers, windowMs, onPbx(plain, `p${run++}`))),
            async () =>
              keep(
                measured.emmett,
                client.emmett,
              )(await appendRate(writers, windowMs, onEmmett(`e${run++}`))),
            async () =>
              keep(
                measured.grouped,
                undefined,
              )(await appendRate(writers, windowMs, onPbx(grouped, `g${run++}`))),
          ];
          for (let i = 0; i < sides.length; i++) await sides[(i + round) % sides.length]!();
        }
      }
      const at = (writers: number) => rates.get(writers)!;
      for (const writers of WRITERS) {
        const r = at(writers);
        const perRound = r.pbx.map((p, i) => p / r.emmett[i]!);
        const c = cpu.get(writers)!;
        const detail = `${human(median(r.pbx))}/s (group commit ${human(median(r.grouped))}/s) vs Emmett ${human(median(r.emmett))}/s; ratio per round ${range(perRound)}; client CPU per append ${median(c.pbx).toFixed(0)} µs vs ${median(c.emmett).toFixed(0)} µs`;
        const name = `appends/s, ${writers} writer${writers > 1 ? 's' : ''} on own streams, durable`;
        lines.push(
          writers >= 16
            ? ratioLine(name, detail, median(perRound), { atLeast: 1.5 })
            : { name, detail, ratio: median(perRound) },
        );
      }
      for (const writers of [16, 64]) {
        lines.push(
          ratioLine(
            `appends/s at ${writers} writers against 2 500/s`,
            `${human(median(at(writers).pbx))}/s, rounds ${range(at(writers).pbx, 0)}`,
            median(at(writers).pbx) / 2_500,
            { atLeast: 1 },
          ),
        );
      }
      const scaling = at(16).pbx.map((p, i) => p / at(1).pbx[i]!);
      lines.push(
        ratioLine('appends/s, 16 writers over 1 writer', `per round ${range(scaling)}`, median(scaling), {
          atLeast: 2,
        }),
        ratioLine(
          'group commit, single-event commands/s at 64 writers against 10 000/s',
          `${human(median(at(64).grouped))}/s, rounds ${range(at(64).grouped, 0)}`,
          median(at(64).grouped) / 10_000,
          { atLeast: 1 },
        ),
      );

      await emmett.close();
      return lines;
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await emmettPool.end().catch(() => undefined);
      await pool.query(`DROP DATABASE IF EXISTS "${emmettDb}" WITH (FORCE)`).catch(() => undefined);
      await pool.end();
      await server.stop();
    }
  },
};

export default benchmark;
