import { describe, expect, it } from 'vitest';
import { given } from '../../src/testing/index.js';
import {
  cmd,
  decider,
  detailsOf,
  evt,
  expectMalformed,
  fact,
  historyOf,
  lapsed,
  OPENED_AT,
  opened,
  PAID_UNTIL,
  stateOf,
} from '../calls/fixtures.js';

const purchase = (size: number, at = OPENED_AT) => cmd('PurchaseSmsPackage', { size }, at);

describe('PurchaseSmsPackage', () => {
  it('adds the package to the balance, carries its price, and makes it the renewing package', () => {
    const buy = purchase(3000);
    given(decider, opened())
      .when(buy)
      .then([
        evt(
          'SmsPackagePurchased',
          { size: 3000, price: 300_000, reason: 'purchase', balanceAfter: 3000, periodStart: OPENED_AT },
          buy,
        ),
      ]);
    const state = stateOf(historyOf(opened(), purchase(3000), purchase(500)));
    expect(state.sms.balance).toBe(3500);
    expect(state.sms.renewingPackage).toEqual({ size: 500, price: 70_000 });
    expect(state.sms.freePackagePeriodStart).toBeNull();
  });

  it('buys every package of the catalogue at its price', () => {
    for (const [size, price] of [
      [100, 0],
      [500, 70_000],
      [1000, 120_000],
      [3000, 300_000],
    ] as const) {
      given(decider, opened())
        .when(purchase(size))
        .then((events) => {
          expect(events).toHaveLength(1);
          expect(events[0]?.data).toMatchObject({ size, price, balanceAfter: size });
        });
    }
  });

  it('refuses a size the catalogue does not offer: UnknownSmsPackage naming data.size', () => {
    const error = given(decider, opened()).when(purchase(200)).thenError('UnknownSmsPackage');
    expect(detailsOf(error)).toEqual({ field: 'data.size', size: 200, offered: [100, 500, 1000, 3000] });
  });

  it('refuses a paid package while the subscription is lapsed', () => {
    given(decider, lapsed()).when(purchase(500, '2025-05-22T10:00:00+03:00')).thenError('SubscriptionLapsed');
  });

  it('refuses a second free package in the same billing period, even after a paid one: FreeSmsPackageUsed', () => {
    // Period 21.04 10:00 – 21.05 10:00: the free package bought at the opening was had in it.
    const error = given(decider, historyOf(opened(), purchase(100), purchase(500)))
      .when(purchase(100, '2025-05-01T10:00:00+03:00'))
      .thenError('FreeSmsPackageUsed');
    expect(detailsOf(error)).toEqual({ field: 'data.size', periodStart: OPENED_AT, periodEnd: PAID_UNTIL });
    // In the next period it may be had again: 100 + 500 + 100 SMS.
    given(
      decider,
      historyOf(opened(), purchase(100), purchase(500), cmd('RenewSubscription', {}, PAID_UNTIL)),
    )
      .when(purchase(100, '2025-05-22T10:00:00+03:00'))
      .then((events) =>
        expect(events[0]?.data).toMatchObject({ balanceAfter: 700, price: 0, periodStart: PAID_UNTIL }),
      );
  });

  it('renewed automatically first, the free package cannot then be bought in that period', () => {
    // Selected in the first period; renewed for a notice on 22.05, in the period 21.05–21.06.
    const renewedAt = '2025-05-22T10:00:00+03:00';
    const history = historyOf(
      opened(),
      purchase(100),
      cmd('RenewSubscription', {}, PAID_UNTIL),
      fact(
        'SmsPackagePurchased',
        { size: 100, price: 0, reason: 'auto-renewal', balanceAfter: 100, periodStart: PAID_UNTIL },
        renewedAt,
      ),
    );
    given(decider, history)
      .when(purchase(100, '2025-05-23T10:00:00+03:00'))
      .thenError('FreeSmsPackageUsed', (e) =>
        expect(e.details).toEqual({
          field: 'data.size',
          periodStart: PAID_UNTIL,
          periodEnd: '2025-06-21T10:00:00+03:00',
        }),
      );
  });

  it('the billing period of a purchase is the one holding its instant, also after a payment in advance', () => {
    // Paid on 01.05 for 21.05–21.06: a purchase on 02.05 still belongs to 21.04–21.05.
    const paidAhead = historyOf(
      opened(),
      cmd('RenewSubscription', { manual: true }, '2025-05-01T10:00:00+03:00'),
    );
    given(decider, paidAhead)
      .when(purchase(500, '2025-05-02T10:00:00+03:00'))
      .then((events) => expect(events[0]?.data).toMatchObject({ periodStart: OPENED_AT }));
    given(decider, historyOf(paidAhead, purchase(100, '2025-05-02T10:00:00+03:00')))
      .when(purchase(100, '2025-05-03T10:00:00+03:00'))
      .thenError('FreeSmsPackageUsed', (e) =>
        expect(e.details).toEqual({ field: 'data.size', periodStart: OPENED_AT, periodEnd: PAID_UNTIL }),
      );
    // On 21.05 the period paid in advance begins: the free package may be had again.
    given(decider, historyOf(paidAhead, purchase(100, '2025-05-02T10:00:00+03:00')))
      .when(purchase(100, PAID_UNTIL))
      .then((events) => expect(events[0]?.data).toMatchObject({ periodStart: PAID_UNTIL }));
  });

  it('refuses a command before the account is opened', () => {
    given(decider, []).when(purchase(100)).thenError('AccountNotOpened');
  });

  it('refuses a malformed payload naming the field', () => {
    expectMalformed('PurchaseSmsPackage', { size: 0 }, 'data.size');
    expectMalformed('PurchaseSmsPackage', { size: '100' }, 'data.size');
    expectMalformed('PurchaseSmsPackage', {}, 'data.size');
    expectMalformed('PurchaseSmsPackage', { size: 100, price: 0 }, 'data.price');
  });
});
