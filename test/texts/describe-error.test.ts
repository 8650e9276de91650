import { describe, expect, it } from 'vitest';
import {
  type AccountErrorCode,
  type AccountErrorDetails,
  accountError,
  accountErrorCodes,
} from '../../src/account/errors.js';
import { GIB } from '../../src/catalogue/units.js';
import { describeError } from '../../src/errors/describe-error.js';
import {
  commandAlreadyRecorded,
  concurrencyError,
  domainError,
  type StoreErrorCode,
  storeError,
  validationError,
} from '../../src/kernel/errors.js';

const number = '+79123456789';
const mkn = '+74951234567';

/** Details of every code, as the decider builds them (typed: a new code must get a sample here). */
const samples: { readonly [K in AccountErrorCode]: AccountErrorDetails[K] } = {
  UnknownCommand: { type: 'Frobnicate' },
  InvalidInstant: { field: 'metadata.at', at: '2025-02-30T10:00:00+03:00' },
  InstantOutOfOrder: {
    field: 'metadata.at',
    latest: '2025-05-20T10:00:00+03:00',
    at: '2025-05-05T10:00:00+03:00',
  },
  InstantAfterCommand: {
    field: 'data.recordedAt',
    value: '2025-05-06T11:00:00+03:00',
    at: '2025-05-06T10:00:00+03:00',
  },
  InstantBeforeOpening: {
    field: 'data.recordedAt',
    value: '2025-04-01T10:00:00+03:00',
    openedAt: '2025-04-21T10:00:00+03:00',
  },
  CallEndedBeforeStart: {
    field: 'data.endedAt',
    startedAt: '2025-05-06T10:05:00+03:00',
    endedAt: '2025-05-06T10:00:00+03:00',
  },
  AccountNotOpened: { accountId: '42' },
  AccountMismatch: { expected: '42', actual: '43' },
  AccountAlreadyOpened: { accountId: '42', openedAt: '2025-04-21T10:00:00+03:00' },
  UnknownTariff: { field: 'data.tariffId', tariffId: 'gold', known: ['basic', 'business', 'corporate'] },
  TariffUnchanged: { field: 'data.tariffId', tariffId: 'basic' },
  RenewalNotDue: { paidUntil: '2025-05-21T10:00:00+03:00', at: '2025-05-20T10:00:00+03:00' },
  SubscriptionAlreadyLapsed: { paidUntil: '2025-05-21T10:00:00+03:00' },
  SubscriptionLapsed: { paidUntil: '2025-05-21T10:00:00+03:00', at: '2025-05-22T10:00:00+03:00' },
  MultichannelNumberExists: { field: 'data.number', number: mkn },
  NumberIsUserNumber: { field: 'data.number', number },
  UnknownMultichannelNumber: { field: 'data.number', number: mkn },
  MultichannelNumberIsMain: { field: 'data.number', number: mkn },
  LastMultichannelNumber: { field: 'data.number', number: mkn },
  NumberExists: { field: 'data.number', number },
  NumberIsMultichannel: { field: 'data.number', number: mkn },
  UnknownNumber: { field: 'data.number', number },
  DuplicateNumbers: { field: 'data.numbers', numbers: [number, '+79123456780'] },
  IneligibleNumbers: {
    field: 'data.numbers',
    option: 'callerId',
    numbers: [
      { number, reason: 'added-number' },
      { number: '+79123456780', reason: 'already-enabled' },
    ],
  },
  OptionNotEnabled: { field: 'data.number', number, option: 'shortNumber' },
  ShortNumberTaken: { field: 'data.shortNumber', shortNumber: '1234', holder: number },
  UnknownMelody: { field: 'data.melodyId', melodyId: '7' },
  MelodyExists: { field: 'data.melodyId', melodyId: '7' },
  RecordingNotEnabled: {},
  RecordingAlreadyEnabled: {},
  LiabilityNotAcknowledged: { field: 'data.liabilityAcknowledged' },
  RecordingNotEnabledForNumber: { field: 'data.source.number', number },
  StoragePackLimitReached: { maxPacks: 9, packs: 9 },
  NoStoragePack: {},
  WouldEvictRecordings: { field: 'data.confirmEviction', count: 1500, bytes: 3 * GIB, quotaBytes: 6 * GIB },
  StorageFullOfPinnedRecordings: {
    field: 'data.sizeBytes',
    quotaBytes: GIB,
    usedBytes: GIB,
    pinnedBytes: GIB,
    sizeBytes: 5_000_000,
  },
  RecordingTooLarge: {
    field: 'data.sizeBytes',
    sizeBytes: 60 * GIB,
    maxQuotaBytes: 46 * GIB,
    reachableQuotaBytes: 46 * GIB,
  },
  RecordingExists: { field: 'data.recordingId', recordingId: '17' },
  UnknownRecording: { field: 'data.recordingId', recordingId: '17' },
  RecordingPinned: { field: 'data.recordingId', recordingId: '17' },
  UnknownSmsPackage: { field: 'data.size', size: 2500, offered: [100, 500, 1000, 3000] },
  FreeSmsPackageUsed: {
    field: 'data.size',
    periodStart: '2025-04-21T10:00:00+03:00',
    periodEnd: '2025-05-21T10:00:00+03:00',
  },
  SmsTextTooLong: { field: 'data.text', characters: 1211, max: 210 },
  NotificationTextEmpty: { field: 'data.text', scenario: 'incoming-missed-call' },
  InvalidVisitCardPeriod: { field: 'data.months', min: 1, max: 12, months: 13 },
  InvalidSuppressionWindow: { field: 'data.minutes', min: 0, max: 1440, minutes: 2000 },
  InvalidQuietHours: { field: 'data.sendingHours', from: '09:00', to: '09:00' },
  InvalidCallbackWindow: { field: 'data.minutes', min: 1, max: 1440, minutes: 0 },
  SmartCallbackAlreadyEnabled: { windowMinutes: 21 },
  SmartCallbackNotEnabled: {},
};

const refusal = <K extends AccountErrorCode>(code: K) =>
  accountError(code, `english message of ${code}`, samples[code]);

const storeCodes: StoreErrorCode[] = ['Unavailable', 'MalformedEvent', 'MalformedSnapshot', 'Internal'];
const others = [
  validationError([
    {
      path: 'data.months',
      expected: 'an integer',
      actual: 'x',
      message: 'data.months: expected an integer, got "x"',
    },
  ]),
  concurrencyError('account-42', 3, 4),
  commandAlreadyRecorded('account-42', 'cmd-1'),
  ...storeCodes.map((code) => storeError(code, `driver says ${code}`, { version: 1200 })),
];

/** Latin words left in a Russian text once quoted data and product names are taken out. */
const latinWords = (text: string): string[] =>
  text
    .replace(/«[^»]*»/g, '')
    .replace(/\b(SMS|Telegram)\b/g, '')
    .match(/[A-Za-z]{2,}/g) ?? [];

describe('describeError: a text for people of every error', () => {
  const all = [...accountErrorCodes.map(refusal), ...others];

  it('has a Russian text for every code with no English words but product names', () => {
    for (const error of all) {
      const text = describeError(error, 'ru');
      expect(text, error.code).toMatch(/[а-яё]{3,}/i);
      expect(latinWords(text), `${error.code}: ${text}`).toEqual([]);
    }
  });

  it('has an English text for every code, in English', () => {
    for (const error of all) {
      const text = describeError(error, 'en');
      expect(text.replace(/“[^”]*”/g, ''), error.code).not.toMatch(/[а-яё]/i);
      expect(text, error.code).toMatch(/[a-z]{3,}/);
    }
  });

  it('never shows undefined, NaN, an object or the programmers’ message', () => {
    for (const error of all) {
      for (const locale of ['ru', 'en'] as const) {
        const text = describeError(error, locale);
        expect(text, `${error.code} ${locale}`).not.toMatch(
          /undefined|NaN|\[object|null|english message|driver says/,
        );
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });

  it('gives every refusal its own text', () => {
    for (const locale of ['ru', 'en'] as const) {
      const texts = accountErrorCodes.map((code) => describeError(refusal(code), locale));
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('shows the figures of the details, in the right case and with thousands grouped', () => {
    const ru = (code: AccountErrorCode, details?: object) =>
      describeError(details === undefined ? refusal(code) : domainError(code, '', details), 'ru');
    expect(ru('StoragePackLimitReached')).toContain('Можно подключить не более 9 пакетов');
    expect(ru('StoragePackLimitReached', { maxPacks: 21, packs: 21 })).toContain('не более 21 пакета');
    expect(ru('InvalidSuppressionWindow')).toContain('от 0 до 1\u00a0440 минут; указано: 2\u00a0000');
    expect(ru('SmsTextTooLong')).toContain('1\u00a0211 символов, а можно не более 210 символов');
    expect(ru('SmartCallbackAlreadyEnabled')).toContain('окно 21 минута');
    expect(ru('WouldEvictRecordings')).toContain('будут удалены 1\u00a0500 записей (3.00 ГБ)');
    expect(ru('WouldEvictRecordings', { field: 'x', count: 1, bytes: GIB, quotaBytes: GIB })).toContain(
      'будет удалена 1 запись',
    );
    expect(ru('UnknownSmsPackage')).toContain('есть пакеты: 100, 500, 1\u00a0000, 3\u00a0000 SMS');
    expect(ru('InstantOutOfOrder')).toContain(
      '05.05.2025 10:00 раньше последнего события счёта (20.05.2025 10:00)',
    );
    expect(ru('SubscriptionLapsed')).toContain('не оплачен с 21.05.2025');
    expect(ru('UnknownNumber')).toBe('Номера +7 912 345-67-89 нет в АТС');
    expect(describeError(refusal('StoragePackLimitReached'), 'en')).toContain('At most 9 storage packs');
    expect(describeError(refusal('InvalidSuppressionWindow'), 'en')).toContain(
      '0 to 1,440 minutes; got 2,000',
    );
  });

  it('names the fields of input that did not validate, the first three of them', () => {
    const issues = ['data.a', 'data.b', 'data.c', 'data.d', 'data.e'].map((path) => ({
      path,
      expected: 'x',
      actual: 1,
      message: `${path}: wrong`,
    }));
    expect(describeError(validationError(issues), 'ru')).toBe(
      'Данные команды не прошли проверку: 5 полей с ошибкой — «data.a», «data.b», «data.c» и ещё 2',
    );
    expect(describeError(validationError(issues.slice(0, 1)), 'en')).toBe(
      'The command did not validate: field “data.a”',
    );
  });

  it('says the store is unavailable, and what to do', () => {
    expect(describeError(storeError('Unavailable', 'ECONNREFUSED 10.0.0.1:5432'), 'ru')).toBe(
      'Хранилище событий сейчас недоступно: повторите попытку позже',
    );
    expect(describeError(storeError('MalformedEvent', 'bad', { version: 1200 }), 'ru')).toContain(
      'версия 1\u00a0200',
    );
  });

  it('falls back to a general text for a code it does not know or details of another shape', () => {
    expect(describeError(domainError('SomethingElse', 'x', {}), 'ru')).toBe(
      'Команда отклонена правилами счёта',
    );
    expect(describeError(domainError('UnknownNumber', 'x', {}), 'en')).toBe(
      "The command was refused by the account's rules",
    );
    expect(describeError(domainError('StoragePackLimitReached', 'x', null), 'ru')).toBe(
      'Команда отклонена правилами счёта',
    );
  });
});
