/**
 * Generated steps: a command type with its raw payload (as a client would send it, numbers in any
 * spelling), the time that passed since the previous step, and now and then a corruption that
 * decoding must refuse. Steps carry no instants: the runner derives them, so any shrunk
 * sequence still moves forward in time.
 */
import fc from 'fast-check';
import type { AccountCommandType } from '../../../src/account/commands.js';
import * as pool from './pools.js';

/** How a raw command is spoiled before decoding. */
export type Corruption =
  | { readonly kind: 'drop-field'; readonly index: number }
  | { readonly kind: 'wrong-type'; readonly index: number; readonly value: unknown }
  | { readonly kind: 'extra-field'; readonly key: string }
  | { readonly kind: 'unknown-type' }
  | { readonly kind: 'bad-instant'; readonly at: string };

/** One generated step. */
export interface Step {
  readonly type: AccountCommandType;
  readonly data: Readonly<Record<string, unknown>>;
  /** Milliseconds since the previous step. */
  readonly gapMs: number;
  /** Offset the instant is written with. */
  readonly offset: string;
  /** `other`: the command names another account (refused with `AccountMismatch`). */
  readonly account: 'own' | 'other';
  /** `StoreRecording`: recordedAt relative to the command's instant. */
  readonly recordedOffsetMs: number;
  readonly corruption: Corruption | null;
  /**
   * How much earlier than the sequence's clock the command is stamped (0 mostly): a command
   * stamped before the account's latest event must be refused, changing nothing; the clock does
   * not move back.
   */
  readonly rewindMs?: number;
  /** `RegisterCall`: the call's own start and duration, relative to the report (`null`: not given). */
  readonly callTimes?: { readonly startOffsetMs: number; readonly durationMs: number } | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const gapMs = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: MINUTE }) },
  { weight: 5, arbitrary: fc.integer({ min: MINUTE, max: 6 * HOUR }) },
  { weight: 3, arbitrary: fc.integer({ min: 6 * HOUR, max: 5 * DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: 20 * DAY, max: 40 * DAY }) },
);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

/** Drops `undefined` fields: an optional field is absent, never `undefined`. */
const defined = (data: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));

const rec = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.record(fields).map(defined);
const empty = fc.constant({});
const yes = fc.constant(true as const);

const scenario = fc.constantFrom(
  'incoming-missed-call',
  'incoming-visit-card',
  'outgoing-unreached',
  'outgoing-visit-card',
);
const option = fc.constantFrom('callerId', 'shortNumber', 'recording', 'melody');
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 59))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

/** Payload arbitraries by command type. */
export const payloads: { readonly [K in AccountCommandType]: fc.Arbitrary<Record<string, unknown>> } = {
  OpenAccount: rec({
    tariffId: pool.tariffId,
    timeZone: optional(pool.timeZone),
    autoRenewal: optional(fc.boolean()),
  }),
  ChangeTariff: rec({ tariffId: pool.tariffId, confirmEviction: optional(yes) }),
  SetAutoRenewal: rec({ enabled: fc.boolean() }),
  RenewSubscription: rec({ manual: optional(fc.boolean()) }),
  AddMultichannelNumber: rec({ number: fc.oneof({ weight: 5, arbitrary: pool.mkn }, pool.userNumber) }),
  SetMainMultichannelNumber: rec({ number: pool.mkn }),
  RemoveMultichannelNumber: rec({ number: pool.mkn }),
  AddNumber: rec({
    number: pool.anyNumber,
    kind: fc.constantFrom('regular', 'regular', 'added'),
    fullName: pool.fullName,
    department: pool.department,
  }),
  RemoveNumber: rec({ number: pool.userNumber }),
  EnableNumberOption: rec({
    option,
    numbers: fc.oneof(
      { weight: 3, arbitrary: fc.tuple(pool.userNumber) },
      { weight: 1, arbitrary: fc.array(pool.userNumber, { minLength: 1, maxLength: 4 }) },
    ),
    skipIneligible: optional(fc.boolean()),
  }),
  DisableNumberOption: rec({
    option,
    numbers: fc.oneof(
      { weight: 3, arbitrary: fc.tuple(pool.userNumber) },
      { weight: 1, arbitrary: fc.array(pool.userNumber, { minLength: 1, maxLength: 3 }) },
    ),
    skipIneligible: optional(fc.boolean()),
  }),
  SetCallerIdNumber: rec({ number: pool.userNumber, multichannelNumber: pool.mkn }),
  AssignShortNumber: rec({ number: pool.userNumber, shortNumber: pool.shortNumber }),
  UploadMelody: rec({ melodyId: pool.melodyId, name: fc.constantFrom('Вальс', 'Jingle 🎵', 'Тишина') }),
  SetNumberMelody: rec({ number: pool.userNumber, melodyId: pool.melodyId }),
  EnableRecording: rec({ notice: optional(fc.boolean()), acknowledgeLiability: optional(yes) }),
  DisableRecording: empty,
  SetRecordingNotice: rec({ enabled: fc.boolean(), acknowledgeLiability: optional(yes) }),
  AddStoragePack: empty,
  RemoveStoragePack: rec({ confirmEviction: optional(yes) }),
  SetAutoAddPacks: rec({ enabled: fc.boolean() }),
  StoreRecording: rec({
    recordingId: pool.recordingId,
    callId: pool.callId,
    source: fc.oneof(
      { weight: 3, arbitrary: rec({ kind: fc.constant('multichannel'), number: pool.mkn }) },
      { weight: 2, arbitrary: rec({ kind: fc.constant('user'), number: pool.userNumber }) },
    ),
    sizeBytes: pool.sizeBytes,
    durationSeconds: fc.integer({ min: 0, max: 7200 }),
  }),
  DeleteRecording: rec({ recordingId: pool.recordingId }),
  PinRecording: rec({ recordingId: pool.recordingId }),
  UnpinRecording: rec({ recordingId: pool.recordingId }),
  PurchaseSmsPackage: rec({ size: fc.constantFrom(100, 100, 500, 1000, 3000, 3, 7) }),
  ConfigureNotification: rec({
    scenario,
    sms: fc.boolean(),
    telegram: fc.boolean(),
    text: pool.noticeText,
  }),
  SetVisitCardPeriod: rec({
    direction: fc.constantFrom('incoming', 'outgoing'),
    months: fc.integer({ min: 1, max: 12 }),
  }),
  SetNotificationSuppression: rec({ minutes: fc.constantFrom(0, 1, 30, 60, 1440) }),
  SetQuietHours: rec({
    sendingHours: fc.option(rec({ from: clock, to: clock }), { nil: null, freq: 4 }),
  }),
  EnableSmartCallback: rec({ windowMinutes: optional(fc.constantFrom(1, 15, 60, 1440)) }),
  DisableSmartCallback: empty,
  SetSmartCallbackWindow: rec({ minutes: fc.constantFrom(1, 5, 60, 1440) }),
  RouteIncomingCall: rec({ client: pool.client, multichannelNumber: pool.mkn }),
  RegisterCall: rec({
    callId: pool.callId,
    direction: fc.constantFrom('incoming', 'outgoing'),
    line: fc.constantFrom('multichannel', 'multichannel', 'direct'),
    client: pool.client,
    outcome: fc.constantFrom('answered', 'missed', 'missed', 'rejected', 'busy', 'failed'),
    multichannelNumber: optional(pool.mkn),
    operator: optional(pool.userNumber),
  }),
};

const wrongValue = fc.oneof(
  fc.constantFrom(null, 42, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 'x', true, [], {}, [1, 2]),
  fc.string({ maxLength: 5 }),
);

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant('drop-field' as const), index: fc.nat({ max: 9 }) }),
  fc.record({ kind: fc.constant('wrong-type' as const), index: fc.nat({ max: 9 }), value: wrongValue }),
  fc.record({
    kind: fc.constant('extra-field' as const),
    key: fc.constantFrom('extra', 'polluted', 'dataa'),
  }),
  fc.record({ kind: fc.constant('unknown-type' as const) }),
  fc.record({
    kind: fc.constant('bad-instant' as const),
    at: fc.constantFrom('yesterday', '2025-13-01T00:00:00Z', '2025-04-21T10:00:00', ''),
  }),
);

/** How often each command type is drawn, by type (types left out are never drawn). */
export type Profile = Partial<Record<AccountCommandType, number>>;

/** A step of one of the profile's types. */
export const stepOf = (profile: Profile): fc.Arbitrary<Step> => {
  const types = Object.entries(profile) as [AccountCommandType, number][];
  const command = fc.oneof(
    ...types.map(([type, weight]) => ({
      weight,
      arbitrary: payloads[type].map((data) => ({ type, data })),
    })),
  );
  return fc
    .record({
      command,
      gapMs,
      offset: fc.constantFrom('Z', '+03:00', '+10:00', '-05:00'),
      account: fc.oneof(
        { weight: 40, arbitrary: fc.constant('own' as const) },
        { weight: 1, arbitrary: fc.constant('other' as const) },
      ),
      recordedOffsetMs: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: -2 * HOUR, max: 0 }) },
        { weight: 1, arbitrary: fc.integer({ min: -30 * DAY, max: -2 * HOUR }) },
      ),
      corruption: fc.oneof(
        { weight: 24, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: corruption },
      ),
      rewindMs: fc.oneof(
        { weight: 30, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 * DAY }) },
      ),
      callTimes: fc.oneof(
        { weight: 2, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.record({
            startOffsetMs: fc.integer({ min: -3 * HOUR, max: 0 }),
            durationMs: fc.integer({ min: 0, max: 20 * MINUTE }),
          }),
        },
      ),
    })
    .map(({ command, ...rest }) => ({ type: command.type, data: command.data, ...rest }));
};

/** Commands that build an account up: numbers, options, packages, texts. */
export const SETUP: Profile = {
  AddMultichannelNumber: 3,
  AddNumber: 5,
  EnableRecording: 2,
  EnableNumberOption: 5,
  AssignShortNumber: 2,
  UploadMelody: 1,
  AddStoragePack: 1,
  SetAutoAddPacks: 2,
  PurchaseSmsPackage: 2,
  ConfigureNotification: 4,
  EnableSmartCallback: 2,
};

/** A command written out by hand, to build a prelude. */
export type Fixed = readonly [AccountCommandType, Record<string, unknown>];

/** Hand-written steps, a second apart: a known starting point the random steps build on. */
export const fixedSteps = (commands: readonly Fixed[]): Step[] =>
  commands.map(([type, data]) => ({
    type,
    data,
    gapMs: 1000,
    offset: '+03:00',
    account: 'own',
    recordedOffsetMs: 0,
    corruption: null,
  }));

/** How a sequence starts after `OpenAccount`. */
export interface Opening {
  /** Random set-up steps (default {@link SETUP}). */
  readonly setup?: Profile;
  /** A fixed prelude, used in 4 sequences out of 5. */
  readonly prelude?: readonly Fixed[];
  /** Runs of steps that belong together, mixed into the body (about 1 in 8 body entries). */
  readonly chunks?: fc.Arbitrary<Step[]>;
}

/**
 * A whole sequence: mostly `OpenAccount` first (sometimes a few commands before it, which must
 * be refused), a prelude and a short random set-up that build the account, then steps of
 * `profile`; lengths average about 35, at most `maxLength`.
 */
export const sequenceOf = (
  profile: Profile,
  opening: Opening = {},
  maxLength = 200,
): fc.Arbitrary<Step[]> => {
  const step = stepOf(profile);
  // The opening mostly succeeds, so that the rest of the sequence exercises an open account.
  const open = fc
    .tuple(stepOf({ OpenAccount: 1 }), fc.constantFrom('basic', 'basic', 'basic', 'business', 'corporate'))
    .chain(([s, tariff]) =>
      fc.oneof(
        { weight: 19, arbitrary: fc.constant({ ...s, data: { ...s.data, tariffId: tariff } }) },
        { weight: 1, arbitrary: fc.constant(s) },
      ),
    )
    .map((s) => ({ ...s, account: 'own' as const, corruption: null }));
  const before = fc.oneof(
    { weight: 9, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.array(step, { maxLength: 3 }) },
  );
  const prelude = fixedSteps(opening.prelude ?? []);
  const fixed = fc.oneof(
    { weight: 4, arbitrary: fc.constant(prelude) },
    { weight: 1, arbitrary: fc.constant([]) },
  );
  const setup = fc.array(stepOf(opening.setup ?? SETUP), { maxLength: 10, size: 'max' });
  const entry =
    opening.chunks === undefined
      ? step.map((s) => [s])
      : fc.oneof({ weight: 7, arbitrary: step.map((s) => [s]) }, { weight: 1, arbitrary: opening.chunks });
  const length = (min: number, max: number) =>
    fc.array(entry, { minLength: min, maxLength: max, size: 'max' }).map((entries) => entries.flat());
  // Every bucket starts at 0, so that a failing sequence shrinks to its shortest.
  const body = fc.oneof(
    { weight: 55, arbitrary: length(0, 25) },
    { weight: 35, arbitrary: length(0, 90) },
    { weight: 10, arbitrary: length(0, 180) },
  );
  return fc
    .tuple(before, open, fixed, setup, body)
    .map(([b, o, f, s, rest]) => [...b, o, ...f, ...s, ...rest].slice(0, maxLength));
};

const chunkStep = (type: AccountCommandType, data: Record<string, unknown>, gap: number): Step => ({
  type,
  data,
  gapMs: gap,
  offset: 'Z',
  account: 'own',
  recordedOffsetMs: 0,
  corruption: null,
});

/**
 * An operator's unanswered call to a client, perhaps something that closes the way back (caller
 * ID off, the number removed, the option off, a shorter window), then the client calling back
 * some minutes later: what smart callback is about.
 */
export const callbackChunk: fc.Arbitrary<Step[]> = fc
  .record({
    callId: pool.callId,
    client: pool.client,
    again: pool.client,
    operator: pool.userNumber,
    outcome: fc.constantFrom('missed', 'busy', 'rejected', 'failed', 'answered'),
    mkn: pool.mkn,
    between: fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant('caller-id-off') },
      { weight: 1, arbitrary: fc.constant('number-removed') },
      { weight: 1, arbitrary: fc.constant('option-off') },
      { weight: 1, arbitrary: fc.constant('window-set') },
      { weight: 1, arbitrary: fc.constant('answered') },
      { weight: 1, arbitrary: fc.constant('mkn-removed') },
    ),
    later: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 20 * MINUTE }) },
      { weight: 1, arbitrary: fc.integer({ min: 20 * MINUTE, max: 3 * HOUR }) },
    ),
    back: fc.constantFrom('same', 'same', 'same', 'other'),
    // A call back to any МКН of the account is routed all the same.
    backTo: pool.mkn,
  })
  .map(({ callId, client, again, operator, outcome, mkn, between, later, back, backTo }) => {
    const steps: Step[] = [
      chunkStep(
        'RegisterCall',
        {
          callId,
          direction: 'outgoing',
          line: 'multichannel',
          client,
          outcome,
          operator,
          multichannelNumber: mkn,
        },
        MINUTE,
      ),
    ];
    if (between === 'caller-id-off')
      steps.push(chunkStep('DisableNumberOption', { option: 'callerId', numbers: [operator] }, MINUTE));
    if (between === 'number-removed') steps.push(chunkStep('RemoveNumber', { number: operator }, MINUTE));
    if (between === 'option-off') steps.push(chunkStep('DisableSmartCallback', {}, MINUTE));
    if (between === 'answered')
      steps.push(
        chunkStep(
          'RegisterCall',
          {
            callId: `${callId}-a`,
            direction: 'incoming',
            line: 'direct',
            client,
            outcome: 'answered',
            operator,
          },
          MINUTE,
        ),
      );
    if (between === 'mkn-removed') steps.push(chunkStep('RemoveMultichannelNumber', { number: mkn }, MINUTE));
    if (between === 'window-set') steps.push(chunkStep('SetSmartCallbackWindow', { minutes: 5 }, MINUTE));
    const caller = back === 'same' ? client : again;
    steps.push(chunkStep('RouteIncomingCall', { client: caller, multichannelNumber: backTo }, later));
    return steps;
  });
