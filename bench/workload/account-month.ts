/**
 * A seeded month of one busy account, decided by the real account decider: the events a
 * replay, a load or a cold command of a real account has to fold.
 *
 * The account is opened on «Базовый» with two МКН and 150 numbers (130 employees, 20 external),
 * recording, storage auto-add, the four notification scenarios, the 3 000-SMS package and smart
 * callback. Then, until the wanted number of events is reached, commands arrive in time order
 * across 30 days (a second or more apart), as a call centre would send them:
 * - calls (52 %): incoming and outgoing, answered or not, most with their own start and end, a
 *   few direct and a few reported twice,
 *   from a population where a twentieth of the clients make most of the calls: notices, visit
 *   cards, suppressed notices, SMS package renewals and callback windows follow;
 * - routed calls (8 %): a caller calling back, often one whose window is open;
 * - recordings (25 %): of a recent call, recorded up to ten minutes before they arrive (so many
 *   arrive late), 20–600 s at 128 kbit/s: storage fills, packs are added, then the oldest
 *   recordings are evicted; some are deleted, pinned and unpinned, now and then a pack is given
 *   up with confirmed eviction;
 * - number and option churn (6 %): options turned on and off for a few numbers, short numbers,
 *   caller ids, numbers removed and added back, melodies;
 * - settings (1 %): notification texts and channels, callback window, visit-card periods,
 *   suppression, the recording notice; now and then an SMS package bought;
 * - the subscription renewed by the scheduler at the end of each period.
 *
 * Refused commands are part of a realistic mix (a recording already evicted cannot be deleted);
 * they add no events. Everything is decided on a private state with the recipe, so 10^6 events
 * take seconds to make.
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { createPrng } from '../../examples/month/prng.js';
import type { AccountCommand } from '../../src/account/commands.js';
import { createAccountDecider } from '../../src/account/decider.js';
import {
  type AccountEvent,
  accountEventRegistry,
  type StoredAccountEvent,
} from '../../src/account/events.js';
import { accountStreamId } from '../../src/account/handler.js';
import type { AccountState, AccountStateDraft } from '../../src/account/state.js';
import { jsonCopy } from '../../src/kernel/json-copy.js';
import { toStoredEvent } from '../../src/kernel/stored-event.js';

/** The account the workload belongs to. */
export const ACCOUNT_ID = 'acc-month';
/** The main МКН and the toll-free one. */
export const MKN = ['+74951000000', '+78005553535'] as const;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MIB = 1024 * 1024;
/** 2025-04-21 09:00 in Moscow. */
const START_MS = Date.UTC(2025, 3, 21, 6, 0, 0);
const MOSCOW_OFFSET_MS = 3 * 3_600_000;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Epoch ms (whole seconds) as the ISO instant a Moscow service writes, e.g.
 * `2025-04-21T09:00:00+03:00`. By hand (civil date from days): a million events need a few
 * million of them.
 */
export const moscowInstant = (ms: number): string => {
  const local = Math.floor((ms + MOSCOW_OFFSET_MS) / 1000);
  const days = Math.floor(local / 86_400);
  const second = local - days * 86_400;
  // Days since 1970-01-01 to year, month, day (proleptic Gregorian).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const time = `${pad2(Math.floor(second / 3600))}:${pad2(Math.floor(second / 60) % 60)}:${pad2(second % 60)}`;
  return `${year}-${pad2(month)}-${pad2(day)}T${time}+03:00`;
};

/** Employee `i` (0–149): 0–39 sales (caller id), 40–59 support (recorded), 60–129 back office, 130–149 external. */
export const employee = (i: number): string => `+7912${String(3_000_000 + i).padStart(7, '0')}`;
const EMPLOYEES = 150;
const REGULAR = 130;
const OPERATORS = 60;
const client = (i: number): string => `+7916${String(1_000_000 + i).padStart(7, '0')}`;

const TEXTS = {
  'incoming-missed-call': 'Вы звонили в «Ромашку». Мы перезвоним вам в течение 15 минут.',
  'incoming-visit-card':
    '«Ромашка»: цветы с доставкой по Москве за 2 часа. Сайт romashka.ru, тел. +7 495 100-00-00. Спасибо за звонок!',
  'outgoing-unreached': 'Вам звонили из «Ромашки». Перезвоните, пожалуйста: +7 495 100-00-00.',
  'outgoing-visit-card': 'Thank you for the call! Romashka, +7 495 100-00-00, romashka.ru',
} as const;
const SCENARIOS = Object.keys(TEXTS) as (keyof typeof TEXTS)[];
const OPTIONS = ['callerId', 'recording', 'shortNumber', 'melody'] as const;
const OUTCOMES = ['missed', 'busy', 'rejected', 'failed'] as const;

/** A generated account history. */
export interface AccountWorkload {
  /** The account's events as a store keeps them (one stream, versions from 1). */
  readonly events: readonly StoredAccountEvent[];
  readonly streamId: string;
  readonly accountId: string;
  /** Commands decided (refused ones included). */
  readonly commands: number;
  /** The state the events fold into. */
  readonly state: AccountState;
  /** Instant of the last command, epoch ms. */
  readonly lastMs: number;
  /**
   * The `i`-th command a service would send next: a recording of a fresh call, a second after
   * the previous one, to be handled on top of the history.
   */
  readonly nextCommand: (i: number) => AccountCommand;
}

/** Generates a month of the account with at least `size` events, the same for the same `seed`. */
export const accountMonth = (size: number, seed = 42): AccountWorkload => {
  const random = createPrng(seed);
  const decider = createAccountDecider();
  const recipe = decider.recipe as unknown as (draft: AccountStateDraft, event: AccountEvent) => void;
  const state = decider.fold([]) as unknown as AccountStateDraft;
  const streamId = accountStreamId(ACCOUNT_ID);
  const events: StoredAccountEvent[] = [];
  // About 1.6 events per command: spread the month over the commands it takes.
  const stepMs = Math.max(1000, Math.round((30 * DAY * 1.6) / size));
  const population = Math.max(2_000, Math.round(size / 6));
  const regulars = Math.max(100, Math.round(population / 20));
  let atMs = START_MS;
  let commands = 0;
  let calls = 0;
  let recordings = 0;
  let melodies = 0;
  const recentCalls: string[] = [];
  const recentUnreached: string[] = [];
  const pinned: string[] = [];
  const removed = new Set<number>();

  const send = (type: string, data: object): void => {
    commands++;
    // As a service receives it: parsed from JSON, its strings flat as JSON.parse makes them.
    const command = JSON.parse(
      JSON.stringify({
        type,
        data,
        metadata: {
          commandId: `cmd-${commands}`,
          accountId: ACCOUNT_ID,
          at: moscowInstant(atMs),
          actor: 'pbx',
        },
      }),
    ) as AccountCommand;
    const decided = decider.decide(command, state as AccountState);
    if (isLeft(decided)) return;
    const decidedEvents = decided.right;
    for (let i = 0; i < decidedEvents.length; i++) {
      const event = decidedEvents[i] as AccountEvent;
      const version = events.length + 1;
      // What the in-memory store keeps of an appended event (a frozen JSON copy), folded as the
      // command handler folds it: the recipes meet the objects a service's loads hand them.
      const stored = jsonCopy(
        toStoredEvent(
          event,
          `${command.metadata.commandId}/${i}`,
          streamId,
          version,
          version,
          accountEventRegistry.schemaVersionOf(event.type) ?? 1,
        ),
        true,
      ) as StoredAccountEvent;
      recipe(state, stored as unknown as AccountEvent);
      events.push(stored);
    }
  };
  const setUp = (type: string, data: object): void => {
    send(type, data);
    atMs += 10_000;
  };

  setUp('OpenAccount', { tariffId: 'basic' });
  for (const number of MKN) setUp('AddMultichannelNumber', { number });
  for (let i = 0; i < EMPLOYEES; i++) {
    setUp('AddNumber', {
      number: employee(i),
      kind: i < REGULAR ? 'regular' : 'added',
      fullName: `Сотрудник ${i + 1}`,
      department: i < 40 ? 'Отдел продаж' : i < 60 ? 'Служба поддержки' : i < REGULAR ? 'Офис' : 'Курьеры',
    });
  }
  setUp('EnableRecording', {});
  setUp('SetAutoAddPacks', { enabled: true });
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => employee(from + i));
  setUp('EnableNumberOption', { option: 'callerId', numbers: range(0, 40) });
  setUp('EnableNumberOption', { option: 'recording', numbers: range(40, 60) });
  setUp('EnableNumberOption', { option: 'shortNumber', numbers: range(0, REGULAR) });
  for (let i = 0; i < REGULAR; i++)
    setUp('AssignShortNumber', { number: employee(i), shortNumber: String(1001 + i) });
  setUp('PurchaseSmsPackage', { size: 3000 });
  for (const scenario of SCENARIOS)
    setUp('ConfigureNotification', {
      scenario,
      sms: true,
      telegram: scenario.endsWith('card'),
      text: TEXTS[scenario],
    });
  setUp('SetVisitCardPeriod', { direction: 'incoming', months: 3 });
  setUp('EnableSmartCallback', { windowMinutes: 30 });

  const someClient = (): string => client(random.chance(600) ? random.int(regulars) : random.int(population));
  const operator = (): string => employee(random.int(OPERATORS));
  const someNumber = (): number => random.int(EMPLOYEES);

  const registerCall = (): void => {
    const outgoing = random.chance(400);
    const callId =
      random.chance(10) && recentCalls.length > 0 ? recentCalls[recentCalls.length - 1]! : `call-${++calls}`;
    const answered = random.chance(650);
    const who =
      outgoing && !answered && recentUnreached.length > 0 && random.chance(200)
        ? recentUnreached[0]!
        : someClient();
    const direct = !outgoing && random.chance(100);
    // Most reports give the call's own times: it rang up to half a minute, lasted up to ten.
    const endedMs = Math.max(START_MS, atMs - 1000 * random.int(5));
    const startedMs = Math.max(START_MS, endedMs - 1000 * (answered ? 30 + random.int(570) : random.int(30)));
    send('RegisterCall', {
      callId,
      direction: outgoing ? 'outgoing' : 'incoming',
      line: direct ? 'direct' : 'multichannel',
      client: who,
      outcome: answered ? 'answered' : OUTCOMES[random.int(OUTCOMES.length)],
      ...(direct ? {} : { multichannelNumber: MKN[random.chance(800) ? 0 : 1] }),
      operator: operator(),
      ...(random.chance(900) ? { startedAt: moscowInstant(startedMs), endedAt: moscowInstant(endedMs) } : {}),
    });
    if (answered) {
      recentCalls.push(callId);
      if (recentCalls.length > 64) recentCalls.shift();
    } else if (outgoing) {
      recentUnreached.push(who);
      if (recentUnreached.length > 32) recentUnreached.shift();
    }
  };

  const storeRecording = (): void => {
    const callId = recentCalls.length > 0 ? random.pick(recentCalls) : `call-${calls}`;
    const fromUser = random.chance(100);
    const duration = 20 + random.int(580);
    send('StoreRecording', {
      recordingId: `rec-${++recordings}`,
      callId,
      source: fromUser
        ? { kind: 'user', number: employee(40 + random.int(20)) }
        : { kind: 'multichannel', number: MKN[0] },
      // 128 kbit/s: 16 000 bytes a second.
      sizeBytes: duration * 16_000,
      durationSeconds: duration,
      recordedAt: moscowInstant(Math.max(START_MS, atMs - random.int(600) * 1000)),
    });
  };

  const recentRecording = (): string => `rec-${Math.max(1, recordings - random.int(3_000))}`;

  const churnNumbers = (): void => {
    const r = random.int(100);
    if (r < 60) {
      const option = OPTIONS[random.int(OPTIONS.length)]!;
      const numbers = [
        ...new Set([employee(someNumber()), employee(someNumber()), employee(someNumber())]),
      ].slice(0, 1 + random.int(3));
      send(random.chance(500) ? 'EnableNumberOption' : 'DisableNumberOption', {
        option,
        numbers,
        skipIneligible: true,
      });
    } else if (r < 72) {
      const i = random.int(REGULAR);
      send('AssignShortNumber', { number: employee(i), shortNumber: String(2000 + random.int(8000)) });
    } else if (r < 80) {
      send('SetCallerIdNumber', { number: employee(random.int(40)), multichannelNumber: MKN[random.int(2)] });
    } else if (r < 92) {
      // Back-office and external numbers leave and come back.
      const i = 60 + random.int(EMPLOYEES - 60);
      if (removed.has(i)) {
        removed.delete(i);
        send('AddNumber', {
          number: employee(i),
          kind: i < REGULAR ? 'regular' : 'added',
          fullName: `Сотрудник ${i + 1}`,
          department: i < REGULAR ? 'Офис' : 'Курьеры',
        });
      } else {
        removed.add(i);
        send('RemoveNumber', { number: employee(i) });
      }
    } else if (r < 96) {
      send('UploadMelody', { melodyId: `melody-${++melodies}`, name: `Мелодия ${melodies}` });
    } else if (melodies > 0) {
      send('SetNumberMelody', {
        number: employee(someNumber()),
        melodyId: `melody-${1 + random.int(melodies)}`,
      });
    }
  };

  const changeSettings = (): void => {
    const r = random.int(100);
    if (r < 40) {
      const scenario = SCENARIOS[random.int(SCENARIOS.length)]!;
      send('ConfigureNotification', {
        scenario,
        sms: random.chance(850),
        telegram: random.chance(400),
        text: TEXTS[scenario],
      });
    } else if (r < 55) send('SetSmartCallbackWindow', { minutes: 15 + random.int(106) });
    else if (r < 70)
      send('SetVisitCardPeriod', {
        direction: random.chance(500) ? 'incoming' : 'outgoing',
        months: 1 + random.int(12),
      });
    else if (r < 85) send('SetNotificationSuppression', { minutes: random.pick([0, 30, 60, 120]) });
    else if (r < 87) send('PurchaseSmsPackage', { size: random.pick([500, 1000, 3000]) });
    else
      send(
        'SetRecordingNotice',
        random.chance(500) ? { enabled: true } : { enabled: false, acknowledgeLiability: true },
      );
  };

  while (events.length < size) {
    atMs += stepMs / 2 + random.int(stepMs);
    atMs -= atMs % 1000;
    const paidUntil = state.tariff.subscription?.paidUntil;
    if (paidUntil !== undefined && atMs >= Date.parse(paidUntil)) {
      send('RenewSubscription', {});
      continue;
    }
    const r = random.int(1000);
    if (r < 520) registerCall();
    else if (r < 600) {
      const who =
        recentUnreached.length > 0 && random.chance(600) ? random.pick(recentUnreached) : someClient();
      send('RouteIncomingCall', { client: who, multichannelNumber: MKN[random.chance(700) ? 0 : 1] });
    } else if (r < 850) storeRecording();
    else if (r < 870) send('DeleteRecording', { recordingId: recentRecording() });
    else if (r < 876) {
      const id = recentRecording();
      pinned.push(id);
      send('PinRecording', { recordingId: id });
    } else if (r < 882) {
      if (pinned.length > 0) send('UnpinRecording', { recordingId: pinned.shift()! });
    } else if (r < 883) {
      // A pack given up now and then (its recordings evicted with confirmation); auto-add brings it back.
      if (random.chance(10)) send('RemoveStoragePack', { confirmEviction: true });
      else send('AddStoragePack', {});
    } else if (r < 887) send('AddStoragePack', {});
    else if (r < 947) churnNumbers();
    else if (r < 957) changeSettings();
    else registerCall();
  }

  const lastMs = atMs;
  return {
    events,
    streamId,
    accountId: ACCOUNT_ID,
    commands,
    state: state as AccountState,
    lastMs,
    nextCommand: (i) =>
      ({
        type: 'StoreRecording',
        data: {
          recordingId: `next-rec-${i}`,
          callId: `next-call-${i}`,
          source: { kind: 'multichannel', number: MKN[0] },
          sizeBytes: 2 * MIB + ((i * 7919) % MIB),
          durationSeconds: 90,
          recordedAt: moscowInstant(lastMs + i * 1000),
        },
        metadata: {
          commandId: `next-${i}`,
          accountId: ACCOUNT_ID,
          at: moscowInstant(lastMs + (i + 1) * 1000),
          actor: 'pbx',
        },
      }) as AccountCommand,
  };
};

/** How many events of each type, most frequent first, as `Type n %`. */
export const mixOf = (events: readonly { readonly type: string }[], top = 8): string => {
  const byType = new Map<string, number>();
  for (const e of events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  return [...byType]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([type, n]) => `${type} ${((100 * n) / events.length).toFixed(0)} %`)
    .join(', ');
};
