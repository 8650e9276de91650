/**
 * `RegisterCall`: the telephony side reports a finished call. Decides, in this order:
 * 1. `CallRegistered` (the client's record then exists for what follows);
 * 2. per due scenario, in the PBX's order, per channel (SMS, then Telegram): the package
 *    renewals the SMS need (`SmsPackagePurchased`, `auto-renewal`), then `NotificationSent`, or
 *    `NotificationSkipped` with its reason;
 * 3. `SmartCallbackWindowClosed` when an answered call between the window's operator and client
 *    closes it; `SmartCallbackWindowOpened` when the call opens one.
 * Applied one by one, the balance never goes below zero. While the subscription is lapsed the
 * call is registered, every due notice is skipped (`subscription-lapsed`: no SMS spent, no
 * package renewed) and no window opens.
 * @module
 */
import { left } from 'fp-ts/lib/Either.js';
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import type { AccountEvent } from '../account/events.js';
import { instantMs } from '../kernel/codecs.js';
import { type SendSlot, sendSlot } from '../notifications/quiet-hours.js';
import { windowClosedBy, windowOpenedBy } from '../smart-callback/window.js';
import { openSmsLedger } from '../sms/spend.js';
import { isLapsedAt } from '../tariff/standing.js';
import { callMadeAt, refuseCallTimes } from './call-times.js';
import { clientRecordOf, isRecentCall } from './client-record.js';
import { type Delivery, deliverNotice } from './deliver.js';
import { noticesDue } from './notices-due.js';

/**
 * The same call id registered again for the same client appends nothing. Refusals:
 * `UnknownMultichannelNumber` when the call names an МКН the account does not have; the call's
 * times (`refuseCallTimes`).
 */
export const decideRegisterCall: DecideFn<'RegisterCall'> = (command, state, context) => {
  const call = command.data;
  const mkn = call.multichannelNumber;
  if (mkn !== undefined && !state.numbers.multichannel.includes(mkn)) {
    return reject('UnknownMultichannelNumber', `${mkn} is not a multichannel number of the account`, {
      field: 'data.multichannelNumber',
      number: mkn,
    });
  }
  const refused = refuseCallTimes(state, call, context);
  if (refused !== undefined) return left(refused);
  const record = clientRecordOf(state.calls.clients, call.client);
  if (record !== undefined && isRecentCall(record, call.callId)) return accept();
  const madeAt = callMadeAt(call, context.metadata.at);
  const madeAtMs = madeAt === context.metadata.at ? context.atMs : instantMs(madeAt);
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
        startedAt: call.startedAt ?? null,
        endedAt: call.endedAt ?? null,
      },
      context,
    ),
  ];
  const due = noticesDue(state, record, call, context.atMs, madeAtMs);
  const subscription = state.tariff.subscription;
  const lapsed = subscription !== null && isLapsedAt(subscription, context.atMs);
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
      const hold = lapsed ? 'subscription-lapsed' : notice.suppressed ? 'suppressed' : undefined;
      deliverNotice(delivery, notice.scenario, state.notifications.scenarios[notice.scenario], hold);
    }
  }
  const closed = windowClosedBy(state, call, madeAtMs, context);
  if (closed !== undefined) events.push(closed);
  // Smart callback is a paid service too: no window opens while it is suspended.
  const opened = lapsed ? undefined : windowOpenedBy(state, call, context);
  if (opened !== undefined) events.push(opened);
  return accept(...events);
};
