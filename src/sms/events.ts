/**
 * Events of SMS packages.
 * @module
 */
import * as t from 'io-ts';
import { Instant, NonNegativeInt, PositiveInt } from '../kernel/codecs.js';

/** Event payload codecs of this capability, by event type. */
export const smsEvents = {
  /**
   * A package was bought (`purchase`) or renewed because SMS ran out (`auto-renewal`); a one-off
   * charge of `price`. `periodStart`: the subscription period it was charged in.
   */
  SmsPackagePurchased: t.type({
    size: PositiveInt,
    price: NonNegativeInt,
    reason: t.keyof({ purchase: null, 'auto-renewal': null }),
    balanceAfter: NonNegativeInt,
    periodStart: Instant,
  }),
};
