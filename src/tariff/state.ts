/**
 * Tariff and subscription: the part of the account state they own.
 * @module
 */
import type { Tariff } from '../catalogue/catalogue.js';
import { DEFAULT_TIME_ZONE } from './time-zone.js';

/** A tariff's terms as in effect on the account (copied from the catalogue when chosen). */
export interface TariffTerms extends Tariff {
  readonly tariffId: string;
}

/**
 * The subscription: paid in advance for monthly periods anchored on the opening instant, or on
 * the payment that renewed it after a lapse. Instants are kept as written and as epoch ms, so
 * that a decision compares numbers and replay parses only when a period changes.
 */
export interface SubscriptionState {
  /** The instant periods are anchored on: the opening, or the payment that ended a lapse. */
  anchor: string;
  /**
   * Start of the latest paid period (ISO instant). Paid in advance by `RenewSubscription
   * { manual: true }`, it may not have begun yet; it always ends at `paidUntil`.
   */
  periodStart: string;
  periodStartMs: number;
  /**
   * Start of the paid period before it, which ends at `periodStart` (`null` after the opening
   * or a payment after a lapse): the period a charge falls in after a payment in advance.
   */
  previousPeriodStart: string | null;
  previousPeriodStartMs: number;
  /** End of the latest paid period, exclusive ("Оплачен до"). */
  paidUntil: string;
  paidUntilMs: number;
  autoRenewal: boolean;
  /**
   * `lapsed`: the period ended without renewal (recorded by the scheduler). From `paidUntil` on
   * with auto-renewal off, the subscription is lapsed even before that is recorded.
   */
  status: 'active' | 'lapsed';
}

/** The account, its tariff and subscription. */
export interface TariffSlice {
  /** `null` until the account is opened. */
  accountId: string | null;
  openedAt: string | null;
  timeZone: string;
  terms: TariffTerms | null;
  subscription: SubscriptionState | null;
}

/** A slice for an account not yet opened. */
export const initialTariffSlice = (): TariffSlice => ({
  accountId: null,
  openedAt: null,
  timeZone: DEFAULT_TIME_ZONE,
  terms: null,
  subscription: null,
});
