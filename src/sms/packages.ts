/**
 * SMS packages of the catalogue, and the billing period a purchase is charged in.
 * @module
 */
import type { DecisionContext } from '../account/decision.js';
import type { AccountState } from '../account/state.js';
import type { SmsPackage } from '../catalogue/catalogue.js';
import type { Period } from '../tariff/periods.js';
import { billingPeriodAt } from '../tariff/standing.js';

/** The catalogue package of `size` SMS, or `undefined`. */
export const catalogueSmsPackage = (context: DecisionContext, size: number): SmsPackage | undefined => {
  for (const offer of context.catalogue.smsPackages) if (offer.size === size) return offer;
  return undefined;
};

/**
 * The billing period a purchase at the command's instant is charged in (see `billingPeriodAt`);
 * before any period is known, one starting at the command's instant.
 */
export const chargePeriod = (state: AccountState, context: DecisionContext): Period =>
  billingPeriodAt(state, context.atMs) ?? { start: context.metadata.at, end: context.metadata.at };

/** Whether the free package was had (bought or renewed) in the period starting at `periodStart`. */
export const freePackageHadIn = (state: AccountState, periodStart: string): boolean => {
  const had = state.sms.freePackagePeriodStart;
  return had !== null && Date.parse(had) === Date.parse(periodStart);
};
