/**
 * `RegisterCall`: the telephony side reports a finished call. Decides, in this order:
 * 1. `CallRegistered` (the client's record then exists for what follows);
 * 2. per due scenario, in the source's order, per channel (SMS, then Telegram): the package
 *    renewals the SMS need (`SmsPackagePurchased`, `auto-renewal`), then `NotificationSent`, or
 *    `NotificationSkipped` with its reason;
 * 3. `SmartCallbackWindowOpened` when the call opens a window.
 * Applied one by one, the balance never goes below zero.
 * @module
 */
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import type { AccountEvent } from '../account/events.js';
import { type SendSlot, sendSlot } from '../notifications/quiet-hours.js';
import { windowOpenedBy } from '../smart-callback/window.js';
import { openSmsLedger } from '../sms/spend.js';
import { clientRecordOf, isRecentCall } from './client-record.js';
import { type Delivery, deliverNotice } from './deliver.js';
import { noticesDue } from './notices-due.js';

/**
 * The same call id registered again for the same client appends nothing. Refusal:
 * `UnknownMultichannelNumber` when the call names an МКН the account does not have.
 */
export const decideRegisterCall: DecideFn<'RegisterCall'> = (command, state, context) => {
  const call = command.data;
  const mkn = call.multichannelNumber;
  if (mkn !== undefined && !state.numbers.multichannel.includes(mkn)) {
    return reject('UnknownMultichannelNumber', `${mkn} is not a multichannel number of the account`, {
      field: 'data.multichannelNumber',
      multichannelNumber: mkn,
    });
  }
  const record = clientRecordOf(state.calls.clients, call.client);
  if (record !== undefined && isRecentCall(record, call.callId)) return accept();
  const events: AccountEvent[] = [
    eventOf(
      'CallRegistered',
      {
        callId: call.callId,
        direction: call.direction,
        line: call.line,
        multichannelNumber: mkn ?? null,
        client: call.client,
        operator: call.operator ?? null,
        outcome: call.outcome,
      },
      context,
    ),
  ];
  const due = noticesDue(state, record, call, context.atMs);
  if (due.length > 0) {
    let slot: SendSlot | undefined;
    const delivery: Delivery = {
      callId: call.callId,
      recipient: call.client,
      ledger: openSmsLedger(state, context),
      slot: () => {
        slot ??= sendSlot(
          context.metadata.at,
          context.atMs,
          state.notifications.sendingHours,
          state.tariff.timeZone,
        );
        return slot;
      },
      context,
      out: events,
    };
    for (const notice of due) {
      deliverNotice(
        delivery,
        notice.scenario,
        state.notifications.scenarios[notice.scenario],
        notice.suppressed,
      );
    }
  }
  const window = windowOpenedBy(state, call, context);
  if (window !== undefined) events.push(window);
  return accept(...events);
};
