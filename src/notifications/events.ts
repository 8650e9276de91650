/**
 * Events of customer notifications after calls.
 * @module
 */
import * as t from 'io-ts';
import { Id, Instant, intRange, NonNegativeInt, NotificationText } from '../kernel/codecs.js';
import { withJsonSchema } from '../kernel/json-schema.js';
import { PhoneNumber } from '../numbers/phone-number.js';
import { ChannelCodec, DirectionCodec, ScenarioCodec, SuppressibleScenarioCodec } from './scenario.js';

/** `HH:mm`, 00:00–23:59. */
export const ClockTime = withJsonSchema(
  new t.Type<string, string, unknown>(
    'a time of day HH:mm',
    (u): u is string => typeof u === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(u),
    (u, c) => (typeof u === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
  ),
  {
    type: 'string',
    description: 'a time of day HH:mm, 00:00 to 23:59',
    pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  },
);

/**
 * Sending hours: the window when notices may be sent, from `from` (inclusive) to `to`
 * (exclusive) in the account's time zone; outside it they are held (quiet hours).
 */
export const SendingHoursCodec = t.type({ from: ClockTime, to: ClockTime }, 'SendingHours');

/**
 * Why a due notice was not sent: `suppressed` (one per client per scenario within the window),
 * `sms-balance-exhausted` (no SMS and no package that could renew to cover them),
 * `free-sms-package-used` (the free package, the renewing one, was already had this billing
 * period), `subscription-lapsed` (paid services are suspended until the subscription is renewed).
 */
export const SkipReasonCodec = t.keyof(
  {
    'sms-balance-exhausted': null,
    suppressed: null,
    'free-sms-package-used': null,
    'subscription-lapsed': null,
  },
  'SkipReason',
);

/** Why a due notice was not sent (see `SkipReasonCodec`). */
export type SkipReason = t.TypeOf<typeof SkipReasonCodec>;

/** Event payload codecs of this capability, by event type. */
export const notificationsEvents = {
  /** A scenario's channels and text were saved. Telegram's price in effect is carried. */
  NotificationConfigured: t.type({
    scenario: ScenarioCodec,
    sms: t.boolean,
    telegram: t.boolean,
    text: NotificationText,
    characters: NonNegativeInt,
    segments: NonNegativeInt,
    encoding: t.keyof({ 'GSM-7': null, 'UCS-2': null }),
    telegramMonthlyFee: NonNegativeInt,
  }),
  /** A visit card's period (1–12 months). */
  VisitCardPeriodSet: t.type({ direction: DirectionCodec, months: intRange(1, 12) }),
  /**
   * The suppression window (0–1 440 minutes) of `scenario`, the missed-call or the unreached
   * notice, or of both when `null` (as every event of 0.1.0).
   */
  NotificationSuppressionSet: t.type({
    minutes: intRange(0, 1440),
    scenario: t.union([SuppressibleScenarioCodec, t.null]),
  }),
  /**
   * The sending hours were set (or cleared with `null`: notices go out at any time). Schema
   * version 2; version 1 (0.1.0) named the same window `quietHours`.
   */
  QuietHoursSet: t.type({ sendingHours: t.union([SendingHoursCodec, t.null]) }),
  /**
   * A notice is due: one event per notice and channel. `sendAt` is later than the call when
   * it was due outside the sending hours (`deferred: true`). `smsSpent` is 0 on Telegram.
   */
  NotificationSent: t.type({
    callId: Id,
    scenario: ScenarioCodec,
    channel: ChannelCodec,
    recipient: PhoneNumber,
    text: NotificationText,
    segments: NonNegativeInt,
    smsSpent: NonNegativeInt,
    sendAt: Instant,
    deferred: t.boolean,
  }),
  /** A notice that was due was not sent, and why (`SkipReasonCodec`); `smsNeeded` is 0 on Telegram. */
  NotificationSkipped: t.type({
    callId: Id,
    scenario: ScenarioCodec,
    channel: ChannelCodec,
    recipient: PhoneNumber,
    reason: SkipReasonCodec,
    smsNeeded: NonNegativeInt,
  }),
};

export { DirectionCodec };
