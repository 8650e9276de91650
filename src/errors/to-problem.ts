/**
 * `toProblem(error)`: every error of the account's command handler as an RFC 9457 problem object,
 * ready to send as `application/problem+json`. Status: input that does not validate 400; a
 * refusal 409 when it conflicts with the account as it is (something exists already, is off, is
 * lapsed, is full, came out of order) or 422 when the command's values cannot be taken whatever
 * the state (out of range, unknown to the catalogue or the account, too large); a concurrency
 * conflict 409; an unavailable store 503; any other store failure 500. The `detail` is
 * {@link describeError}'s text (English by default).
 * @module
 */

import { type AccountErrorCode, isAccountErrorCode } from '../account/errors.js';
import { type Problem, type ProblemError, problemOf } from '../kernel/problem.js';
import { type DescribableError, describeError, type ErrorLocale } from './describe-error.js';

/** 409: conflicts with the account's state; 422: values no state would take. */
const REFUSAL_STATUS: { readonly [K in AccountErrorCode]: 409 | 422 } = {
  UnknownCommand: 422,
  InvalidInstant: 422,
  InstantOutOfOrder: 409,
  InstantAfterCommand: 422,
  InstantBeforeOpening: 422,
  CallEndedBeforeStart: 422,
  AccountNotOpened: 409,
  AccountMismatch: 422,
  AccountAlreadyOpened: 409,
  UnknownTariff: 422,
  TariffUnchanged: 409,
  RenewalNotDue: 409,
  SubscriptionAlreadyLapsed: 409,
  SubscriptionLapsed: 409,
  MultichannelNumberExists: 409,
  NumberIsUserNumber: 409,
  UnknownMultichannelNumber: 422,
  MultichannelNumberIsMain: 409,
  LastMultichannelNumber: 409,
  NumberExists: 409,
  NumberIsMultichannel: 409,
  UnknownNumber: 422,
  DuplicateNumbers: 422,
  IneligibleNumbers: 409,
  OptionNotEnabled: 409,
  ShortNumberTaken: 409,
  UnknownMelody: 422,
  MelodyExists: 409,
  RecordingNotEnabled: 409,
  RecordingAlreadyEnabled: 409,
  LiabilityNotAcknowledged: 422,
  RecordingNotEnabledForNumber: 409,
  StoragePackLimitReached: 409,
  NoStoragePack: 409,
  WouldEvictRecordings: 409,
  StorageFullOfPinnedRecordings: 409,
  RecordingTooLarge: 422,
  RecordingExists: 409,
  UnknownRecording: 422,
  RecordingPinned: 409,
  UnknownSmsPackage: 422,
  FreeSmsPackageUsed: 409,
  SmsTextTooLong: 422,
  NotificationTextEmpty: 422,
  InvalidVisitCardPeriod: 422,
  InvalidSuppressionWindow: 422,
  InvalidQuietHours: 422,
  InvalidCallbackWindow: 422,
  SmartCallbackAlreadyEnabled: 409,
  SmartCallbackNotEnabled: 409,
};

/** The status of a refusal of `code` (a code of another decider: 422). */
export const refusalStatus = (code: string): 409 | 422 =>
  isAccountErrorCode(code) ? REFUSAL_STATUS[code] : 422;

const TITLES: Record<ErrorLocale, Record<number, string>> = {
  ru: {
    400: 'Неверные данные команды',
    409: 'Команда отклонена',
    422: 'Команда отклонена',
    500: 'Внутренняя ошибка',
    503: 'Сервис временно недоступен',
  },
  en: {
    400: 'Invalid command',
    409: 'Command refused',
    422: 'Command refused',
    500: 'Internal error',
    503: 'Service unavailable',
  },
};

/** The language of a problem's texts and the prefix of its `type` URI. */
export interface ToProblemOptions {
  /** The language of `title` and `detail` (default `en`). */
  readonly locale?: ErrorLocale;
  /** The start of `type` URIs, followed by the code (default `urn:pbx-options:problem:`). */
  readonly typeBase?: string;
}

/** The RFC 9457 problem object of any error the account's command handler returns. */
export const toProblem = (error: DescribableError, options: ToProblemOptions = {}): Problem => {
  const locale = options.locale ?? 'en';
  return problemOf(error as ProblemError, {
    describe: (e) => describeError(e, locale),
    title: (_, status) => TITLES[locale][status] ?? TITLES[locale][500]!,
    refusalStatus,
    ...(options.typeBase === undefined ? {} : { typeBase: options.typeBase }),
  });
};
