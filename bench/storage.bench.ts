/**
 * Storage benchmark (issue 3, must show #5): stores 10^6 recordings under quota pressure through
 * the account decider (decide each `StoreRecording`, fold its events with the recipe), so that
 * most of them evict older ones; a tenth arrive late (recorded before the tail). Reports:
 * - time(10^6) / time(10^5) in CPU time (goal ≤ 12: the per-recording cost stays flat, no shift
 *   or copy);
 * - the per-recording cost against a plain hand-written array queue in the same run;
 * - one `evolve` through immer on a state holding 200× more recordings (bounded cost: goal ≤ 4).
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { AccountCommand } from '../src/account/commands.js';
import { createAccountDecider, evolveAccount } from '../src/account/decider.js';
import type { AccountEvent } from '../src/account/events.js';
import { type AccountState, type AccountStateDraft, initialAccountState } from '../src/account/state.js';
import { BASIC_TARIFF, defaultCatalogue } from '../src/catalogue/default-catalogue.js';
import { type BenchLine, type Benchmark, human, ratioLine, timeIt } from './harness.js';

const decider = createAccountDecider();
const MKN = '+74951234567';
const MIB = 1024 ** 2;
const meta = { at: '2025-04-21T10:00:00+03:00', commandId: 'bench', actor: 'bench' };
/** 200 s after the opening: the late ones are still recorded after it. */
const START = Date.parse(meta.at) + 200_000;

/** Size of the i-th recording: 1–3 MiB, so the 1 GiB base holds about 500 of them. */
const sizeOf = (i: number) => MIB + ((i * 7919) % (2 * MIB));
/** Recorded instant of the i-th recording: one a second; every tenth arrives 200 s late, into the middle of the queue. */
const recordedAtOf = (i: number) => new Date(START + (i % 10 === 3 ? i - 200 : i) * 1000).toISOString();

const setupEvents = (): AccountEvent[] =>
  [
    {
      type: 'AccountOpened',
      data: {
        accountId: 'acc',
        tariff: { tariffId: BASIC_TARIFF, ...defaultCatalogue.tariffs[BASIC_TARIFF]! },
        timeZone: 'Europe/Moscow',
        openedAt: meta.at,
        periodStart: meta.at,
        paidUntil: '2025-05-21T10:00:00+03:00',
        autoRenewal: true,
      },
      metadata: meta,
    },
    {
      type: 'MultichannelNumberAdded',
      data: { number: MKN, main: true, extraMonthlyFee: 0 },
      metadata: meta,
    },
    {
      type: 'RecordingEnabled',
      data: { notice: true, liabilityAcknowledged: false, monthlyFee: 70000 },
      metadata: meta,
    },
  ] as AccountEvent[];

const recordingData = (i: number, sizeBytes: number) => ({
  recordingId: `rec-${i}`,
  callId: `call-${i}`,
  source: { kind: 'multichannel' as const, number: MKN },
  sizeBytes,
  durationSeconds: 60,
  recordedAt: recordedAtOf(i),
});

const store = (i: number): AccountCommand => ({
  type: 'StoreRecording',
  data: recordingData(i, sizeOf(i)),
  // Reported a second after it was recorded: time moves forward, the recording is not from the future.
  metadata: {
    commandId: `cmd-${i}`,
    accountId: 'acc',
    at: new Date(START + (i + 1) * 1000).toISOString(),
    actor: 'bench',
  },
});

/** Decides and folds `n` recordings; returns the number evicted. */
const runDecider = (n: number): number => {
  const state = initialAccountState();
  for (const event of setupEvents()) evolveAccount(state, event);
  let evicted = 0;
  for (let i = 0; i < n; i++) {
    const decision = decider.decide(store(i), state as AccountState);
    if (isLeft(decision)) throw new Error(decision.left.message);
    for (const event of decision.right) {
      if (event.type === 'RecordingsEvicted') evicted += event.data.recordings.length;
      evolveAccount(state, event);
    }
  }
  return evicted;
};

/** The reference: a hand-written array queue (head index, in arrival order) over the same sizes. */
const runReference = (n: number): number => {
  const quota = defaultCatalogue.tariffs[BASIC_TARIFF]!.baseStorageBytes;
  const queue: { id: string; size: number }[] = [];
  const held = new Map<string, number>();
  let head = 0;
  let used = 0;
  let evicted = 0;
  for (let i = 0; i < n; i++) {
    const command = store(i);
    if (command.type !== 'StoreRecording') continue;
    const { recordingId, sizeBytes } = command.data;
    if (held.has(recordingId)) throw new Error('duplicate');
    while (used + sizeBytes > quota) {
      const oldest = queue[head++]!;
      held.delete(oldest.id);
      used -= oldest.size;
      evicted++;
    }
    queue.push({ id: recordingId, size: sizeBytes });
    held.set(recordingId, sizeBytes);
    used += sizeBytes;
  }
  return evicted;
};

/** CPU milliseconds `fn` takes, user + system (best of `repeat` runs, no warm-up). */
const cpuTimeIt = (fn: () => void, repeat: number): number => {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
};

const benchmark: Benchmark = {
  name: 'storage',
  run(scale) {
    const lines: BenchLine[] = [];
    const large = Math.max(10_000, Math.round(1_000_000 * scale));
    const small = Math.round(large / 10);
    let evictedLarge = 0;
    // CPU time of this process (all its threads, GC included), not wall time: the machine is
    // shared, and a 10^6 run is long enough to be preempted where a 10^5 run is not. Runs of
    // both sizes alternate after a warm-up, so both see the same process state (a fresh process
    // runs its first few 10^5 recordings faster, whatever the size of the run); best of each.
    runDecider(small);
    runDecider(small);
    let tSmall = Number.POSITIVE_INFINITY;
    let tLarge = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 2; round++) {
      tSmall = Math.min(
        tSmall,
        cpuTimeIt(() => void runDecider(small), 1),
      );
      tLarge = Math.min(
        tLarge,
        cpuTimeIt(() => {
          evictedLarge = runDecider(large);
        }, 1),
      );
    }
    lines.push(
      ratioLine(
        `store ${human(large)} vs ${human(small)} recordings`,
        `${tLarge.toFixed(0)} ms vs ${tSmall.toFixed(0)} ms CPU; ${human(evictedLarge)} evicted (${((100 * evictedLarge) / large).toFixed(0)} %)`,
        tLarge / tSmall,
        { atMost: 12 },
      ),
    );
    runReference(small);
    const tReference = cpuTimeIt(() => void runReference(large), 2);
    lines.push({
      name: 'per recording vs hand-written array queue',
      detail: `decider ${((tLarge / large) * 1e6).toFixed(0)} ns, array queue ${((tReference / large) * 1e6).toFixed(0)} ns per recording (decide + events + fold vs bare queue)`,
      ratio: tLarge / tReference,
    });
    lines.push(immerLine(scale));
    return lines;
  },
};

/** One immer `evolve` of a stored recording (with its eviction) on a big state vs a small one. */
const immerLine = (scale: number): BenchLine => {
  const build = (n: number): AccountState => {
    const state: AccountStateDraft = initialAccountState();
    for (const event of setupEvents()) evolveAccount(state, event);
    // 1 byte each: everything fits, so the state holds all `n`.
    for (let i = 0; i < n; i++) {
      evolveAccount(state, { type: 'RecordingStored', data: recordingData(i, 1), metadata: meta });
    }
    return state as AccountState;
  };
  const big = Math.max(10_000, Math.round(200_000 * scale));
  const few = 1_000;
  const per = (state: AccountState) => {
    const rounds = 2_000;
    return (
      timeIt(() => {
        for (let i = 0; i < rounds; i++) {
          const decision = decider.decide(store(10_000_000 + i), state);
          if (isLeft(decision)) throw new Error(decision.left.message);
          let next = state;
          for (const event of decision.right) next = decider.evolve(next, event);
        }
      }, 3) / rounds
    );
  };
  const tBig = per(build(big));
  const tFew = per(build(few));
  return ratioLine(
    `immer evolve: ${human(big)} vs ${human(few)} recordings held`,
    `${(tBig * 1000).toFixed(1)} µs vs ${(tFew * 1000).toFixed(1)} µs per stored recording`,
    tBig / tFew,
    // What remains grows with the recordings map's buckets (n / 4096 keys copied per insert);
    // copying the queue or the map would be ~200× here.
    { atMost: 4 },
  );
};

export default benchmark;
