/**
 * Events of the account, its tariff and subscription.
 * @module
 */
import * as t from 'io-ts';
import { Id, Instant, Name, NonNegativeInt, PositiveInt } from '../kernel/codecs.js';
import { TimeZone } from './time-zone.js';

/** A tariff's terms as carried by events (the price in effect when the charge started). */
export const TariffTermsCodec = t.type(
  {
    tariffId: Id,
    name: Name,
    monthlyFee: NonNegativeInt,
    includedEmployees: NonNegativeInt,
    includedMultichannelNumbers: NonNegativeInt,
    extraEmployeeFee: NonNegativeInt,
    baseStorageBytes: PositiveInt,
  },
  'TariffTerms',
);

/** Event payload codecs of this capability, by event type. */
export const tariffEvents = {
  /** The account was opened on a tariff; its first period starts at once. */
  AccountOpened: t.type({
    accountId: Id,
    tariff: TariffTermsCodec,
    timeZone: TimeZone,
    openedAt: Instant,
    periodStart: Instant,
    paidUntil: Instant,
    autoRenewal: t.boolean,
  }),
  /** The tariff changed, effective at once. */
  TariffChanged: t.type({ previousTariffId: Id, tariff: TariffTermsCodec }),
  /** "Продлевать абонемент автоматически" was switched. */
  AutoRenewalSet: t.type({ enabled: t.boolean }),
  /**
   * A new paid period `[periodStart, paidUntil)`, one calendar month in the account's zone.
   * `manual`: a payment by the customer (else the scheduler's auto-renewal). `restarted`: a
   * payment after a lapse; the period starts at the payment itself and later periods are
   * anchored on it (the days from the previous `paidUntil` to `periodStart` were not paid).
   * Otherwise the period follows the previous one without a gap.
   */
  SubscriptionRenewed: t.type({
    periodStart: Instant,
    paidUntil: Instant,
    manual: t.boolean,
    restarted: t.boolean,
  }),
  /**
   * The period ending at `paidUntil` was not renewed: paid services are suspended from
   * `paidUntil` (not from the event's own instant, which may be later) until a payment.
   */
  SubscriptionLapsed: t.type({ paidUntil: Instant }),
};
