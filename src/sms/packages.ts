/**
 * SMS packages of the catalogue, and the subscription period purchases are charged in.
 * @module
 */
import type { DecisionContext } from '../account/decision.js';
import type { AccountState } from '../account/state.js';
import type { SmsPackage } from '../catalogue/catalogue.js';

/** The catalogue package of `size` SMS, or `undefined`. */
export const catalogueSmsPackage = (context: DecisionContext, size: number): SmsPackage | undefined => {
  for (const offer of context.catalogue.smsPackages) if (offer.size === size) return offer;
  return undefined;
};

/**
 * The subscription period a purchase is charged in: the state's current period (renewals move
 * it); the opening instant, or the command's, before any period is known.
 */
export const chargePeriodStart = (state: AccountState, context: DecisionContext): string =>
  state.tariff.subscription?.periodStart ?? state.tariff.openedAt ?? context.metadata.at;

/** Whether the free package was had (bought or renewed) in the period starting at `periodStart`. */
export const freePackageHadIn = (state: AccountState, periodStart: string): boolean => {
  const had = state.sms.freePackagePeriodStart;
  return had !== null && Date.parse(had) === Date.parse(periodStart);
};
