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

/** The subscription: paid in advance for monthly periods anchored on the opening date. */
export interface SubscriptionState {
  /**
   * Start of the latest paid period (ISO instant). Paid in advance by `RenewSubscription
   * { manual: true }`, it may not have begun yet; it always ends at `paidUntil`.
   */
  periodStart: string;
  /** End of the current paid period, exclusive ("Оплачен до"). */
  paidUntil: string;
  autoRenewal: boolean;
  /** `lapsed`: the period ended without renewal; paid options cannot be turned on. */
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
