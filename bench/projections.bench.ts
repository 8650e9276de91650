/**
 * Projections benchmark (issue 5 #5): projects 10^6 events of one account into every read model
 * (quota usage, SMS balance, billing, tariff card, numbers table, history, outbox) in one pass
 * over private views, as a catch-up rebuild does, and prints events per second as a ratio to
 * replaying the aggregate alone (`replay`) over the same events in the same run. Also each
 * projection alone, and the incremental path: one event applied through immer to views of the
 * whole history, against the aggregate's `evolve` on its state.
 *
 * The events are decided by the real account decider from a deterministic mix of commands
 * (calls with notices and SMS renewals, recordings with packs and evictions, option and number
 * churn, Telegram toggles, renewals), outside the timed sections. `BENCH_SCALE` shrinks the count.
 */
import { performance } from 'node:perf_hooks';
import { isLeft } from 'fp-ts/lib/Either.js';
import { createPrng } from '../examples/month/prng.js';
import type { AccountCommand } from '../src/account/commands.js';
import { createAccountDecider, replay } from '../src/account/decider.js';
import type { AccountEvent } from '../src/account/events.js';
import type { AccountState, AccountStateDraft } from '../src/account/state.js';
import { type AnyProjection, accountProjections } from '../src/projections/index.js';
import { type BenchLine, type Benchmark, human, ratioLine, timeIt } from './harness.js';

const ACCOUNT = 'acc-bench';
const MKN = '+74951234567';
const SCENARIOS = [
  'incoming-missed-call',
  'incoming-visit-card',
  'outgoing-unreached',
  'outgoing-visit-card',
] as const;
const OPTIONS = ['callerId', 'recording', 'shortNumber', 'melody'] as const;
const MB = 1024 * 1024;

/** The demo's seeded mulberry32, as a fraction: the same sequence on every run. */
const prng = (seed: number) => createPrng(seed).fraction;

const employee = (i: number): string => `+7912${String(1_000_000 + i).padStart(7, '0')}`;

/** Decides a deterministic mix of commands until `count` events are produced. */
const generate = (count: number): AccountEvent[] => {
  const random = prng(7);
  const decider = createAccountDecider();
  const recipe = decider.recipe as unknown as (draft: AccountStateDraft, event: AccountEvent) => void;
  const state = decider.fold([]) as unknown as AccountStateDraft;
  const events: AccountEvent[] = [];
  let n = 0;
  let atMs = Date.parse('2025-04-21T10:00:00+03:00');
  const run = (type: string, data: object): void => {
    const command = {
      type,
      data,
      metadata: {
        commandId: `c-${n++}`,
        accountId: ACCOUNT,
        at: new Date(atMs).toISOString(),
        actor: 'bench',
      },
    } as AccountCommand;
    const result = decider.decide(command, state as AccountState);
    if (isLeft(result)) return; // refused commands are part of a realistic mix; they append nothing
    for (const event of result.right) {
      recipe(state, event);
      events.push(event);
    }
  };
  run('OpenAccount', { tariffId: 'basic' });
  run('AddMultichannelNumber', { number: MKN });
  for (let i = 0; i < 40; i++)
    run('AddNumber', {
      number: employee(i),
      kind: i % 8 === 7 ? 'added' : 'regular',
      fullName: `Сотрудник ${i}`,
      department: 'Продажи',
    });
  run('EnableRecording', {});
  run('SetAutoAddPacks', { enabled: true });
  run('PurchaseSmsPackage', { size: 3000 });
  run('EnableSmartCallback', {});
  run('EnableNumberOption', {
    option: 'callerId',
    numbers: [employee(0), employee(1), employee(2)],
    skipIneligible: true,
  });
  for (const scenario of SCENARIOS)
    run('ConfigureNotification', {
      scenario,
      sms: true,
      telegram: false,
      text: 'Спасибо за звонок! Перезвоним.',
    });
  let call = 0;
  while (events.length < count) {
    atMs += 1000 + Math.floor(random() * 4000);
    const r = random();
    const paidUntil = state.tariff.subscription?.paidUntil;
    if (paidUntil !== undefined && atMs >= Date.parse(paidUntil)) run('RenewSubscription', {});
    else if (r < 0.7) {
      const outgoing = random() < 0.3;
      run('RegisterCall', {
        callId: `call-${call++}`,
        direction: outgoing ? 'outgoing' : 'incoming',
        line: 'multichannel',
        multichannelNumber: MKN,
        client: `+7916${String(1_000_000 + Math.floor(random() * 50_000)).padStart(7, '0')}`,
        operator: employee(Math.floor(random() * 3)),
        outcome: random() < 0.6 ? 'answered' : 'missed',
      });
    } else if (r < 0.9) {
      const id = `rec-${call}`;
      run('StoreRecording', {
        recordingId: id,
        callId: `call-${call}`,
        source: { kind: 'multichannel', number: MKN },
        sizeBytes: (1 + Math.floor(random() * 8)) * MB,
        durationSeconds: 60,
        recordedAt: new Date(atMs).toISOString(),
      });
    } else if (r < 0.95) {
      run('RouteIncomingCall', {
        client: `+7916${String(1_000_000 + Math.floor(random() * 50_000)).padStart(7, '0')}`,
        multichannelNumber: MKN,
      });
    } else {
      const option = OPTIONS[Math.floor(random() * 4)]!;
      const numbers = [employee(Math.floor(random() * 40)), employee(Math.floor(random() * 40))];
      const churn = random();
      if (churn < 0.35)
        run('EnableNumberOption', { option, numbers: [...new Set(numbers)], skipIneligible: true });
      else if (churn < 0.7)
        run('DisableNumberOption', { option, numbers: [...new Set(numbers)], skipIneligible: true });
      else if (churn < 0.85) {
        const scenario = SCENARIOS[Math.floor(random() * 4)]!;
        run('ConfigureNotification', {
          scenario,
          sms: true,
          telegram: random() < 0.5,
          text: 'Спасибо за звонок! Перезвоним.',
        });
      } else run('RemoveStoragePack', { confirmEviction: true });
    }
  }
  events.length = count;
  return events;
};

/** One pass over the events applying every projection's recipe to private views (a rebuild). */
const projectAll = (projections: readonly AnyProjection[], events: readonly AccountEvent[]): unknown[] => {
  const views = projections.map((p) => structuredClone(p.initial));
  const recipes = projections.map((p) => p.recipe.bind(p) as (view: unknown, event: AccountEvent) => void);
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    for (let j = 0; j < recipes.length; j++) recipes[j]!(views[j], event);
  }
  return views;
};

const benchmark: Benchmark = {
  name: 'projections',
  run(scale) {
    const count = Math.max(10_000, Math.round(1_000_000 * scale));
    const t0 = performance.now();
    const events = generate(count);
    const generatedMs = performance.now() - t0;
    const byType = new Map<string, number>();
    for (const e of events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
    const types = byType.size;
    const top = [...byType]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([type, n]) => `${type} ${((100 * n) / count).toFixed(0)}%`)
      .join(', ');
    const lines: BenchLine[] = [];
    const projections = Object.values(accountProjections) as AnyProjection[];

    const replayMs = timeIt(() => void replay(events), 3);
    const allMs = timeIt(() => void projectAll(projections, events), 3);
    const rate = (ms: number) => (count / ms) * 1000;
    lines.push({
      name: 'workload',
      detail: `${human(count)} events of ${types} types decided in ${(generatedMs / 1000).toFixed(1)} s (not timed): ${top}`,
    });
    lines.push({
      name: 'replay (reference)',
      detail: `${(replayMs).toFixed(0)} ms = ${human(rate(replayMs))} events/s`,
    });
    lines.push(
      ratioLine(
        'all 7 read models, one pass',
        `${allMs.toFixed(0)} ms = ${human(rate(allMs))} events/s`,
        rate(allMs) / rate(replayMs),
        { atLeast: 0.5 },
      ),
    );
    for (const projection of projections) {
      const ms = timeIt(() => void projectAll([projection], events), 2);
      lines.push({
        name: `  ${projection.name}`,
        detail: `${ms.toFixed(0)} ms = ${human(rate(ms))} events/s, ratio ${(rate(ms) / rate(replayMs)).toFixed(2)}`,
      });
    }

    // Incremental: one event through immer onto views of the whole history vs evolve on its state.
    const tail = events.slice(-2000);
    const head = events.slice(0, -2000);
    const views = projections.map((p) => p.fold(head));
    const decider = createAccountDecider();
    const state = decider.fold(head);
    const applyMs = timeIt(() => {
      for (const event of tail)
        for (let j = 0; j < projections.length; j++) projections[j]!.apply(views[j] as never, event);
    }, 3);
    const evolveMs = timeIt(() => {
      for (const event of tail) decider.evolve(state, event);
    }, 3);
    const perApply = (applyMs * 1000) / tail.length;
    const perEvolve = (evolveMs * 1000) / tail.length;
    lines.push(
      ratioLine(
        'incremental apply (immer, all 7) vs evolve',
        `${perApply.toFixed(1)} µs vs ${perEvolve.toFixed(1)} µs per event on a ${human(head.length)}-event history`,
        perApply / perEvolve,
        { atMost: 7 },
      ),
    );
    return lines;
  },
};

export default benchmark;
