/**
 * Checks other capabilities make before starting a paid service.
 * @module
 */
import type { DecisionContext } from '../account/decision.js';
import { type AccountDomainErrorOf, accountError } from '../account/errors.js';
import type { AccountState } from '../account/state.js';

/** The instant a decision is made at, as a guard needs it. */
export type DecisionInstant = Pick<DecisionContext, 'atMs' | 'metadata'>;

/**
 * `SubscriptionLapsed` when the subscription is not paid at the command's instant: it lapsed, or
 * its period ended with auto-renewal off and no renewal since. `undefined` when a paid service
 * may start.
 */
export const subscriptionLapsed = (
  state: AccountState,
  context: DecisionInstant,
): AccountDomainErrorOf<'SubscriptionLapsed'> | undefined => {
  const subscription = state.tariff.subscription;
  if (subscription === null) return undefined;
  const ended = !subscription.autoRenewal && context.atMs >= Date.parse(subscription.paidUntil);
  if (subscription.status === 'lapsed' || ended) {
    return accountError(
      'SubscriptionLapsed',
      `the subscription is not paid (paid until ${subscription.paidUntil})`,
      {
        paidUntil: subscription.paidUntil,
        at: context.metadata.at,
      },
    );
  }
  return undefined;
};
