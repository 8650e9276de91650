import { describe, expect, it } from 'vitest';
import { createAccountDecider } from '../../src/account/decider.js';
import type { AccountEvent } from '../../src/account/events.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { given } from '../../src/testing/index.js';
import {
  call,
  cmd,
  configure,
  decider,
  evt,
  historyOf,
  OPENED_AT,
  ofType,
  PAID_UNTIL,
  stateOf,
  withNumbers,
} from './fixtures.js';

/** 210 Cyrillic characters: 4 SMS per notice. */
const FOUR_SMS = 'я'.repeat(210);
/** 210 emoji: 7 SMS per notice. */
const SEVEN_SMS = '😀'.repeat(210);

/** `count` missed calls from distinct clients, a minute apart from `start`. */
const missedCalls = (count: number, start: number, from = Date.parse('2025-04-22T09:00:00Z')) =>
  Array.from({ length: count }, (_, i) =>
    call(`call-${start + i}`, new Date(from + (start + i) * 60_000).toISOString(), {
      client: `+7912${String(1_000_000 + start + i).padStart(7, '0')}`,
    }),
  );

const typesOf = (events: readonly AccountEvent[]) => events.map((e) => e.type);

describe('SMS run out: the selected package renews first (decision 5)', () => {
  it('the free package renews once in a period, then notices are skipped with the reason', () => {
    // 100 free SMS = 25 notices of 4 SMS.
    const history = historyOf(
      withNumbers(),
      cmd('PurchaseSmsPackage', { size: 100 }),
      configure('incoming-missed-call', FOUR_SMS),
      ...missedCalls(25, 0),
    );
    expect(stateOf(history).sms.balance).toBe(0);
    const renewing = call('call-25', '2025-04-22T12:00:00Z', { client: '+79120000001' });
    given(decider, history)
      .when(renewing)
      .then((events, state) => {
        expect(typesOf(events)).toEqual(['CallRegistered', 'SmsPackagePurchased', 'NotificationSent']);
        expect(events[1]).toEqual(
          evt(
            'SmsPackagePurchased',
            { size: 100, price: 0, reason: 'auto-renewal', balanceAfter: 100, periodStart: OPENED_AT },
            renewing,
          ),
        );
        expect(state.sms.balance).toBe(96);
        expect(state.sms.freeRenewalPeriodStart).toBe(OPENED_AT);
      });
    const renewedOnce = historyOf(history, renewing, ...missedCalls(24, 100));
    expect(stateOf(renewedOnce).sms.balance).toBe(0);
    const skipped = call('call-999', '2025-04-23T12:00:00Z', { client: '+79120000002' });
    given(decider, renewedOnce)
      .when(skipped)
      .then([
        evt(
          'CallRegistered',
          {
            callId: 'call-999',
            direction: 'incoming',
            line: 'multichannel',
            multichannelNumber: '+74951234567',
            client: '+79120000002',
            operator: null,
            outcome: 'missed',
          },
          skipped,
        ),
        evt(
          'NotificationSkipped',
          {
            callId: 'call-999',
            scenario: 'incoming-missed-call',
            channel: 'sms',
            recipient: '+79120000002',
            reason: 'sms-balance-exhausted',
            smsNeeded: 4,
          },
          skipped,
        ),
      ]);
    // The next period: the free package renews again.
    const nextPeriod = historyOf(renewedOnce, cmd('RenewSubscription', {}, PAID_UNTIL));
    given(decider, nextPeriod)
      .when(call('call-1000', '2025-05-22T12:00:00+03:00', { client: '+79120000003' }))
      .then((events) => {
        expect(typesOf(events)).toEqual(['CallRegistered', 'SmsPackagePurchased', 'NotificationSent']);
        expect(events[1]?.data).toMatchObject({ price: 0, periodStart: PAID_UNTIL });
      });
  });

  it('a paid package renews whenever needed and is charged each time', () => {
    // 500 SMS = 71 notices of 7 SMS, 3 SMS left.
    const history = historyOf(
      withNumbers(),
      cmd('PurchaseSmsPackage', { size: 500 }),
      configure('incoming-missed-call', SEVEN_SMS),
      ...missedCalls(71, 0),
    );
    expect(stateOf(history).sms.balance).toBe(3);
    const more = historyOf(history, ...missedCalls(72, 100));
    const renewals = ofType(more.slice(history.length), 'SmsPackagePurchased');
    expect(renewals.map((e) => [e.data.reason, e.data.price, e.data.balanceAfter])).toEqual([
      ['auto-renewal', 70_000, 503],
      ['auto-renewal', 70_000, 506],
    ]);
    // 3 + 500 − 7 · 71 = 6 when the 72nd call comes: renewed again, 6 + 500 − 7 left.
    expect(stateOf(more).sms.balance).toBe(499);
    expect(ofType(more, 'NotificationSkipped')).toHaveLength(0);
  });

  it('renews several times for one long message when the package is small, never half-sending', () => {
    const catalogue = {
      ...defaultCatalogue,
      smsPackages: [...defaultCatalogue.smsPackages, { size: 2, price: 500 }],
    };
    const small = createAccountDecider(catalogue);
    const history = historyOf(withNumbers(), configure('incoming-missed-call', SEVEN_SMS));
    const state = small.fold(history);
    const bought = small.decide(cmd('PurchaseSmsPackage', { size: 2 }), state);
    if (bought._tag === 'Left') throw new Error(bought.left.message);
    given(small, [...history, ...bought.right])
      .when(call('call-1', '2025-04-22T12:00:00+03:00'))
      .then((events, after) => {
        expect(typesOf(events)).toEqual([
          'CallRegistered',
          'SmsPackagePurchased',
          'SmsPackagePurchased',
          'SmsPackagePurchased',
          'NotificationSent',
        ]);
        expect(ofType(events, 'SmsPackagePurchased').map((e) => e.data.balanceAfter)).toEqual([4, 6, 8]);
        expect(after.sms.balance).toBe(1);
      });
  });

  it('no package ever bought: skipped; Telegram goes out all the same', () => {
    const history = historyOf(
      withNumbers(),
      configure('incoming-missed-call', 'Мы перезвоним', { sms: true, telegram: true }),
    );
    given(decider, history)
      .when(call('call-1', '2025-04-22T12:00:00+03:00'))
      .then((events) => {
        expect(typesOf(events)).toEqual(['CallRegistered', 'NotificationSkipped', 'NotificationSent']);
        expect(ofType(events, 'NotificationSkipped')[0]?.data).toMatchObject({
          channel: 'sms',
          reason: 'sms-balance-exhausted',
          smsNeeded: 1,
        });
        expect(ofType(events, 'NotificationSent')[0]?.data).toMatchObject({
          channel: 'telegram',
          smsSpent: 0,
        });
      });
  });

  it('two notices of one call share the balance and the one free renewal', () => {
    const history = historyOf(
      withNumbers(),
      cmd('PurchaseSmsPackage', { size: 100 }),
      configure('incoming-missed-call', FOUR_SMS),
      configure('incoming-visit-card', FOUR_SMS),
      ...missedCalls(12, 0),
    );
    // 12 calls × 2 notices × 4 SMS = 96: 4 SMS left, enough for one notice of the next call.
    expect(stateOf(history).sms.balance).toBe(4);
    given(decider, history)
      .when(call('call-x', '2025-04-23T12:00:00+03:00', { client: '+79120000009' }))
      .then((events, state) => {
        expect(typesOf(events)).toEqual([
          'CallRegistered',
          'NotificationSent',
          'SmsPackagePurchased',
          'NotificationSent',
        ]);
        expect(state.sms.balance).toBe(96);
      });
  });
});
