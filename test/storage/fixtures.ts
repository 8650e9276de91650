/**
 * Histories and commands for storage and recording tests: an account on «Базовый» (1 GiB base
 * storage) with one МКН and two user numbers, one of them with the recording option on.
 */
import type { AccountCommand, AccountCommandType } from '../../src/account/commands.js';
import type { AccountEvent, AccountEventData, AccountEventType } from '../../src/account/events.js';
import { BASIC_TARIFF, defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { GIB } from '../../src/catalogue/units.js';

export const ACCOUNT = 'acc-1';
export const MKN = '+74951234567';
export const OTHER_MKN = '+74957654321';
export const RECORDED_USER = '+79123456789';
export const PLAIN_USER = '+79123456780';
export const MIB = 1024 ** 2;
export const PACK = 5 * GIB;
/** When the history's facts and the commands happen: after the recordings below were made. */
export const AT = '2025-04-21T12:00:00+03:00';

const meta = (at: string, commandId = 'c-test') => ({ at, commandId, actor: 'user-1' });

/** An event with test metadata. */
export const ev = <K extends AccountEventType>(type: K, data: AccountEventData<K>, at = AT): AccountEvent =>
  ({ type, data, metadata: meta(at, 'c-history') }) as AccountEvent;

/** A command of this account (data as the decoder would produce it). */
export const cmd = <K extends AccountCommandType>(
  type: K,
  data: Extract<AccountCommand, { type: K }>['data'],
  at = AT,
  commandId = 'c-test',
): AccountCommand =>
  ({ type, data, metadata: { commandId, accountId: ACCOUNT, at, actor: 'user-1' } }) as AccountCommand;

/** An event as the decider emits it for {@link cmd} (same metadata). */
export const out = <K extends AccountEventType>(type: K, data: AccountEventData<K>, at = AT): AccountEvent =>
  ({ type, data, metadata: meta(at) }) as AccountEvent;

/** The account opened on «Базовый», auto-renewal as given, paid until 21.05.2025. */
export const opened = (autoRenewal = true): AccountEvent =>
  ev('AccountOpened', {
    accountId: ACCOUNT,
    tariff: { tariffId: BASIC_TARIFF, ...defaultCatalogue.tariffs[BASIC_TARIFF]! },
    timeZone: 'Europe/Moscow',
    openedAt: '2025-04-21T09:00:00+03:00',
    periodStart: '2025-04-21T09:00:00+03:00',
    paidUntil: '2025-05-21T09:00:00+03:00',
    autoRenewal,
  });

/** Account, МКН, two user numbers (recording option on for one), recording of МКН calls on. */
export const setup = (options: { autoRenewal?: boolean; recording?: boolean } = {}): AccountEvent[] => [
  opened(options.autoRenewal ?? true),
  ev('MultichannelNumberAdded', { number: MKN, main: true, extraMonthlyFee: 0 }),
  ev('NumberAdded', {
    number: RECORDED_USER,
    kind: 'regular',
    fullName: 'Иванов Иван',
    department: 'Продажи',
  }),
  ev('NumberAdded', { number: PLAIN_USER, kind: 'regular', fullName: 'Петров Пётр', department: 'Продажи' }),
  ev('NumberOptionEnabled', {
    option: 'recording',
    numbers: [RECORDED_USER],
    skipped: [],
    monthlyFee: defaultCatalogue.numberOptions.recording.monthlyFee,
    callerIdNumber: null,
  }),
  ...(options.recording === false
    ? []
    : [ev('RecordingEnabled', { notice: true, liabilityAcknowledged: false, monthlyFee: 70000 })]),
];

/** Minutes after the opening (2025-04-21 06:00 UTC) as an instant: recordings are made then. */
export const minute = (n: number): string => new Date(Date.UTC(2025, 3, 21, 6, n)).toISOString();

/** The data of a recording of an МКН call. */
export const recording = (recordingId: string, sizeBytes: number, recordedAt = minute(0)) => ({
  recordingId,
  callId: `call-${recordingId}`,
  source: { kind: 'multichannel' as const, number: MKN },
  sizeBytes,
  durationSeconds: 60,
  recordedAt,
});

/** A `RecordingStored` history event. */
export const stored = (recordingId: string, sizeBytes: number, recordedAt = minute(0)): AccountEvent =>
  ev('RecordingStored', recording(recordingId, sizeBytes, recordedAt));

/** A manually added pack. */
export const packAdded = (packs: number): AccountEvent =>
  ev('StoragePackAdded', { packs, sizeBytes: PACK, monthlyFee: 15000, reason: 'manual' });
