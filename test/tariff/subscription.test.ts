import { describe, expect, it } from 'vitest';
import { subscriptionLapsed } from '../../src/tariff/guards.js';
import { given } from '../../src/testing/index.js';
import { cmd, decider, detailsOf, evt, expectMalformed, historyOf, openAccount } from './fixtures.js';

const PAID_UNTIL = '2025-05-21T10:00:00+03:00';
const opened = () => historyOf(openAccount());
const withoutAutoRenewal = () => historyOf(openAccount(), cmd('SetAutoRenewal', { enabled: false }));
const lapsed = () =>
  historyOf(
    openAccount(),
    cmd('SetAutoRenewal', { enabled: false }),
    cmd('RenewSubscription', {}, PAID_UNTIL),
  );

describe('SetAutoRenewal', () => {
  it('switches the flag, and setting the same value again changes nothing', () => {
    const off = cmd('SetAutoRenewal', { enabled: false });
    given(decider, opened())
      .when(off)
      .then([evt('AutoRenewalSet', { enabled: false }, off)]);
    given(decider, opened())
      .when(cmd('SetAutoRenewal', { enabled: true }))
      .thenNothing();
    given(decider, withoutAutoRenewal())
      .when(cmd('SetAutoRenewal', { enabled: false }))
      .thenNothing();
    expect(given(decider, withoutAutoRenewal()).state.tariff.subscription?.autoRenewal).toBe(false);
  });

  it('refuses a malformed payload naming the field', () => {
    expectMalformed('SetAutoRenewal', { enabled: 'yes' }, 'data.enabled');
    expectMalformed('SetAutoRenewal', {}, 'data.enabled');
  });
});

describe('RenewSubscription', () => {
  it('the scheduler before paidUntil: RenewalNotDue', () => {
    given(decider, opened())
      .when(cmd('RenewSubscription', {}, '2025-05-21T09:59:59+03:00'))
      .thenError('RenewalNotDue', (error) => expect(detailsOf(error).paidUntil).toBe(PAID_UNTIL));
  });

  it('at paidUntil with auto-renewal on: the next anchored period', () => {
    const renew = cmd('RenewSubscription', {}, PAID_UNTIL);
    const spec = given(decider, opened());
    spec
      .when(renew)
      .then([
        evt(
          'SubscriptionRenewed',
          { periodStart: PAID_UNTIL, paidUntil: '2025-06-21T10:00:00+03:00', manual: false },
          renew,
        ),
      ]);
  });

  it('at paidUntil with auto-renewal off: the subscription lapses', () => {
    const renew = cmd('RenewSubscription', {}, '2025-05-22T08:00:00+03:00');
    given(decider, withoutAutoRenewal())
      .when(renew)
      .then([evt('SubscriptionLapsed', { paidUntil: PAID_UNTIL }, renew)]);
    expect(given(decider, lapsed()).state.tariff.subscription?.status).toBe('lapsed');
  });

  it('a lapsed subscription is not renewed by the scheduler: SubscriptionAlreadyLapsed', () => {
    given(decider, lapsed())
      .when(cmd('RenewSubscription', {}, '2025-06-21T10:00:00+03:00'))
      .thenError('SubscriptionAlreadyLapsed');
  });

  it('a payment renews a lapsed subscription for the anchored period containing the payment', () => {
    const pay = cmd('RenewSubscription', { manual: true }, '2025-08-03T12:00:00+03:00');
    given(decider, lapsed())
      .when(pay)
      .then((events, state) => {
        expect(events).toEqual([
          evt(
            'SubscriptionRenewed',
            {
              periodStart: '2025-07-21T10:00:00+03:00',
              paidUntil: '2025-08-21T10:00:00+03:00',
              manual: true,
            },
            pay,
          ),
        ]);
        expect(state.tariff.subscription?.status).toBe('active');
      });
  });

  it('a payment before paidUntil buys the next period in advance, auto-renewal on or off', () => {
    const pay = cmd('RenewSubscription', { manual: true }, '2025-05-01T12:00:00+03:00');
    given(decider, withoutAutoRenewal())
      .when(pay)
      .then([
        evt(
          'SubscriptionRenewed',
          { periodStart: PAID_UNTIL, paidUntil: '2025-06-21T10:00:00+03:00', manual: true },
          pay,
        ),
      ]);
  });

  it('refuses a malformed payload naming the field', () => {
    expectMalformed('RenewSubscription', { manual: 1 }, 'data.manual');
    expectMalformed('RenewSubscription', { force: true }, 'data.force');
  });
});

/** A decision's instant, as the guard reads it. */
const instant = (at: string) => ({
  atMs: Date.parse(at),
  metadata: { at, commandId: 'c-guard', actor: 'test' },
});

describe('subscriptionLapsed (the guard other capabilities call before turning on a paid option)', () => {
  it('passes during a paid period and after its end while auto-renewal will renew it', () => {
    const state = given(decider, opened()).state;
    expect(subscriptionLapsed(state, instant('2025-05-01T00:00:00+03:00'))).toBeUndefined();
    expect(subscriptionLapsed(state, instant('2025-06-01T00:00:00+03:00'))).toBeUndefined();
  });

  it('refuses once the period ended with auto-renewal off, even before the scheduler ran', () => {
    const state = given(decider, withoutAutoRenewal()).state;
    expect(subscriptionLapsed(state, instant('2025-05-21T09:00:00+03:00'))).toBeUndefined();
    expect(subscriptionLapsed(state, instant(PAID_UNTIL))?.code).toBe('SubscriptionLapsed');
  });

  it('refuses a lapsed subscription until it is paid again', () => {
    const at = instant('2025-06-01T00:00:00+03:00');
    const error = subscriptionLapsed(given(decider, lapsed()).state, at);
    expect(error?.code).toBe('SubscriptionLapsed');
    expect(detailsOf(error ?? { details: {} }).paidUntil).toBe(PAID_UNTIL);
    const paid = historyOf(
      openAccount(),
      cmd('SetAutoRenewal', { enabled: false }),
      cmd('RenewSubscription', {}, PAID_UNTIL),
      cmd('RenewSubscription', { manual: true }, '2025-06-01T00:00:00+03:00'),
    );
    expect(subscriptionLapsed(given(decider, paid).state, at)).toBeUndefined();
  });
});
