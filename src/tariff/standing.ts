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
 * The billing period containing `atMs`, for a charge made then: the latest paid period, or the
 * one before it when a payment in advance was made (no calendar arithmetic for either), else the
 * anchored period containing it (the renewal from `paidUntil` is due, or several periods were
 * paid ahead). `undefined` before the account is opened.
 */
export const billingPeriodAt = (state: AccountState, atMs: number): Period | undefined => {
  const subscription = state.tariff.subscription;
  if (subscription === null) return undefined;
  const { periodStart, periodStartMs, previousPeriodStart, previousPeriodStartMs } = subscription;
  if (atMs >= periodStartMs && atMs < subscription.paidUntilMs) {
    return { start: periodStart, end: subscription.paidUntil };
  }
  if (previousPeriodStart !== null && atMs >= previousPeriodStartMs && atMs < periodStartMs) {
    return { start: previousPeriodStart, end: periodStart };
  }
  return periodAt(subscription.anchor, state.tariff.timeZone, atMs);
};
