/**
 * The events of one due notice: per channel that is on, a `NotificationSent` (SMS paid first,
 * renewing the package if needed) or a `NotificationSkipped` with its reason.
 * @module
 */
import { type DecisionContext, eventOf } from '../account/decision.js';
import type { AccountEvent } from '../account/events.js';
import type { SkipReason } from '../notifications/events.js';
import type { SendSlot } from '../notifications/quiet-hours.js';
import type { Channel, Scenario } from '../notifications/scenario.js';
import type { ScenarioSettings } from '../notifications/state.js';
import { paySms, type SmsLedger } from '../sms/spend.js';

/** Everything one call's notices share. */
export interface Delivery {
  readonly callId: string;
  readonly recipient: string;
  readonly ledger: SmsLedger;
  /** When notices may go out (the sending hours), computed once per call. */
  readonly slot: () => SendSlot;
  readonly context: DecisionContext;
  readonly out: AccountEvent[];
}

const skip = (
  delivery: Delivery,
  scenario: Scenario,
  channel: Channel,
  reason: SkipReason,
  smsNeeded: number,
): void => {
  delivery.out.push(
    eventOf(
      'NotificationSkipped',
      { callId: delivery.callId, scenario, channel, recipient: delivery.recipient, reason, smsNeeded },
      delivery.context,
    ),
  );
};

const send = (
  delivery: Delivery,
  scenario: Scenario,
  channel: Channel,
  settings: Readonly<ScenarioSettings>,
  smsSpent: number,
): void => {
  const slot = delivery.slot();
  delivery.out.push(
    eventOf(
      'NotificationSent',
      {
        callId: delivery.callId,
        scenario,
        channel,
        recipient: delivery.recipient,
        text: settings.text,
        segments: settings.segments,
        smsSpent,
        sendAt: slot.sendAt,
        deferred: slot.deferred,
      },
      delivery.context,
    ),
  );
};

/** Why a notice is held back on every channel before anything is paid. */
export type Hold = 'suppressed' | 'subscription-lapsed';

/**
 * Appends the events of one notice, SMS channel first, then Telegram. A held notice is skipped
 * on each channel that is on with the hold as its reason, spending nothing.
 */
export const deliverNotice = (
  delivery: Delivery,
  scenario: Scenario,
  settings: Readonly<ScenarioSettings>,
  hold: Hold | undefined,
): void => {
  const need = settings.segments;
  if (settings.sms) {
    const shortfall = hold ?? paySms(delivery.ledger, need, delivery.context, delivery.out);
    if (shortfall === undefined) send(delivery, scenario, 'sms', settings, need);
    else skip(delivery, scenario, 'sms', shortfall, need);
  }
  if (settings.telegram) {
    if (hold !== undefined) skip(delivery, scenario, 'telegram', hold, 0);
    else send(delivery, scenario, 'telegram', settings, 0);
  }
};
