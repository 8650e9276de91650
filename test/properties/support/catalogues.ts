/**
 * Catalogues the properties run with besides the default one: the invariants hold for any valid
 * price list, and a small one makes rare situations common.
 */
import type { Catalogue } from '../../../src/catalogue/catalogue.js';
import { defaultCatalogue } from '../../../src/catalogue/default-catalogue.js';

/** Tiny SMS packages, so that balances run out and packages renew within a short history. */
export const TINY_SMS_PACKAGES: Catalogue = {
  ...defaultCatalogue,
  smsPackages: [
    { size: 3, price: 0 },
    { size: 7, price: 1_000 },
    { size: 100, price: 5_000 },
  ],
};

/** Catalogues by the name a regression case gives. */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = {
  default: defaultCatalogue,
  'tiny-sms-packages': TINY_SMS_PACKAGES,
};
