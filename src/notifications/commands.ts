/**
 * Commands of customer notifications after calls.
 * @module
 */
import * as t from 'io-ts';
import { intRange, NotificationText, strictType } from '../kernel/codecs.js';
import { withRenamedFields } from '../kernel/renamed-fields.js';
import { ClockTime } from './events.js';
import { DirectionCodec, ScenarioCodec, SuppressibleScenarioCodec } from './scenario.js';

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
  /**
   * Sets the suppression window of the missed-call or the unreached scenario, 0–1 440 minutes;
   * without `scenario`, of both.
   */
  SetNotificationSuppression: strictType(
    { minutes: intRange(0, 1440) },
    { scenario: SuppressibleScenarioCodec },
  ),
  /**
   * Sets the sending hours: notices go out from `from` to `to` in the account's zone and are held
   * outside them (quiet hours); `null` clears them. The 0.1.0 name of the field, `quietHours`,
   * is refused with a message naming `sendingHours`: read as "quiet from … to …" it meant the
   * opposite of what it did.
   */
  SetQuietHours: withRenamedFields(
    strictType({ sendingHours: t.union([strictType({ from: ClockTime, to: ClockTime }), t.null]) }),
    { quietHours: 'renamed to data.sendingHours, the window when notices may be sent' },
  ),
};
