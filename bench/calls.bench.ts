/**
 * Calls benchmark (issue 4 #5): registers 10^6 calls from 10^5 distinct clients through
 * `decide` + fold (the account decider's recipe on a private state), with the missed-call,
 * visit-card and unreached notices on and smart callback enabled. Prints calls per second and
 * bytes of state per tracked client, each as a ratio to a plain Map-based hand-written
 * reference doing the same bookkeeping in the same run (duplicates, visit cards with a 30-day
 * month, suppression, SMS balance with renewal, callback windows; no events). Commands are built
 * in chunks outside the timed sections; times are CPU time of the process. `BENCH_SCALE` shrinks
 * both counts.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { createPrng } from '../examples/month/prng.js';
import type { AccountCommand, AccountCommandOf } from '../src/account/commands.js';
import { createAccountDecider } from '../src/account/decider.js';
import type { AccountEvent } from '../src/account/events.js';
import type { AccountState, AccountStateDraft } from '../src/account/state.js';
import type { Scenario } from '../src/notifications/scenario.js';
import { type BenchLine, type Benchmark, cpuNow, human, ratioLine } from './harness.js';

const ACCOUNT = 'acc-bench';
const OPENED_AT = '2025-04-21T10:00:00+03:00';
const MKN = '+74951234567';
const OPERATORS = ['+79161234567', '+79161234568', '+79161234569', '+79161234570'];
const CHUNK = 10_000;
const MINUTE = 60_000;

/**
 * The garbage collector when node runs with `--expose-gc` (exact heap deltas). Without it the
 * deltas are an estimate that includes garbage not yet collected. (Turning the flag on at run
 * time through V8 slows every later benchmark in the process several times, so it is not done.)
 */
const gc = (globalThis as { gc?: () => void }).gc;
const how =
  typeof gc === 'function'
    ? 'heap after global.gc'
    : 'estimate: process.memoryUsage delta without gc; exact with node --expose-gc --import tsx bench/run.ts calls';
const heapUsed = (): number => {
  if (typeof gc === 'function') {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
};

/** The demo's seeded mulberry32, as a fraction: the same sequence on every run. */
const prng = (seed: number) => createPrng(seed).fraction;

type CallData = AccountCommandOf<'RegisterCall'>['data'];

/** The workload in chunks: one call every 3 s from a start a day after opening (≈ 35 days for 10^6). */
function* workload(calls: number, clients: number): Generator<AccountCommandOf<'RegisterCall'>[]> {
  const random = prng(42);
  const numbers = Array.from({ length: clients }, (_, i) => `+7912${String(1_000_000 + i).padStart(7, '0')}`);
  const start = Date.parse('2025-04-22T00:00:00Z');
  for (let from = 0; from < calls; from += CHUNK) {
    const chunk: AccountCommandOf<'RegisterCall'>[] = [];
    for (let i = from; i < Math.min(calls, from + CHUNK); i++) {
      const r = random();
      const outgoing = r < 0.3;
      const outcome = random() < 0.6 ? 'answered' : random() < 0.5 ? 'missed' : 'busy';
      // A retried report of the previous call now and then.
      const callId = random() < 0.01 && i > 0 ? `call-${i - 1}` : `call-${i}`;
      const data: CallData = {
        callId,
        direction: outgoing ? 'outgoing' : 'incoming',
        line: !outgoing && random() < 0.1 ? 'direct' : 'multichannel',
        client: numbers[Math.floor(random() * clients)] as string,
        outcome,
        multichannelNumber: MKN,
        operator: OPERATORS[i & 3] as string,
      };
      const at = new Date(start + i * 3000).toISOString();
      chunk.push({
        type: 'RegisterCall',
        data,
        metadata: { commandId: `c-${i}`, accountId: ACCOUNT, at, actor: 'pbx' },
      });
    }
    yield chunk;
  }
}

const setupCommands = (): AccountCommand[] => {
  const meta = (n: number) => ({
    commandId: `setup-${n}`,
    accountId: ACCOUNT,
    at: OPENED_AT,
    actor: 'bench',
  });
  const configure = (n: number, scenario: Scenario, text: string) =>
    ({
      type: 'ConfigureNotification',
      data: { scenario, sms: true, telegram: n % 2 === 0, text },
      metadata: meta(n),
    }) as AccountCommand;
  return [
    { type: 'OpenAccount', data: { tariffId: 'basic' }, metadata: meta(0) } as AccountCommand,
    { type: 'PurchaseSmsPackage', data: { size: 3000 }, metadata: meta(1) },
    { type: 'EnableSmartCallback', data: {}, metadata: meta(2) },
    configure(3, 'incoming-missed-call', 'Здравствуйте, спасибо за ваш звонок. Наш оператор перезвонит вам.'),
    configure(4, 'incoming-visit-card', 'ООО «Ромашка»: +7 495 123-45-67'),
    configure(5, 'outgoing-unreached', 'Мы не смогли до вас дозвониться, перезвоните нам.'),
    configure(6, 'outgoing-visit-card', 'Ромашка: romashka.ru'),
  ];
};

/** The numbers, as the numbers capability would have recorded them. */
const numberEvents = (): AccountEvent[] => {
  const metadata = { at: OPENED_AT, commandId: 'numbers', actor: 'bench' };
  return [
    { type: 'MultichannelNumberAdded', data: { number: MKN, main: true, extraMonthlyFee: 0 }, metadata },
    ...OPERATORS.map(
      (number): AccountEvent => ({
        type: 'NumberAdded',
        data: { number, kind: 'regular', fullName: 'Оператор', department: 'Продажи' },
        metadata,
      }),
    ),
    {
      type: 'NumberOptionEnabled',
      data: {
        option: 'callerId',
        numbers: OPERATORS.slice(0, 3),
        skipped: [],
        monthlyFee: 10_000,
        callerIdNumber: MKN,
      },
      metadata,
    },
  ];
};

/** Decides and folds every call onto a private state. Returns the state and the time spent. */
const runOurs = (calls: number, clients: number) => {
  const decider = createAccountDecider();
  const recipe = decider.recipe as unknown as (draft: AccountStateDraft, event: AccountEvent) => void;
  const state = decider.fold(numberEvents()) as unknown as AccountStateDraft;
  for (const command of setupCommands()) {
    const result = decider.decide(command, state as AccountState);
    if (isLeft(result)) throw new Error(`${command.type}: ${result.left.message}`);
    for (const event of result.right) recipe(state, event);
  }
  let ms = 0;
  let events = 0;
  for (const chunk of workload(calls, clients)) {
    const t0 = cpuNow();
    for (const command of chunk) {
      const result = decider.decide(command, state as AccountState);
      if (isLeft(result)) throw new Error(`${command.type}: ${result.left.message}`);
      const decided = result.right;
      for (let i = 0; i < decided.length; i++) recipe(state, decided[i] as AccountEvent);
      events += decided.length;
    }
    ms += cpuNow() - t0;
  }
  return { state, ms, events };
};

/** The reference: the same bookkeeping by hand over a Map, without events. */
interface RefClient {
  lastIn: number;
  lastOut: number;
  lastMissed: number;
  lastUnreached: number;
  ids: string[];
}
const runReference = (calls: number, clients: number) => {
  const book = new Map<string, RefClient>();
  const windows = new Map<string, { operator: string; expiresAt: number }>();
  const withCallerId = new Set(OPERATORS.slice(0, 3));
  const month = 30 * 24 * 60 * MINUTE;
  let balance = 3000;
  let sent = 0;
  let ms = 0;
  for (const chunk of workload(calls, clients)) {
    const t0 = cpuNow();
    for (const { data, metadata } of chunk) {
      const at = Date.parse(metadata.at);
      let rec = book.get(data.client);
      if (rec?.ids.includes(data.callId)) continue;
      if (rec === undefined) {
        rec = { lastIn: -1, lastOut: -1, lastMissed: -1, lastUnreached: -1, ids: [] };
        book.set(data.client, rec);
      }
      const unanswered = data.outcome !== 'answered';
      const spend = (n: number) => {
        if (balance < n) balance += 3000;
        balance -= n;
        sent++;
      };
      if (data.direction === 'incoming') {
        if (data.line === 'multichannel') {
          if (unanswered && (rec.lastMissed < 0 || at - rec.lastMissed >= 60 * MINUTE)) {
            spend(1);
            rec.lastMissed = at;
          }
          if (rec.lastIn < 0 || at - rec.lastIn >= month) spend(1);
          rec.lastIn = at;
        }
      } else {
        if (unanswered && (rec.lastUnreached < 0 || at - rec.lastUnreached >= 60 * MINUTE)) {
          spend(1);
          rec.lastUnreached = at;
        }
        if (rec.lastOut < 0 || at - rec.lastOut >= month) spend(1);
        rec.lastOut = at;
        if (unanswered && data.operator !== undefined && withCallerId.has(data.operator))
          windows.set(data.client, { operator: data.operator, expiresAt: at + 60 * MINUTE });
      }
      if (rec.ids.length >= 8) rec.ids.splice(0, 1);
      rec.ids.push(data.callId);
    }
    ms += cpuNow() - t0;
  }
  return { book, windows, ms, sent };
};

const benchmark: Benchmark = {
  name: 'calls',
  run(scale) {
    const calls = Math.max(10_000, Math.round(1_000_000 * scale));
    const clients = Math.max(1_000, Math.round(100_000 * scale));
    const lines: BenchLine[] = [];

    let before = heapUsed();
    let ours: ReturnType<typeof runOurs> | undefined = runOurs(calls, clients);
    const oursBytes = heapUsed() - before;
    const tracked = ours.state.calls.clients.size;
    const oursMs = ours.ms;
    const oursEvents = ours.events;
    ours = undefined;

    before = heapUsed();
    let reference: ReturnType<typeof runReference> | undefined = runReference(calls, clients);
    const referenceBytes = heapUsed() - before;
    const referenceTracked = reference.book.size;
    const referenceMs = reference.ms;
    reference = undefined;
    void ours;
    void reference;

    const oursRate = (calls / oursMs) * 1000;
    const referenceRate = (calls / referenceMs) * 1000;
    lines.push(
      ratioLine(
        `register ${human(calls)} calls from ${human(clients)} clients`,
        `decide + fold ${oursMs.toFixed(0)} ms = ${human(oursRate)} calls/s (${human(oursEvents)} events) vs hand-written Map ${referenceMs.toFixed(0)} ms = ${human(referenceRate)} calls/s`,
        oursRate / referenceRate,
        { atLeast: 0.25 },
      ),
    );
    const perClient = oursBytes / tracked;
    const referencePerClient = referenceBytes / referenceTracked;
    const memoryName = `state per tracked client (${human(tracked)} clients)`;
    const memoryDetail = `${perClient.toFixed(0)} B vs hand-written Map ${referencePerClient.toFixed(0)} B (${how})`;
    const memoryRatio = perClient / referencePerClient;
    // Without gc the figure is an estimate that garbage can swing either way: no goal is checked.
    lines.push(
      typeof gc === 'function'
        ? ratioLine(memoryName, memoryDetail, memoryRatio, { atMost: 2 })
        : { name: memoryName, detail: memoryDetail, ratio: memoryRatio },
    );
    return lines;
  },
};

export default benchmark;
