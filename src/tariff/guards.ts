/**
 * Checks other capabilities make before turning on a paid option.
 * @module
 */
import type { AccountState } from '../account/state.js';
import { type DomainError, domainError } from '../kernel/errors.js';

/**
 * `SubscriptionLapsed` when the subscription is not paid at `atMs`: it lapsed, or its period
 * ended with auto-renewal off and no renewal since. `undefined` when a paid option may be turned on.
 */
export const subscriptionLapsed = (state: AccountState, atMs: number): DomainError | undefined => {
  const subscription = state.tariff.subscription;
  if (subscription === null) return undefined;
  const ended = !subscription.autoRenewal && atMs >= Date.parse(subscription.paidUntil);
  if (subscription.status === 'lapsed' || ended) {
    return domainError(
      'SubscriptionLapsed',
      `the subscription is not paid (paid until ${subscription.paidUntil})`,
      {
        paidUntil: subscription.paidUntil,
      },
    );
  }
  return undefined;
};
