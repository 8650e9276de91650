/**
 * `PurchaseSmsPackage`: buys a catalogue package; it adds to the balance and becomes the
 * package that renews automatically when SMS run out.
 * @module
 */

import { left } from 'fp-ts/lib/Either.js';
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import { subscriptionLapsed } from '../tariff/guards.js';
import { catalogueSmsPackage, chargePeriod, freePackageHadIn } from './packages.js';

/**
 * Refusals: `UnknownSmsPackage` (no such size in the catalogue), `SubscriptionLapsed` (any
 * package, the free one too, while the subscription is lapsed), `FreeSmsPackageUsed` (the free package was already
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
  // Every package is a paid service, the free one too: it is had once per paid period.
  const lapsed = subscriptionLapsed(state, context);
  if (lapsed !== undefined) return left(lapsed);
  const period = chargePeriod(state, context);
  if (offer.price === 0 && freePackageHadIn(state, period.start)) {
    return reject(
      'FreeSmsPackageUsed',
      `the free package was already had in the billing period ${period.start} – ${period.end}; a paid package gives more`,
      { field: 'data.size', periodStart: period.start, periodEnd: period.end },
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
        periodStart: period.start,
      },
      context,
    ),
  );
};
