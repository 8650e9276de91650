/**
 * Where an instant stands against the subscription: paid, or lapsed, and the billing period a
 * charge made then belongs to.
 * @module
 */
import type { AccountState } from '../account/state.js';
import { type Period, periodAt } from './periods.js';
import type { SubscriptionState } from './state.js';

/**
 * Whether paid services are suspended at `atMs`: the subscription lapsed, or its period ended
 * with auto-renewal off (lapsed from `paidUntil` even before the scheduler records it). With
 * auto-renewal on, the time from `paidUntil` until the scheduler's renewal is paid: that renewal
 * covers the period from `paidUntil`, whenever it runs.
 */
export const isLapsedAt = (subscription: Readonly<SubscriptionState>, atMs: number): boolean =>
  subscription.status === 'lapsed' || (!subscription.autoRenewal && atMs >= subscription.paidUntilMs);

/**
 * The billing period containing `atMs`, for a charge made then: the latest paid period when it
 * holds `atMs` (no calendar arithmetic), else the anchored period containing it (a period paid
 * in advance has not begun yet, or the renewal from `paidUntil` is due). `undefined` before the
 * account is opened.
 */
export const billingPeriodAt = (state: AccountState, atMs: number): Period | undefined => {
  const subscription = state.tariff.subscription;
  if (subscription === null) return undefined;
  if (atMs >= subscription.periodStartMs && atMs < subscription.paidUntilMs) {
    return { start: subscription.periodStart, end: subscription.paidUntil };
  }
  return periodAt(subscription.anchor, state.tariff.timeZone, atMs);
};
