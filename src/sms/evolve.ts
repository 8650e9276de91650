/**
 * Evolutions of SMS packages. (SMS spent by notices are taken off in `NotificationSent`.)
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import type { smsEvents } from './events.js';

type Owned = keyof typeof smsEvents;

/** Evolutions of this capability, by event type. */
export const smsEvolutions: Evolutions<Owned> = {
  SmsPackagePurchased: (draft, { data }) => {
    const sms = draft.sms;
    sms.balance = data.balanceAfter;
    sms.renewingPackage = { size: data.size, price: data.price };
    if (data.price === 0) sms.freePackagePeriodStart = data.periodStart;
  },
};
