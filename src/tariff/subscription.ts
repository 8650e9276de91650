/**
 * `SetAutoRenewal` and `RenewSubscription`: the end of a paid period renews it ("Продлевать
 * абонемент автоматически") or lets it lapse; a payment by the customer renews it always. A
 * payment after a lapse starts a new period at its own instant: a lapsed day is never paid.
 * @module
 */
import { accept, type DecideFn, type DecisionContext, eventOf, reject } from '../account/decision.js';
import type { AccountEvent, AccountEventOf } from '../account/events.js';
import { anchoredPeriod, periodStartingAt } from './periods.js';
import type { SubscriptionState } from './state.js';

type Renewed = AccountEventOf<'SubscriptionRenewed'>;

/** The period that follows the latest paid one without a gap, anchored as before. */
const following = (
  subscription: Readonly<SubscriptionState>,
  timeZone: string,
  manual: boolean,
  context: DecisionContext,
): Renewed => {
  const next = periodStartingAt(subscription.anchor, timeZone, subscription.paidUntilMs);
  return eventOf(
    'SubscriptionRenewed',
    { periodStart: next.start, paidUntil: next.end, manual, restarted: false },
    context,
  );
};

/** A period starting at the payment itself, one calendar month long: the new anchor. */
const restartedAt = (timeZone: string, context: DecisionContext): Renewed => {
  const at = context.metadata.at;
  return eventOf(
    'SubscriptionRenewed',
    { periodStart: at, paidUntil: anchoredPeriod(at, timeZone, 0).end, manual: true, restarted: true },
    context,
  );
};

/**
 * Switches auto-renewal; setting the value it already has changes nothing (no events). Turned
 * off after `paidUntil` while the scheduler had not renewed yet, the renewals due since then
 * are recorded first: the flag was on when they fell due and the services ran on them.
 */
export const decideSetAutoRenewal: DecideFn<'SetAutoRenewal'> = (command, state, context) => {
  const subscription = state.tariff.subscription;
  const enabled = command.data.enabled;
  if (subscription === null || subscription.autoRenewal === enabled) return accept();
  const events: AccountEvent[] = [];
  if (!enabled && subscription.status === 'active') {
    let current: Readonly<SubscriptionState> = subscription;
    while (current.paidUntilMs <= context.atMs) {
      const renewed = following(current, state.tariff.timeZone, false, context);
      events.push(renewed);
      current = {
        ...current,
        periodStart: renewed.data.periodStart,
        periodStartMs: Date.parse(renewed.data.periodStart),
        paidUntil: renewed.data.paidUntil,
        paidUntilMs: Date.parse(renewed.data.paidUntil),
      };
    }
  }
  events.push(eventOf('AutoRenewalSet', { enabled }, context));
  return accept(...events);
};

/**
 * Without `manual` (the scheduler, stamped with the instant it runs): `RenewalNotDue` before
 * `paidUntil`, `SubscriptionAlreadyLapsed` when lapsed; else, with auto-renewal on, the period
 * from `paidUntil` (whenever the scheduler runs: no gap), or with it off, `SubscriptionLapsed`.
 * With `manual: true` (the customer paid): before or at `paidUntil`, or while auto-renewal
 * still covers the time since, the next period follows without a gap; after a lapse (recorded
 * or not), a new period starts at the payment (`restarted`), after the lapse is recorded.
 */
export const decideRenewSubscription: DecideFn<'RenewSubscription'> = (command, state, context) => {
  const { timeZone, subscription } = state.tariff;
  // The decider lets no command but OpenAccount through before the opening; this keeps types honest.
  if (subscription === null) {
    return reject('AccountNotOpened', 'the account is not opened', { accountId: command.metadata.accountId });
  }
  const { paidUntil, paidUntilMs } = subscription;
  const ended = context.atMs >= paidUntilMs;
  if (command.data.manual === true) {
    if (subscription.status === 'lapsed') return accept(restartedAt(timeZone, context));
    if (context.atMs > paidUntilMs && !subscription.autoRenewal) {
      return accept(eventOf('SubscriptionLapsed', { paidUntil }, context), restartedAt(timeZone, context));
    }
    return accept(following(subscription, timeZone, true, context));
  }
  if (subscription.status === 'lapsed') {
    return reject('SubscriptionAlreadyLapsed', `the subscription lapsed at ${paidUntil}`, { paidUntil });
  }
  if (!ended) {
    return reject('RenewalNotDue', `the period is paid until ${paidUntil}`, {
      paidUntil,
      at: context.metadata.at,
    });
  }
  if (!subscription.autoRenewal) return accept(eventOf('SubscriptionLapsed', { paidUntil }, context));
  return accept(following(subscription, timeZone, false, context));
};
