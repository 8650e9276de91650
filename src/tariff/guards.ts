/**
 * The check every capability makes before starting a paid service: a lapsed subscription
 * suspends them until it is renewed.
 * @module
 */
import type { DecisionContext } from '../account/decision.js';
import { type AccountDomainErrorOf, accountError } from '../account/errors.js';
import type { AccountState } from '../account/state.js';
import { isLapsedAt } from './standing.js';

/** The instant a decision is made at, as a guard needs it. */
export type DecisionInstant = Pick<DecisionContext, 'atMs' | 'metadata'>;

/**
 * `SubscriptionLapsed` when paid services are suspended at the command's instant (see
 * `isLapsedAt`): from `paidUntil` with auto-renewal off and no renewal since, whether or not
 * the lapse was recorded yet. `undefined` when a paid service may start.
 */
export const subscriptionLapsed = (
  state: AccountState,
  context: DecisionInstant,
): AccountDomainErrorOf<'SubscriptionLapsed'> | undefined => {
  const subscription = state.tariff.subscription;
  if (subscription === null || !isLapsedAt(subscription, context.atMs)) return undefined;
  return accountError(
    'SubscriptionLapsed',
    `the subscription is not paid since ${subscription.paidUntil}: paid services are suspended until it is renewed`,
    { paidUntil: subscription.paidUntil, at: context.metadata.at },
  );
};
