/**
 * Evolutions of the account, its tariff and subscription: O(1) per event.
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import type { tariffEvents } from './events.js';
import { copyTerms } from './terms.js';

/** Evolutions of this capability, by event type. */
export const tariffEvolutions: Evolutions<keyof typeof tariffEvents> = {
  AccountOpened: (draft, { data }) => {
    const tariff = draft.tariff;
    tariff.accountId = data.accountId;
    tariff.openedAt = data.openedAt;
    tariff.timeZone = data.timeZone;
    tariff.terms = copyTerms(data.tariff);
    tariff.subscription = {
      anchor: data.openedAt,
      periodStart: data.periodStart,
      periodStartMs: Date.parse(data.periodStart),
      previousPeriodStart: null,
      previousPeriodStartMs: 0,
      paidUntil: data.paidUntil,
      paidUntilMs: Date.parse(data.paidUntil),
      autoRenewal: data.autoRenewal,
      status: 'active',
    };
  },
  TariffChanged: (draft, { data }) => {
    draft.tariff.terms = copyTerms(data.tariff);
  },
  AutoRenewalSet: (draft, { data }) => {
    const subscription = draft.tariff.subscription;
    if (subscription !== null) subscription.autoRenewal = data.enabled;
  },
  SubscriptionRenewed: (draft, { data }) => {
    const subscription = draft.tariff.subscription;
    if (subscription === null) return;
    // A payment after a lapse starts the periods again from its own instant.
    if (data.restarted) {
      subscription.anchor = data.periodStart;
      subscription.previousPeriodStart = null;
      subscription.previousPeriodStartMs = 0;
    } else {
      subscription.previousPeriodStart = subscription.periodStart;
      subscription.previousPeriodStartMs = subscription.periodStartMs;
    }
    subscription.periodStart = data.periodStart;
    subscription.periodStartMs = Date.parse(data.periodStart);
    subscription.paidUntil = data.paidUntil;
    subscription.paidUntilMs = Date.parse(data.paidUntil);
    subscription.status = 'active';
  },
  SubscriptionLapsed: (draft) => {
    const subscription = draft.tariff.subscription;
    if (subscription !== null) subscription.status = 'lapsed';
  },
};
