/**
 * Commands on a real account: the generated month of bench/workload at 10^5 events, kept in
 * the in-memory store, and `StoreRecording` commands a service would send next (validated,
 * decided, appended through the account command handler). Prints:
 * - a cold command: a handler with no cache and no snapshot reads and folds the whole stream
 *   (goal ≤ 10 ms), against Emmett 0.42's `CommandHandler` over its in-memory store on the same
 *   events (bench/workload/emmett-peer.ts; goal ≥ 5× faster), and its fold against a hand-written
 *   fold of just the events that decision reads (bench/workload/hand-fold.ts), the least such a
 *   fold costs;
 * - the load of the account from the in-memory store: `readStream` + `replay` (goal ≤ 50 ms),
 *   first in a fresh process and again after the commands below (a service loads accounts
 *   after it has handled commands for others);
 * - the cached command: one command on the cached 10^5-event stream against one on a fresh
 *   account (goal ≤ 3×, so it does not grow with history), and against Emmett (which folds the
 *   stream on every command).
 * Every figure is CPU ms, rounds alternating the two sides, the ratio taken per round and
 * printed as its median (smallest–largest).
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { AccountCommand } from '../src/account/commands.js';
import { createAccountDecider, replay } from '../src/account/decider.js';
import { eventsRelevantTo } from '../src/account/decision-scopes.js';
import type { AccountEvent } from '../src/account/events.js';
import { createCommandHandler } from '../src/account/handler.js';
import { createInMemoryEventStore } from '../src/kernel/in-memory-event-store.js';
import {
  alternate,
  type BenchLine,
  type Benchmark,
  cpuNow,
  human,
  ratios,
  settle,
  spreadLine,
  spreadOf,
} from './harness.js';
import { type AccountWorkload, accountMonth } from './workload/account-month.js';
import { emmettPeer } from './workload/emmett-peer.js';
import { handFold } from './workload/hand-fold.js';

const storeWith = async (streamId: string, events: readonly AccountEvent[]) => {
  const store = createInMemoryEventStore<AccountEvent>();
  for (let from = 0; from < events.length; from += 10_000) {
    const batch = events.slice(from, from + 10_000);
    const appended = await store.appendToStream(streamId, batch, { expectedVersion: from })();
    if (isLeft(appended)) throw new Error(appended.left.message);
  }
  return store;
};

type Handler = ReturnType<typeof createCommandHandler>;

const send = async (handler: Handler, command: AccountCommand): Promise<void> => {
  const result = await handler.handleUnknown(command)();
  if (isLeft(result)) throw new Error(`${command.type}: ${result.left.message}`);
  if (result.right.events.length === 0) throw new Error(`${command.type} appended nothing`);
};

/** The set-up of the workload's account (everything before its first call): a fresh account. */
const setUpOf = (workload: AccountWorkload): AccountEvent[] => {
  const events = workload.events as unknown as AccountEvent[];
  const firstCall = events.findIndex((e) => e.type === 'CallRegistered');
  return events.slice(0, firstCall);
};

const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(1)} ms`);

const benchmark: Benchmark = {
  name: 'command (a 10^5-event account; CPU time)',
  async run(scale) {
    const size = Math.max(10_000, Math.round(100_000 * scale));
    const workload = accountMonth(size);
    const events = workload.events as unknown as AccountEvent[];
    const { streamId } = workload;
    const lines: BenchLine[] = [];
    let next = 0;
    const nextCommand = () => workload.nextCommand(next++);

    const store = await storeWith(streamId, events);
    // The loads read a store of their own: the commands below append to `store`, and the load
    // measured after them is of the same 10^5 events.
    const loadStore = await storeWith(streamId, events);

    // Load: read the stream and fold it, as a handler with a cache does on its first command.
    // Nine rounds, each keeping the best of three loads, as every two-sided figure here does: a
    // burst of another process's work on the shared cores lands on one load, not on the round.
    const loads = async (): Promise<number[]> => {
      const times: number[] = [];
      for (let round = 0; round < 9; round++) {
        let best = Number.POSITIVE_INFINITY;
        for (let run = 0; run < 3; run++) {
          await settle();
          const start = cpuNow();
          const read = await loadStore.readStream(streamId)();
          if (isLeft(read)) throw new Error(read.left.message);
          replay(read.right as unknown as AccountEvent[]);
          best = Math.min(best, cpuNow() - start);
        }
        times.push(best);
      }
      return times;
    };
    lines.push(
      spreadLine(
        `load of the ${human(size)}-event account from the in-memory store`,
        'readStream + replay (best of 3 per round)',
        await loads(),
        { atMost: 50 },
        'ms',
      ),
    );

    // Cold: no cache, no snapshot; every command reads and folds the stream.
    const cold = createCommandHandler({ eventStore: store, cacheSize: 0 });
    const emmett = await emmettPeer(streamId, events);
    await send(cold, nextCommand());
    await emmett.handle(nextCommand());
    const coldRounds = 15;
    const coldTimes = await alternate(
      coldRounds,
      () => emmett.handle(nextCommand()),
      () => send(cold, nextCommand()),
    );
    lines.push(
      spreadLine(
        `cold command on a ${human(size)}-event account (no cache, no snapshot)`,
        'one StoreRecording: decode, read the stream, fold it, decide, append',
        coldTimes.b,
        { atMost: 10 },
        'ms',
      ),
    );
    lines.push(
      spreadLine(
        '  vs Emmett 0.42 CommandHandler, in-memory store, mutable evolve',
        `Emmett ${ms(spreadOf(coldTimes.a).median)} per command (ratio: Emmett / ours)`,
        ratios(coldTimes.a, coldTimes.b),
        { atLeast: 5 },
      ),
    );

    // The cold command's fold against a hand-written fold of just the events its decision reads
    // (the reference is handed them already picked out): what folding them costs at the least.
    const scoped = createAccountDecider().scopedTo?.(nextCommand());
    if (scoped === undefined) throw new Error('the account decider folds for one command');
    const read = await store.readStream(streamId)();
    if (isLeft(read)) throw new Error(read.left.message);
    const stored = read.right as unknown as AccountEvent[];
    const relevant = eventsRelevantTo('StoreRecording');
    const needed = stored.filter((event) => relevant.has(event.type));
    const folds = await alternate(
      15,
      () => handFold(needed),
      () => scoped.fold(stored),
    );
    lines.push(
      spreadLine(
        `  its fold vs a hand-written fold of the ${human(needed.length)} events that decision reads`,
        `ours ${ms(spreadOf(folds.b).median)} vs hand ${ms(spreadOf(folds.a).median)} (ratio: hand / ours)`,
        ratios(folds.a, folds.b),
        {},
      ),
    );

    // Cached: the default handler keeps the state; a command costs what it touches.
    const cached = createCommandHandler({ eventStore: store });
    const freshStore = await storeWith(streamId, setUpOf(workload));
    const fresh = createCommandHandler({ eventStore: freshStore });
    await send(cached, nextCommand());
    await send(fresh, nextCommand());
    const batch = 200;
    const cachedTimes = await alternate(
      15,
      async () => {
        for (let i = 0; i < batch; i++) await send(cached, nextCommand());
      },
      async () => {
        for (let i = 0; i < batch; i++) await send(fresh, nextCommand());
      },
    );
    const perCached = spreadOf(cachedTimes.a).median / batch;
    const perFresh = spreadOf(cachedTimes.b).median / batch;
    lines.push(
      spreadLine(
        `cached command on the ${human(size)}-event account vs on a fresh account`,
        `${ms(perCached)} vs ${ms(perFresh)} per StoreRecording (ratio: ${human(size)} / fresh)`,
        ratios(cachedTimes.a, cachedTimes.b),
        { atMost: 3 },
      ),
    );
    const emmettBatch = 3;
    const vsEmmett = await alternate(
      9,
      async () => {
        for (let i = 0; i < emmettBatch; i++) await emmett.handle(nextCommand());
      },
      async () => {
        for (let i = 0; i < batch; i++) await send(cached, nextCommand());
      },
    );
    lines.push(
      spreadLine(
        '  vs Emmett 0.42 (no cache: it folds the stream on every command)',
        `Emmett ${ms(spreadOf(vsEmmett.a).median / emmettBatch)} vs ours ${ms(spreadOf(vsEmmett.b).median / batch)} per command (ratio: Emmett / ours)`,
        ratios(
          vsEmmett.a.map((t) => t / emmettBatch),
          vsEmmett.b.map((t) => t / batch),
        ),
        {},
      ),
    );
    // A service loads accounts after it has served commands: the same load, in this process now.
    lines.push(
      spreadLine(
        '  the same load after the cached commands above',
        'readStream + replay (best of 3 per round) in a process that has handled commands',
        await loads(),
        { atMost: 50 },
        'ms',
      ),
    );
    return lines;
  },
};

export default benchmark;
