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
  it('turned off after paidUntil before the scheduler ran: the renewal due then is recorded first', () => {
    // Auto-renewal was on at 21.05 10:00; the services ran on it. Turned off on 23.05.
    const off = cmd('SetAutoRenewal', { enabled: false }, '2025-05-23T10:00:00+03:00');
    given(decider, opened())
      .when(off)
      .then([
        evt(
          'SubscriptionRenewed',
          {
            periodStart: PAID_UNTIL,
            paidUntil: '2025-06-21T10:00:00+03:00',
            manual: false,
            restarted: false,
          },
          off,
        ),
        evt('AutoRenewalSet', { enabled: false }, off),
      ]);
    // Before paidUntil, only the flag changes.
    const early = cmd('SetAutoRenewal', { enabled: false }, '2025-05-20T10:00:00+03:00');
    given(decider, opened())
      .when(early)
      .then([evt('AutoRenewalSet', { enabled: false }, early)]);
  });

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
    spec.when(renew).then([
      evt(
        'SubscriptionRenewed',
        {
          periodStart: PAID_UNTIL,
          paidUntil: '2025-06-21T10:00:00+03:00',
          manual: false,
          restarted: false,
        },
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

  it('a payment after a lapse starts a new period at its own instant; later periods are anchored on it', () => {
    // Lapsed at 21.05 10:00; paid on 03.08 12:00: the period is 03.08 12:00 – 03.09 12:00, and
    // nothing from 21.05 to 03.08 is paid (nor billed).
    const pay = cmd('RenewSubscription', { manual: true }, '2025-08-03T12:00:00+03:00');
    given(decider, lapsed())
      .when(pay)
      .then((events, state) => {
        expect(events).toEqual([
          evt(
            'SubscriptionRenewed',
            {
              periodStart: '2025-08-03T12:00:00+03:00',
              paidUntil: '2025-09-03T12:00:00+03:00',
              manual: true,
              restarted: true,
            },
            pay,
          ),
        ]);
        expect(state.tariff.subscription).toMatchObject({
          anchor: '2025-08-03T12:00:00+03:00',
          status: 'active',
        });
      });
    // With auto-renewal on again, the scheduler's next renewal: 03.09 12:00 – 03.10 12:00,
    // anchored on the payment (not on the opening's 21st).
    const next = cmd('RenewSubscription', {}, '2025-09-03T12:00:05+03:00');
    const autoOn = cmd('SetAutoRenewal', { enabled: true }, '2025-08-03T12:01:00+03:00');
    given(decider, historyOf(lapsed(), pay, autoOn))
      .when(next)
      .then([
        evt(
          'SubscriptionRenewed',
          {
            periodStart: '2025-09-03T12:00:00+03:00',
            paidUntil: '2025-10-03T12:00:00+03:00',
            manual: false,
            restarted: false,
          },
          next,
        ),
      ]);
  });

  it('a payment after paidUntil with auto-renewal off records the lapse, then starts the new period', () => {
    // Nobody ran the scheduler: the lapse from 21.05 10:00 is recorded by the payment on 25.05.
    const pay = cmd('RenewSubscription', { manual: true }, '2025-05-25T09:30:00+03:00');
    given(decider, withoutAutoRenewal())
      .when(pay)
      .then([
        evt('SubscriptionLapsed', { paidUntil: PAID_UNTIL }, pay),
        evt(
          'SubscriptionRenewed',
          {
            periodStart: '2025-05-25T09:30:00+03:00',
            paidUntil: '2025-06-25T09:30:00+03:00',
            manual: true,
            restarted: true,
          },
          pay,
        ),
      ]);
  });

  it('a payment exactly at paidUntil, or while auto-renewal covers the time since, continues without a gap', () => {
    const onTime = cmd('RenewSubscription', { manual: true }, PAID_UNTIL);
    given(decider, withoutAutoRenewal())
      .when(onTime)
      .then([
        evt(
          'SubscriptionRenewed',
          { periodStart: PAID_UNTIL, paidUntil: '2025-06-21T10:00:00+03:00', manual: true, restarted: false },
          onTime,
        ),
      ]);
    const inGrace = cmd('RenewSubscription', { manual: true }, '2025-05-22T10:00:00+03:00');
    given(decider, opened())
      .when(inGrace)
      .then((events) =>
        expect(events[0]?.data).toEqual({
          periodStart: PAID_UNTIL,
          paidUntil: '2025-06-21T10:00:00+03:00',
          manual: true,
          restarted: false,
        }),
      );
  });

  it('a period anchored on 31 January ends on the last day of a short month, then on the 31st again', () => {
    const open = openAccount('basic', '2025-01-31T12:00:00+03:00');
    const renew = (at: string) => cmd('RenewSubscription', {}, at);
    const state = decider.fold(
      historyOf(open, renew('2025-02-28T12:00:00+03:00'), renew('2025-03-31T12:00:00+03:00')),
    );
    expect(state.tariff.subscription).toMatchObject({
      periodStart: '2025-03-31T12:00:00+03:00',
      paidUntil: '2025-04-30T12:00:00+03:00',
    });
  });

  it('the scheduler stamped after a command of the grace time still renews from paidUntil', () => {
    // Auto-renewal on: a call at 21.05 10:00:30 is served; the scheduler runs at 10:01.
    const renew = cmd('RenewSubscription', {}, '2025-05-21T10:01:00+03:00');
    given(
      decider,
      historyOf(
        opened(),
        cmd('SetVisitCardPeriod', { direction: 'incoming', months: 2 }, '2025-05-21T10:00:30+03:00'),
      ),
    )
      .when(renew)
      .then((events) => expect(events[0]?.data).toMatchObject({ periodStart: PAID_UNTIL, restarted: false }));
    // Stamped with paidUntil itself, after that command: refused, time moves forward.
    given(
      decider,
      historyOf(
        opened(),
        cmd('SetVisitCardPeriod', { direction: 'incoming', months: 2 }, '2025-05-21T10:00:30+03:00'),
      ),
    )
      .when(cmd('RenewSubscription', {}, PAID_UNTIL))
      .thenError('InstantOutOfOrder');
  });

  it('a payment before paidUntil buys the next period in advance, auto-renewal on or off', () => {
    const pay = cmd('RenewSubscription', { manual: true }, '2025-05-01T12:00:00+03:00');
    given(decider, withoutAutoRenewal())
      .when(pay)
      .then([
        evt(
          'SubscriptionRenewed',
          { periodStart: PAID_UNTIL, paidUntil: '2025-06-21T10:00:00+03:00', manual: true, restarted: false },
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
