/**
 * Hand-built account events for projection tests: one builder per event type, with the instant
 * and the actor in the metadata, and a sample event of every type (`sampleEvents`, an exhaustive
 * record, so a new event type fails to compile here until it has a sample).
 */
import type {
  AccountEvent,
  AccountEventData,
  AccountEventOf,
  AccountEventType,
} from '../../src/account/events.js';
import { BASIC_TARIFF, defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { GIB, roubles } from '../../src/catalogue/units.js';
import type { Scenario } from '../../src/notifications/scenario.js';
import type { NumberOption } from '../../src/numbers/state.js';

let counter = 0;

/** An event of `type` at `at` by `actor` (command ids are unique per call). */
export const event = <K extends AccountEventType>(
  type: K,
  data: AccountEventData<K>,
  at: string,
  actor = 'user-1',
): AccountEventOf<K> =>
  ({ type, data, metadata: { at, commandId: `cmd-${++counter}`, actor } }) as AccountEventOf<K>;

const basic = defaultCatalogue.tariffs[BASIC_TARIFF]!;

/** «Базовый» terms as events carry them. */
export const basicTerms = {
  tariffId: BASIC_TARIFF,
  name: basic.name,
  monthlyFee: basic.monthlyFee,
  includedEmployees: basic.includedEmployees,
  includedMultichannelNumbers: basic.includedMultichannelNumbers,
  extraEmployeeFee: basic.extraEmployeeFee,
  baseStorageBytes: basic.baseStorageBytes,
};

/** The account opened at `at` (period starts then, paid a month ahead). */
export const opened = (
  at: string,
  options: { paidUntil?: string; timeZone?: string; autoRenewal?: boolean } = {},
) =>
  event(
    'AccountOpened',
    {
      accountId: 'acc-1',
      tariff: basicTerms,
      timeZone: options.timeZone ?? 'Europe/Moscow',
      openedAt: at,
      periodStart: at,
      paidUntil: options.paidUntil ?? at,
      autoRenewal: options.autoRenewal ?? true,
    },
    at,
  );

/** A user number `+7912000NNNN`. */
export const phone = (n: number): string => `+7912${String(n).padStart(7, '0')}`;

export const numberAdded = (
  n: number,
  at: string,
  kind: 'regular' | 'added' = 'regular',
  fullName = `Сотрудник ${n}`,
) => event('NumberAdded', { number: phone(n), kind, fullName, department: 'Продажи' }, at);

export const numberRemoved = (n: number, at: string, options: NumberOption[] = []) =>
  event('NumberRemoved', { number: phone(n), options, freedShortNumber: null }, at);

export const optionEnabled = (option: NumberOption, ns: number[], at: string, monthlyFee = roubles(100)) =>
  event(
    'NumberOptionEnabled',
    {
      option,
      numbers: ns.map(phone),
      skipped: [],
      monthlyFee,
      callerIdNumber: option === 'callerId' ? '+74950000001' : null,
    },
    at,
  );

export const optionDisabled = (option: NumberOption, ns: number[], at: string) =>
  event('NumberOptionDisabled', { option, numbers: ns.map(phone), skipped: [], freedShortNumbers: [] }, at);

export const recordingEnabled = (at: string, monthlyFee = roubles(700)) =>
  event('RecordingEnabled', { notice: true, liabilityAcknowledged: false, monthlyFee }, at);

export const recordingDisabled = (at: string) => event('RecordingDisabled', {}, at);

export const packAdded = (
  packs: number,
  at: string,
  monthlyFee = roubles(150),
  reason: 'manual' | 'auto' = 'manual',
) => event('StoragePackAdded', { packs, sizeBytes: 5 * GIB, monthlyFee, reason }, at);

export const packRemoved = (packs: number, at: string) =>
  event('StoragePackRemoved', { packs, sizeBytes: 5 * GIB }, at);

export const telegram = (scenario: Scenario, on: boolean, at: string, telegramMonthlyFee = roubles(300)) =>
  event(
    'NotificationConfigured',
    {
      scenario,
      sms: true,
      telegram: on,
      text: 'Спасибо за звонок',
      characters: 17,
      segments: 1,
      encoding: 'UCS-2',
      telegramMonthlyFee,
    },
    at,
  );

export const smsPurchased = (
  size: number,
  price: number,
  balanceAfter: number,
  at: string,
  reason: 'purchase' | 'auto-renewal' = 'purchase',
) => event('SmsPackagePurchased', { size, price, reason, balanceAfter, periodStart: at }, at);

export const notificationSent = (
  callId: string,
  at: string,
  options: {
    scenario?: Scenario;
    channel?: 'sms' | 'telegram';
    smsSpent?: number;
    sendAt?: string;
    recipient?: string;
  } = {},
) =>
  event(
    'NotificationSent',
    {
      callId,
      scenario: options.scenario ?? 'incoming-missed-call',
      channel: options.channel ?? 'sms',
      recipient: options.recipient ?? '+79161234567',
      text: 'Мы перезвоним',
      segments: 1,
      smsSpent: options.smsSpent ?? (options.channel === 'telegram' ? 0 : 1),
      sendAt: options.sendAt ?? at,
      deferred: options.sendAt !== undefined && options.sendAt !== at,
    },
    at,
  );

export const recordingStored = (id: string, sizeBytes: number, at: string) =>
  event(
    'RecordingStored',
    {
      recordingId: id,
      callId: `call-${id}`,
      source: { kind: 'multichannel', number: '+74950000001' },
      sizeBytes,
      durationSeconds: 60,
      recordedAt: at,
    },
    at,
  );

/** A sample event of every type, for renderers that must know them all. */
export const sampleEvents: { readonly [K in AccountEventType]: AccountEventOf<K> } = {
  AccountOpened: opened('2025-04-21T10:00:00+03:00', { paidUntil: '2025-05-21T00:00:00+03:00' }),
  TariffChanged: event(
    'TariffChanged',
    { previousTariffId: 'basic', tariff: { ...basicTerms, tariffId: 'business', name: 'Бизнес' } },
    '2025-04-22T10:00:00+03:00',
  ),
  AutoRenewalSet: event('AutoRenewalSet', { enabled: false }, '2025-04-22T11:00:00+03:00'),
  SubscriptionRenewed: event(
    'SubscriptionRenewed',
    {
      periodStart: '2025-05-21T00:00:00+03:00',
      paidUntil: '2025-06-21T00:00:00+03:00',
      manual: false,
      restarted: false,
    },
    '2025-05-21T00:00:00+03:00',
    'system',
  ),
  SubscriptionLapsed: event(
    'SubscriptionLapsed',
    { paidUntil: '2025-06-21T00:00:00+03:00' },
    '2025-06-21T00:00:00+03:00',
    'system',
  ),
  MultichannelNumberAdded: event(
    'MultichannelNumberAdded',
    { number: '+74950000001', main: true, extraMonthlyFee: roubles(500) },
    '2025-04-21T10:01:00+03:00',
  ),
  MainMultichannelNumberSet: event(
    'MainMultichannelNumberSet',
    { number: '+74950000002', previous: '+74950000001' },
    '2025-04-21T10:02:00+03:00',
  ),
  MultichannelNumberRemoved: event(
    'MultichannelNumberRemoved',
    { number: '+74950000001', fallback: '+74950000002', callerIdNumbers: [], multichannelNumbers: 1 },
    '2025-04-21T10:02:30+03:00',
  ),
  NumberAdded: numberAdded(1, '2025-04-21T10:03:00+03:00'),
  NumberRemoved: numberRemoved(1, '2025-04-21T10:04:00+03:00', ['recording']),
  NumberOptionEnabled: optionEnabled('recording', [1, 2], '2025-04-21T10:05:00+03:00', roubles(150)),
  NumberOptionDisabled: optionDisabled('shortNumber', [1], '2025-04-21T10:06:00+03:00'),
  CallerIdNumberSet: event(
    'CallerIdNumberSet',
    { number: phone(1), multichannelNumber: '+74950000002' },
    '2025-04-21T10:07:00+03:00',
  ),
  ShortNumberAssigned: event(
    'ShortNumberAssigned',
    { number: phone(1), shortNumber: '1234', previous: null },
    '2025-04-21T10:08:00+03:00',
  ),
  MelodyUploaded: event('MelodyUploaded', { melodyId: 'mel-1', name: 'Весна' }, '2025-04-21T10:09:00+03:00'),
  NumberMelodySet: event(
    'NumberMelodySet',
    { number: phone(1), melodyId: 'mel-1' },
    '2025-04-21T10:10:00+03:00',
  ),
  RecordingEnabled: recordingEnabled('2025-04-21T10:11:00+03:00'),
  RecordingDisabled: recordingDisabled('2025-04-21T10:12:00+03:00'),
  RecordingNoticeSet: event(
    'RecordingNoticeSet',
    { enabled: false, liabilityAcknowledged: true },
    '2025-04-21T10:13:00+03:00',
  ),
  StoragePackAdded: packAdded(1, '2025-04-21T10:14:00+03:00'),
  StoragePackRemoved: packRemoved(0, '2025-04-21T10:15:00+03:00'),
  AutoAddPacksSet: event('AutoAddPacksSet', { enabled: true }, '2025-04-21T10:16:00+03:00'),
  RecordingStored: recordingStored('rec-1', 1024 * 1024, '2025-04-21T10:17:00+03:00'),
  RecordingsEvicted: event(
    'RecordingsEvicted',
    {
      reason: 'space-needed',
      recordings: [{ recordingId: 'rec-1', sizeBytes: 1024 * 1024 }],
      bytesFreed: 1024 * 1024,
      forRecordingId: 'rec-2',
    },
    '2025-04-21T10:18:00+03:00',
    'system',
  ),
  RecordingDeleted: event(
    'RecordingDeleted',
    { recordingId: 'rec-3', sizeBytes: 2048 },
    '2025-04-21T10:19:00+03:00',
  ),
  RecordingPinned: event('RecordingPinned', { recordingId: 'rec-4' }, '2025-04-21T10:20:00+03:00'),
  RecordingUnpinned: event('RecordingUnpinned', { recordingId: 'rec-4' }, '2025-04-21T10:21:00+03:00'),
  StorageAlmostFull: event(
    'StorageAlmostFull',
    { usedBytes: 0.95 * GIB, quotaBytes: GIB },
    '2025-04-21T10:22:00+03:00',
    'system',
  ),
  SmsPackagePurchased: smsPurchased(3000, roubles(3000), 3000, '2025-04-21T10:23:00+03:00'),
  NotificationConfigured: telegram('incoming-missed-call', true, '2025-04-21T10:24:00+03:00'),
  VisitCardPeriodSet: event(
    'VisitCardPeriodSet',
    { direction: 'incoming', months: 3 },
    '2025-04-21T10:25:00+03:00',
  ),
  NotificationSuppressionSet: event(
    'NotificationSuppressionSet',
    { minutes: 30, scenario: null },
    '2025-04-21T10:26:00+03:00',
  ),
  QuietHoursSet: event(
    'QuietHoursSet',
    { sendingHours: { from: '09:00', to: '21:00' } },
    '2025-04-21T10:27:00+03:00',
  ),
  NotificationSent: notificationSent('call-1', '2025-04-21T10:28:00+03:00'),
  NotificationSkipped: event(
    'NotificationSkipped',
    {
      callId: 'call-2',
      scenario: 'outgoing-unreached',
      channel: 'sms',
      recipient: '+79161234567',
      reason: 'sms-balance-exhausted',
      smsNeeded: 2,
    },
    '2025-04-21T10:29:00+03:00',
    'telephony',
  ),
  SmartCallbackEnabled: event(
    'SmartCallbackEnabled',
    { windowMinutes: 60, monthlyFee: roubles(400) },
    '2025-04-21T10:30:00+03:00',
  ),
  SmartCallbackDisabled: event('SmartCallbackDisabled', {}, '2025-04-21T10:31:00+03:00'),
  SmartCallbackWindowSet: event('SmartCallbackWindowSet', { minutes: 30 }, '2025-04-21T10:32:00+03:00'),
  SmartCallbackWindowOpened: event(
    'SmartCallbackWindowOpened',
    {
      client: '+79161234567',
      operator: phone(1),
      callId: 'call-3',
      expiresAt: '2025-04-21T11:33:00+03:00',
      openedAt: '2025-04-21T10:33:00+03:00',
      multichannelNumber: '+74950000002',
    },
    '2025-04-21T10:33:00+03:00',
    'telephony',
  ),
  SmartCallbackWindowClosed: event(
    'SmartCallbackWindowClosed',
    {
      client: '+79161234567',
      operator: phone(1),
      callId: 'call-3',
      reason: 'answered-call',
      byCallId: 'call-5',
    },
    '2025-04-21T10:33:30+03:00',
    'telephony',
  ),
  IncomingCallRouted: event(
    'IncomingCallRouted',
    {
      client: '+79161234567',
      multichannelNumber: '+74950000001',
      operator: phone(1),
      reason: 'smart-callback',
    },
    '2025-04-21T10:34:00+03:00',
    'telephony',
  ),
  CallRegistered: event(
    'CallRegistered',
    {
      callId: 'call-4',
      direction: 'incoming',
      line: 'multichannel',
      multichannelNumber: '+74950000001',
      client: '+79161234567',
      operator: null,
      outcome: 'missed',
      startedAt: null,
      endedAt: null,
    },
    '2025-04-21T10:35:00+03:00',
    'telephony',
  ),
};

/** Every sample event, as a list. */
export const allSampleEvents = (): AccountEvent[] => Object.values(sampleEvents) as AccountEvent[];
