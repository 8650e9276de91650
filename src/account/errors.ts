/**
 * Every refusal the account decider can return, in one table: code → details. A service can
 * `switch` over `error.code` exhaustively and read `details` typed for that code; a misspelt code
 * or details of the wrong shape do not compile where errors are built.
 * @module
 */
import type { DomainError } from '../kernel/errors.js';
import type { Scenario } from '../notifications/scenario.js';
import type { IneligibleNumber, NumberOption } from '../numbers/state.js';

/** Details of one field's value outside its allowed range. */
interface OutOfRange {
  readonly field: string;
  readonly min: number;
  readonly max: number;
}

/** Details naming a number of the account (or one that is not). */
interface NamedNumber {
  readonly field: string;
  readonly number: string;
}

/** Details naming a recording. */
interface NamedRecording {
  readonly field: string;
  readonly recordingId: string;
}

/** Details naming a melody. */
interface NamedMelody {
  readonly field: string;
  readonly melodyId: string;
}

/**
 * The details each error code carries, by code. Instants are ISO-8601 strings as received or
 * as kept in events; sizes are bytes; `field` is the dotted path of the field to blame.
 */
export interface AccountErrorDetails {
  // The envelope of every command
  /** The command's type has no decision (only a typed caller bypassing decoding gets here). */
  readonly UnknownCommand: { readonly type: string };
  /** `at` is not a calendar instant with an offset. */
  readonly InvalidInstant: { readonly field: string; readonly at: string };
  /** `at` is earlier than `latest`, the instant of the account's latest event. */
  readonly InstantOutOfOrder: { readonly field: string; readonly latest: string; readonly at: string };
  /** A fact's own instant (`value`, in `field`) lies after the command's instant `at`. */
  readonly InstantAfterCommand: { readonly field: string; readonly value: string; readonly at: string };
  /** A fact's own instant (`value`, in `field`) lies before the account was opened. */
  readonly InstantBeforeOpening: {
    readonly field: string;
    readonly value: string;
    readonly openedAt: string;
  };
  /** A reported call's end lies before its start. */
  readonly CallEndedBeforeStart: {
    readonly field: string;
    readonly startedAt: string;
    readonly endedAt: string;
  };
  /** No command but `OpenAccount` is accepted before the account is opened. */
  readonly AccountNotOpened: { readonly accountId: string };
  /** The command names another account than the one the stream holds. */
  readonly AccountMismatch: { readonly expected: string; readonly actual: string };

  // Account, tariff, subscription
  readonly AccountAlreadyOpened: { readonly accountId: string; readonly openedAt: string | null };
  /** `known`: the catalogue's tariff ids. */
  readonly UnknownTariff: {
    readonly field: string;
    readonly tariffId: string;
    readonly known: readonly string[];
  };
  readonly TariffUnchanged: { readonly field: string; readonly tariffId: string };
  /** The scheduler's renewal before the period ends. */
  readonly RenewalNotDue: { readonly paidUntil: string; readonly at: string };
  /** The scheduler's renewal of a subscription that already lapsed (only a payment renews it). */
  readonly SubscriptionAlreadyLapsed: { readonly paidUntil: string };
  /** A paid service asked for from `paidUntil` on, with no renewal since; `at` is the command's instant. */
  readonly SubscriptionLapsed: { readonly paidUntil: string; readonly at: string };

  // Numbers
  readonly MultichannelNumberExists: NamedNumber;
  readonly NumberIsUserNumber: NamedNumber;
  readonly UnknownMultichannelNumber: NamedNumber;
  /** The main МКН cannot be removed: another one must be made main first. */
  readonly MultichannelNumberIsMain: NamedNumber;
  /** The account's only МКН cannot be removed. */
  readonly LastMultichannelNumber: NamedNumber;
  readonly NumberExists: NamedNumber;
  readonly NumberIsMultichannel: NamedNumber;
  readonly UnknownNumber: NamedNumber;
  /** `numbers`: each number listed more than once, once. */
  readonly DuplicateNumbers: { readonly field: string; readonly numbers: readonly string[] };
  /** `numbers`: every number that cannot take the change, with why. */
  readonly IneligibleNumbers: {
    readonly field: string;
    readonly option: NumberOption;
    readonly numbers: readonly Readonly<IneligibleNumber>[];
  };
  readonly OptionNotEnabled: NamedNumber & { readonly option: NumberOption };
  /** `holder`: the number that has the short number. */
  readonly ShortNumberTaken: {
    readonly field: string;
    readonly shortNumber: string;
    readonly holder: string;
  };
  readonly UnknownMelody: NamedMelody;
  readonly MelodyExists: NamedMelody;

  // Recording option
  /** `field` when a recording's source asked for it; absent for the option's own commands. */
  readonly RecordingNotEnabled: { readonly field?: string };
  readonly RecordingAlreadyEnabled: Readonly<Record<never, never>>;
  readonly LiabilityNotAcknowledged: { readonly field: string };
  readonly RecordingNotEnabledForNumber: NamedNumber;

  // Storage
  readonly StoragePackLimitReached: { readonly maxPacks: number; readonly packs: number };
  readonly NoStoragePack: Readonly<Record<never, never>>;
  /** `count` recordings of `bytes` in all would go; `quotaBytes` is the quota after the change. */
  readonly WouldEvictRecordings: {
    readonly field: string;
    readonly count: number;
    readonly bytes: number;
    readonly quotaBytes: number;
  };
  /**
   * Pinned recordings alone leave no room: for a new recording of `sizeBytes` (`field`
   * `data.sizeBytes`), or under a smaller quota (no `sizeBytes`; `field` is the tariff, absent
   * when a pack is removed).
   */
  readonly StorageFullOfPinnedRecordings: {
    readonly field?: string;
    readonly quotaBytes: number;
    readonly usedBytes: number;
    readonly pinnedBytes: number;
    readonly sizeBytes?: number;
  };
  /** Larger than the quota can reach now (`reachableQuotaBytes`) and with every pack (`maxQuotaBytes`). */
  readonly RecordingTooLarge: {
    readonly field: string;
    readonly sizeBytes: number;
    readonly maxQuotaBytes: number;
    readonly reachableQuotaBytes: number;
  };
  readonly RecordingExists: NamedRecording;
  readonly UnknownRecording: NamedRecording;
  readonly RecordingPinned: NamedRecording;

  // SMS
  /** `offered`: the catalogue's package sizes. */
  readonly UnknownSmsPackage: {
    readonly field: string;
    readonly size: number;
    readonly offered: readonly number[];
  };
  /** The free package was had (bought or renewed) in the billing period `[periodStart, periodEnd)`. */
  readonly FreeSmsPackageUsed: {
    readonly field: string;
    readonly periodStart: string;
    readonly periodEnd: string;
  };

  // Notifications
  /** `characters` counted as code points; `max` is 210. */
  readonly SmsTextTooLong: { readonly field: string; readonly characters: number; readonly max: number };
  readonly NotificationTextEmpty: { readonly field: string; readonly scenario: Scenario };
  readonly InvalidVisitCardPeriod: OutOfRange & { readonly months: number };
  readonly InvalidSuppressionWindow: OutOfRange & { readonly minutes: number };
  readonly InvalidQuietHours: { readonly field: string; readonly from: string; readonly to: string };

  // Smart callback
  readonly InvalidCallbackWindow: OutOfRange & { readonly minutes: number };
  readonly SmartCallbackAlreadyEnabled: { readonly windowMinutes: number };
  readonly SmartCallbackNotEnabled: Readonly<Record<never, never>>;
}

/** Every domain error code the account decider can return. */
export type AccountErrorCode = keyof AccountErrorDetails;

/** The refusal of one code, with its details typed. */
export type AccountDomainErrorOf<C extends AccountErrorCode> = DomainError<C, AccountErrorDetails[C]>;

/** Any refusal of the account decider: narrowing on `code` types `details`. */
export type AccountDomainError = { [C in AccountErrorCode]: AccountDomainErrorOf<C> }[AccountErrorCode];

const everyCode: { readonly [C in AccountErrorCode]: true } = {
  UnknownCommand: true,
  InvalidInstant: true,
  InstantOutOfOrder: true,
  InstantAfterCommand: true,
  InstantBeforeOpening: true,
  CallEndedBeforeStart: true,
  AccountNotOpened: true,
  AccountMismatch: true,
  AccountAlreadyOpened: true,
  UnknownTariff: true,
  TariffUnchanged: true,
  RenewalNotDue: true,
  SubscriptionAlreadyLapsed: true,
  SubscriptionLapsed: true,
  MultichannelNumberExists: true,
  NumberIsUserNumber: true,
  UnknownMultichannelNumber: true,
  MultichannelNumberIsMain: true,
  LastMultichannelNumber: true,
  NumberExists: true,
  NumberIsMultichannel: true,
  UnknownNumber: true,
  DuplicateNumbers: true,
  IneligibleNumbers: true,
  OptionNotEnabled: true,
  ShortNumberTaken: true,
  UnknownMelody: true,
  MelodyExists: true,
  RecordingNotEnabled: true,
  RecordingAlreadyEnabled: true,
  LiabilityNotAcknowledged: true,
  RecordingNotEnabledForNumber: true,
  StoragePackLimitReached: true,
  NoStoragePack: true,
  WouldEvictRecordings: true,
  StorageFullOfPinnedRecordings: true,
  RecordingTooLarge: true,
  RecordingExists: true,
  UnknownRecording: true,
  RecordingPinned: true,
  UnknownSmsPackage: true,
  FreeSmsPackageUsed: true,
  SmsTextTooLong: true,
  NotificationTextEmpty: true,
  InvalidVisitCardPeriod: true,
  InvalidSuppressionWindow: true,
  InvalidQuietHours: true,
  InvalidCallbackWindow: true,
  SmartCallbackAlreadyEnabled: true,
  SmartCallbackNotEnabled: true,
};

/** Every account error code at run time (the table's keys, checked complete by the compiler). */
export const accountErrorCodes: readonly AccountErrorCode[] = Object.keys(everyCode) as AccountErrorCode[];

/** Whether `code` is one of the account decider's error codes. */
export const isAccountErrorCode = (code: string): code is AccountErrorCode => Object.hasOwn(everyCode, code);

/** Builds the refusal of `code`: its details must have that code's shape. */
export const accountError = <C extends AccountErrorCode>(
  code: C,
  message: string,
  details: AccountErrorDetails[C],
): AccountDomainErrorOf<C> => ({ _tag: 'DomainError', code, message, details });
