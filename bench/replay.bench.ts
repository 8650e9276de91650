/**
 * Replay of the account's own events: a generated month of one busy account (bench/workload)
 * at 10^5 and 10^6 events, as a load from a database hands them (each row's JSON parsed), folded
 * by `replay` and by a hand-written mutable fold of the same event objects (bench/workload/
 * hand-fold.ts) in the same process; at 10^5 also the in-memory store's copies (no goal). Rounds alternate the two sides (which one goes first,
 * too), each side timed in CPU ms after a garbage collection, its best of a few runs per round
 * at 10^5; the ratio hand-written / replay is taken per round and printed as its median
 * (smallest–largest). Goal ≥ 0.5 at both sizes.
 * Before timing, both folds must agree on the account's facts.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { replay } from '../src/account/decider.js';
import type { AccountEvent } from '../src/account/events.js';
import type { AccountState } from '../src/account/state.js';
import { createInMemoryEventStore } from '../src/kernel/in-memory-event-store.js';
import { alternate, type BenchLine, type Benchmark, human, ratios, spreadLine, spreadOf } from './harness.js';
import { accountMonth, mixOf } from './workload/account-month.js';
import { type Facts, factsOf, handFold } from './workload/hand-fold.js';

/** The facts of a replayed state, as the hand-written fold counts them. */
export const replayedFacts = (s: AccountState): Facts => ({
  recordings: s.storage.recordings.size,
  usedBytes: s.storage.usedBytes,
  pinnedBytes: s.storage.pinnedBytes,
  packs: s.storage.packs.length,
  smsBalance: s.sms.balance,
  clients: s.calls.clients.size,
  registered: s.calls.registered,
  windows: s.smartCallback.windows.size,
  users: Object.keys(s.numbers.users).length,
  shortNumbers: Object.keys(s.numbers.shortNumbers).length,
});

/** Where a load gets the events from. */
type Source = 'database' | 'memory';

/**
 * The workload's events as a load gets them: from a database, each row's JSON parsed on its own
 * (what the PostgreSQL store's driver and decoder hand over), or from the in-memory store (the
 * frozen copies it keeps). The hand-written fold also sees the objects the workload's recipes
 * saw while it was made, so both sides have met the same object shapes before the timing.
 */
export const loadedEvents = async (size: number, source: Source): Promise<readonly AccountEvent[]> => {
  const workload = accountMonth(size);
  const made = workload.events as unknown as readonly AccountEvent[];
  handFold(made);
  if (source === 'database') return made.map((event) => JSON.parse(JSON.stringify(event)) as AccountEvent);
  const store = createInMemoryEventStore<AccountEvent>();
  const appended = await store.appendToStream(workload.streamId, made, {
    expectedVersion: 0,
    eventIds: workload.events.map((e) => e.metadata.eventId),
  })();
  if (isLeft(appended)) throw new Error(appended.left.message);
  const read = await store.readStream(workload.streamId)();
  if (isLeft(read)) throw new Error(read.left.message);
  return read.right as unknown as readonly AccountEvent[];
};

const FROM: Record<Source, string> = {
  database: 'parsed from JSON rows, as a database load hands them',
  memory: "the in-memory store's frozen copies",
};

const replayLine = async (
  size: number,
  source: Source,
  rounds: number,
  repeats: number,
  goal: boolean,
): Promise<BenchLine[]> => {
  const events = await loadedEvents(size, source);
  const ours = JSON.stringify(replayedFacts(replay(events)));
  const theirs = JSON.stringify(factsOf(handFold(events)));
  if (ours !== theirs) throw new Error(`replay and the hand-written fold disagree: ${ours} vs ${theirs}`);
  const times = await alternate(
    rounds,
    () => handFold(events),
    () => replay(events),
    repeats,
  );
  const hand = spreadOf(times.a).median;
  const ourMs = spreadOf(times.b).median;
  return [
    ...(source === 'database'
      ? [{ name: `workload ${human(events.length)}`, detail: mixOf(events, 6) }]
      : []),
    spreadLine(
      `replay ${human(events.length)} events (${FROM[source]}) vs a hand-written mutable fold`,
      `replay ${ourMs.toFixed(1)} ms (${human((events.length / ourMs) * 1000)} events/s), hand-written ${hand.toFixed(1)} ms (CPU ms, best of ${repeats} per round, medians of ${rounds} rounds)`,
      ratios(times.a, times.b),
      goal ? { atLeast: 0.5 } : {},
    ),
  ];
};

const benchmark: Benchmark = {
  name: 'replay (ratio: hand-written fold time / replay time, per round)',
  async run(scale) {
    const small = Math.max(10_000, Math.round(100_000 * scale));
    const large = Math.max(20_000, Math.round(1_000_000 * scale));
    return [
      ...(await replayLine(small, 'database', 11, 3, true)),
      ...(await replayLine(small, 'memory', 11, 3, false)),
      ...(await replayLine(large, 'database', 5, 1, true)),
    ];
  },
};

export default benchmark;
