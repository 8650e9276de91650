/**
 * Commands of customer notifications after calls.
 * @module
 */
import * as t from 'io-ts';
import { intRange, NotificationText, strictType } from '../kernel/codecs.js';
import { ClockTime } from './events.js';
import { DirectionCodec, ScenarioCodec } from './scenario.js';

/** Command payload codecs of this capability, by command type. */
export const notificationsCommands = {
  /** Saves a scenario: its channels and its text (at most 210 characters). */
  ConfigureNotification: strictType({
    scenario: ScenarioCodec,
    sms: t.boolean,
    telegram: t.boolean,
    text: NotificationText,
  }),
  /** Sets a visit card's period, 1–12 months. */
  SetVisitCardPeriod: strictType({ direction: DirectionCodec, months: intRange(1, 12) }),
  /** Sets the missed-call / unreached suppression window, 0–1 440 minutes. */
  SetNotificationSuppression: strictType({ minutes: intRange(0, 1440) }),
  /** Sets quiet hours (sending allowed `from`–`to` in the account's zone), or clears them with `null`. */
  SetQuietHours: strictType({
    quietHours: t.union([strictType({ from: ClockTime, to: ClockTime }), t.null]),
  }),
};
