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
  it('the free package is had once a period: bought in it, it does not renew in it; the next period it renews once', () => {
    // 100 free SMS = 25 notices of 4 SMS.
    const history = historyOf(
      withNumbers(),
      cmd('PurchaseSmsPackage', { size: 100 }),
      configure('incoming-missed-call', FOUR_SMS),
      ...missedCalls(25, 0),
    );
    expect(stateOf(history).sms.balance).toBe(0);
    expect(stateOf(history).sms.freePackagePeriodStart).toBe(OPENED_AT);
    // Bought in this period: a renewal would be a second free package in it.
    const skipped = call('call-999', '2025-04-23T12:00:00Z', { client: '+79120000002' });
    given(decider, history)
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
            startedAt: null,
            endedAt: null,
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
            reason: 'free-sms-package-used',
            smsNeeded: 4,
          },
          skipped,
        ),
      ]);
    // The next period (21.05–21.06): the free package renews once, charged 0 ₽ in that period.
    const nextPeriod = historyOf(history, cmd('RenewSubscription', {}, PAID_UNTIL));
    const renewing = call('call-1000', '2025-05-22T12:00:00+03:00', { client: '+79120000003' });
    given(decider, nextPeriod)
      .when(renewing)
      .then((events, state) => {
        expect(typesOf(events)).toEqual(['CallRegistered', 'SmsPackagePurchased', 'NotificationSent']);
        expect(events[1]).toEqual(
          evt(
            'SmsPackagePurchased',
            { size: 100, price: 0, reason: 'auto-renewal', balanceAfter: 100, periodStart: PAID_UNTIL },
            renewing,
          ),
        );
        expect(state.sms.balance).toBe(96);
        expect(state.sms.freePackagePeriodStart).toBe(PAID_UNTIL);
      });
    // 96 SMS = 24 more notices; the 25th of that period is skipped again.
    const renewedOnce = historyOf(
      nextPeriod,
      renewing,
      ...missedCalls(24, 100, Date.parse('2025-05-22T13:00:00+03:00')),
    );
    expect(stateOf(renewedOnce).sms.balance).toBe(0);
    given(decider, renewedOnce)
      .when(call('call-2000', '2025-05-25T12:00:00+03:00', { client: '+79120000004' }))
      .then((events) =>
        expect(ofType(events, 'NotificationSkipped')[0]?.data.reason).toBe('free-sms-package-used'),
      );
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
    // The free package was bought in the first period; the calls come in the second.
    const history = historyOf(
      withNumbers(),
      cmd('PurchaseSmsPackage', { size: 100 }),
      configure('incoming-missed-call', FOUR_SMS),
      configure('incoming-visit-card', FOUR_SMS),
      cmd('RenewSubscription', {}, PAID_UNTIL),
      ...missedCalls(12, 0, Date.parse('2025-05-22T09:00:00+03:00')),
    );
    // 12 calls × 2 notices × 4 SMS = 96: 4 SMS left, enough for one notice of the next call.
    expect(stateOf(history).sms.balance).toBe(4);
    given(decider, history)
      .when(call('call-x', '2025-05-23T12:00:00+03:00', { client: '+79120000009' }))
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
