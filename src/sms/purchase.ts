/**
 * `PurchaseSmsPackage`: buys a catalogue package; it adds to the balance and becomes the
 * package that renews automatically when SMS run out.
 * @module
 */

import { left } from 'fp-ts/lib/Either.js';
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import { subscriptionLapsed } from '../tariff/guards.js';
import { catalogueSmsPackage, chargePeriodStart, freePackageHadIn } from './packages.js';

/**
 * Refusals: `UnknownSmsPackage` (no such size in the catalogue), `SubscriptionLapsed` (a paid
 * package while the subscription is not paid), `FreeSmsPackageUsed` (the free package was already
 * had in this billing period, bought or renewed).
 */
export const decidePurchaseSmsPackage: DecideFn<'PurchaseSmsPackage'> = (command, state, context) => {
  const { size } = command.data;
  const offer = catalogueSmsPackage(context, size);
  if (offer === undefined) {
    const sizes = context.catalogue.smsPackages.map((p) => p.size);
    return reject('UnknownSmsPackage', `there is no package of ${size} SMS (offered: ${sizes.join(', ')})`, {
      field: 'data.size',
      size,
      offered: sizes,
    });
  }
  if (offer.price > 0) {
    const lapsed = subscriptionLapsed(state, context);
    if (lapsed !== undefined) return left(lapsed);
  } else if (freePackageHadIn(state, chargePeriodStart(state, context))) {
    const periodStart = chargePeriodStart(state, context);
    const periodEnd = state.tariff.subscription?.paidUntil ?? periodStart;
    return reject(
      'FreeSmsPackageUsed',
      `the free package was already had in the period ${periodStart} – ${periodEnd}; buy a paid package for more`,
      { field: 'data.size', periodStart, periodEnd },
    );
  }
  return accept(
    eventOf(
      'SmsPackagePurchased',
      {
        size: offer.size,
        price: offer.price,
        reason: 'purchase',
        balanceAfter: state.sms.balance + offer.size,
        periodStart: chargePeriodStart(state, context),
      },
      context,
    ),
  );
};
