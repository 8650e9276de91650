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
      periodStart: data.periodStart,
      paidUntil: data.paidUntil,
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
    subscription.periodStart = data.periodStart;
    subscription.paidUntil = data.paidUntil;
    subscription.status = 'active';
  },
  SubscriptionLapsed: (draft) => {
    const subscription = draft.tariff.subscription;
    if (subscription !== null) subscription.status = 'lapsed';
  },
};
