/**
 * SMS packages and the balance, rule by rule: the four packages and their prices, the balance as
 * "available of", a long text split into several SMS each spent from the balance, the selected
 * package renewed automatically when SMS run out (paid ones whenever needed, the free one at most
 * once per billing period, bought or renewed), and a message sent whole or not at all.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalogue, smsBalance } from '../../src/index.js';
import { given } from '../../src/testing/index.js';
import {
  accepted,
  CLIENT,
  CLIENT_2,
  call,
  cmd,
  DAY_2,
  decider,
  fact,
  historyOf,
  ofType,
  PAID_UNTIL,
  refusal,
  staffed,
  stateOf,
  typesOf,
} from './support.js';

const SHORT = 'Здравствуйтесь, спасибо за ваш звонок.';
/** 71 Cyrillic characters: 2 SMS in UCS-2 (70 fit in one). */
const TWO_SMS = 'Ж'.repeat(71);
const missedOn = (text = SHORT) =>
  cmd('ConfigureNotification', { scenario: 'incoming-missed-call', sms: true, telegram: false, text }, DAY_2);
/** Missed calls from distinct clients one minute apart, so none is suppressed. */
const clients = Array.from({ length: 20 }, (_, i) => `+7912000${String(i).padStart(4, '0')}`);
const missed = (i: number) =>
  call(`call-${i}`, `2025-04-23T12:${String(i).padStart(2, '0')}:00+03:00`, { client: clients[i] ?? CLIENT });

describe('SMS packages: 100 for 0 ₽, 500 for 700 ₽, 1 000 for 1 200 ₽, 3 000 for 3 000 ₽', () => {
  it('the catalogue offers exactly those', () => {
    expect(defaultCatalogue.smsPackages).toEqual([
      { size: 100, price: 0 },
      { size: 500, price: 70_000 },
      { size: 1000, price: 120_000 },
      { size: 3000, price: 300_000 },
    ]);
  });

  it.each([
    [100, 0],
    [500, 70_000],
    [1000, 120_000],
    [3000, 300_000],
  ])('buying %i SMS charges %i kopecks once and adds them to the balance', (size, price) => {
    given(decider, staffed())
      .when(cmd('PurchaseSmsPackage', { size }, DAY_2))
      .then((events, state) => {
        expect(ofType(events, 'SmsPackagePurchased')[0]?.data).toMatchObject({
          size,
          price,
          reason: 'purchase',
          balanceAfter: size,
        });
        expect(state.sms.balance).toBe(size);
      });
  });

  it('a size the catalogue does not offer is refused, naming the field', () => {
    const error = refusal(staffed(), cmd('PurchaseSmsPackage', { size: 200 }, DAY_2));
    expect(error.code).toBe('UnknownSmsPackage');
    expect(error.details).toMatchObject({ field: 'data.size' });
  });
});

describe('the balance, "ДОСТУПНО SMS: 2998 ИЗ 3000"', () => {
  it('two one-SMS notices after buying 3 000 leave 2 998 of 3 000', () => {
    const events = staffed(
      cmd('PurchaseSmsPackage', { size: 3000 }, DAY_2),
      missedOn(),
      missed(0),
      missed(1),
    );
    const view = smsBalance(events);
    expect([view.available, view.of]).toEqual([2998, 3000]);
    expect(stateOf(events).sms.balance).toBe(2998);
  });

  it('a long text is split into several SMS and each one is spent', () => {
    const events = staffed(cmd('PurchaseSmsPackage', { size: 500 }, DAY_2), missedOn(TWO_SMS), missed(0));
    const [sent] = ofType(events, 'NotificationSent');
    expect(sent?.data).toMatchObject({ segments: 2, smsSpent: 2, recipient: clients[0] });
    expect(smsBalance(events).available).toBe(498);
  });
});

/** A notice that spent `smsSpent` SMS, as an earlier call decided it. */
const spent = (smsSpent: number) =>
  fact(
    'NotificationSent',
    {
      callId: `drain-${smsSpent}`,
      scenario: 'incoming-missed-call',
      channel: 'sms',
      recipient: CLIENT_2,
      text: SHORT,
      segments: smsSpent,
      smsSpent,
      sendAt: DAY_2,
      deferred: false,
    },
    DAY_2,
  );

describe('when the SMS run out, the selected package is renewed automatically', () => {
  it('the package bought last is bought again at its price, then the notice is sent whole', () => {
    // 500 bought, 499 spent: a 2-SMS notice renews 500 (700 ₽) first: 1 + 500 − 2 = 499 left.
    const history = staffed(cmd('PurchaseSmsPackage', { size: 500 }, DAY_2), missedOn(TWO_SMS), spent(499));
    given(decider, history)
      .when(missed(0))
      .then((events, state) => {
        expect(typesOf(events)).toEqual(['CallRegistered', 'SmsPackagePurchased', 'NotificationSent']);
        expect(ofType(events, 'SmsPackagePurchased')[0]?.data).toMatchObject({
          size: 500,
          price: 70_000,
          reason: 'auto-renewal',
          balanceAfter: 501,
        });
        expect(state.sms.balance).toBe(499);
      });
  });

  it('the latest purchase is the selected package: buying 1 000 after 500 renews 1 000', () => {
    const history = staffed(
      cmd('PurchaseSmsPackage', { size: 500 }, DAY_2),
      cmd('PurchaseSmsPackage', { size: 1000 }, DAY_2),
      missedOn(),
      spent(1500),
    );
    const events = accepted(history, missed(0));
    expect(ofType(events, 'SmsPackagePurchased')[0]?.data).toMatchObject({ size: 1000, price: 120_000 });
  });

  it('paid packages renew whenever needed, several times in a period', () => {
    let history = staffed(cmd('PurchaseSmsPackage', { size: 500 }, DAY_2), missedOn(), spent(500));
    history = historyOf(history, missed(0), spent(499), missed(1));
    expect(ofType(history, 'SmsPackagePurchased').map((e) => e.data.reason)).toEqual([
      'purchase',
      'auto-renewal',
      'auto-renewal',
    ]);
  });

  it('with no package ever bought, the notice is skipped with its reason and nothing is spent', () => {
    given(decider, staffed(missedOn()))
      .when(missed(0))
      .then((events, state) => {
        expect(ofType(events, 'NotificationSkipped')[0]?.data).toMatchObject({
          reason: 'sms-balance-exhausted',
          smsNeeded: 1,
        });
        expect(state.sms.balance).toBe(0);
      });
  });
});

describe('the free 100-SMS package: at most once per billing period', () => {
  it('a second free package in the same period is refused, naming the period', () => {
    const history = staffed(cmd('PurchaseSmsPackage', { size: 100 }, DAY_2));
    const error = refusal(history, cmd('PurchaseSmsPackage', { size: 100 }, DAY_2));
    expect(error.code).toBe('FreeSmsPackageUsed');
    expect(error.details).toMatchObject({ periodStart: '2025-04-21T10:00:00+03:00' });
  });

  it('the next billing period gives it again', () => {
    const history = staffed(
      cmd('PurchaseSmsPackage', { size: 100 }, DAY_2),
      cmd('RenewSubscription', {}, PAID_UNTIL),
    );
    expect(typesOf(accepted(history, cmd('PurchaseSmsPackage', { size: 100 }, PAID_UNTIL)))).toEqual([
      'SmsPackagePurchased',
    ]);
  });

  it('bought this period, it does not renew automatically: the notice is skipped with the reason', () => {
    const history = staffed(cmd('PurchaseSmsPackage', { size: 100 }, DAY_2), missedOn(), spent(100));
    given(decider, history)
      .when(missed(0))
      .then((events, state) => {
        expect(typesOf(events)).toEqual(['CallRegistered', 'NotificationSkipped']);
        expect(ofType(events, 'NotificationSkipped')[0]?.data.reason).toBe('free-sms-package-used');
        expect(state.sms.balance).toBe(0);
      });
  });

  it('bought in the previous period, it renews once in this one, then no more', () => {
    const history = staffed(
      cmd('PurchaseSmsPackage', { size: 100 }, DAY_2),
      missedOn(),
      spent(100),
      cmd('RenewSubscription', {}, PAID_UNTIL),
    );
    const later = (i: number) =>
      call(`late-${i}`, `2025-05-22T12:${String(i).padStart(2, '0')}:00+03:00`, {
        client: clients[i] ?? CLIENT,
      });
    const renewed = historyOf(history, later(0));
    expect(ofType(renewed, 'SmsPackagePurchased').at(-1)?.data).toMatchObject({
      reason: 'auto-renewal',
      price: 0,
      periodStart: PAID_UNTIL,
    });
    const drained = historyOf(renewed, spent(99), later(1));
    expect(ofType(drained, 'NotificationSkipped').at(-1)?.data.reason).toBe('free-sms-package-used');
  });
});

describe('a message is sent whole or not at all', () => {
  it('a 2-SMS notice with 1 SMS left and no package to renew is skipped; the 1 SMS stays', () => {
    const history = staffed(cmd('PurchaseSmsPackage', { size: 100 }, DAY_2), missedOn(TWO_SMS), spent(99));
    given(decider, history)
      .when(missed(0))
      .then((events, state) => {
        expect(ofType(events, 'NotificationSent')).toHaveLength(0);
        expect(ofType(events, 'NotificationSkipped')[0]?.data).toMatchObject({ smsNeeded: 2 });
        expect(state.sms.balance).toBe(1);
      });
  });
});
