/**
 * `SetAutoRenewal` and `RenewSubscription`: the end of a paid period renews it ("Продлевать
 * абонемент автоматически") or lets it lapse; a payment by the customer renews it always.
 * @module
 */
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import { type Period, periodAt, periodStartingAt } from './periods.js';

/** Switches auto-renewal; setting the value it already has changes nothing (no events). */
export const decideSetAutoRenewal: DecideFn<'SetAutoRenewal'> = (command, state, context) => {
  const subscription = state.tariff.subscription;
  if (subscription === null || subscription.autoRenewal === command.data.enabled) return accept();
  return accept(eventOf('AutoRenewalSet', { enabled: command.data.enabled }, context));
};

/**
 * The period a payment made at `atMs` buys: the one after `paidUntil` when paid in advance,
 * else the anchored period containing `atMs` (months nobody paid for stay unpaid).
 */
const periodPaidAt = (openedAt: string, timeZone: string, paidUntilMs: number, atMs: number): Period =>
  atMs < paidUntilMs ? periodStartingAt(openedAt, timeZone, paidUntilMs) : periodAt(openedAt, timeZone, atMs);

/**
 * Without `manual` (the scheduler at the end of a period): `RenewalNotDue` before `paidUntil`,
 * `SubscriptionAlreadyLapsed` when lapsed; else renews by the next anchored period with
 * auto-renewal on, or lapses. With `manual: true` (the customer paid): renews always.
 */
export const decideRenewSubscription: DecideFn<'RenewSubscription'> = (command, state, context) => {
  const { openedAt, timeZone, subscription } = state.tariff;
  // The decider lets no command but OpenAccount through before the opening; this keeps types honest.
  if (openedAt === null || subscription === null) {
    return reject('AccountNotOpened', 'the account is not opened', { accountId: command.metadata.accountId });
  }
  const paidUntilMs = Date.parse(subscription.paidUntil);
  const manual = command.data.manual === true;
  if (manual) {
    const period = periodPaidAt(openedAt, timeZone, paidUntilMs, context.atMs);
    return accept(
      eventOf('SubscriptionRenewed', { periodStart: period.start, paidUntil: period.end, manual }, context),
    );
  }
  if (subscription.status === 'lapsed') {
    return reject('SubscriptionAlreadyLapsed', `the subscription lapsed at ${subscription.paidUntil}`, {
      paidUntil: subscription.paidUntil,
    });
  }
  if (context.atMs < paidUntilMs) {
    return reject('RenewalNotDue', `the period is paid until ${subscription.paidUntil}`, {
      paidUntil: subscription.paidUntil,
      at: context.metadata.at,
    });
  }
  if (!subscription.autoRenewal) {
    return accept(eventOf('SubscriptionLapsed', { paidUntil: subscription.paidUntil }, context));
  }
  const next = periodStartingAt(openedAt, timeZone, paidUntilMs);
  return accept(
    eventOf('SubscriptionRenewed', { periodStart: next.start, paidUntil: next.end, manual }, context),
  );
};
