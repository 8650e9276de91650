/**
 * SMS spending and calls at their edges: the free package renewing exactly to the need, once a
 * period, even right after it was bought; a renewal at the price in effect now; the last call
 * ids a client remembers.
 */
import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../src/account/events.js';
import { recentCallIdsOf } from '../../src/calls/client-record.js';
import type { Catalogue } from '../../src/catalogue/catalogue.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { getEntry } from '../../src/kernel/collections/chunked-map.js';
import { accepted, CLIENT, cmd, ev, MKN, opened, refused, stateOf, typesOf } from './support.js';

const tiny: Catalogue = {
  ...defaultCatalogue,
  smsPackages: [
    { size: 3, price: 0 },
    { size: 500, price: 70000 },
  ],
};
const PERIOD = '2025-01-31T09:00:00+03:00';
const missedCallNotice = (segments: number) =>
  ev('NotificationConfigured', {
    scenario: 'incoming-missed-call',
    sms: true,
    telegram: false,
    text: 'я'.repeat(segments === 1 ? 10 : 67 * (segments - 1) + 1),
    characters: 0,
    segments,
    encoding: 'UCS-2',
    telegramMonthlyFee: 0,
  });
const base = (segments: number): AccountEvent[] => [
  opened(),
  ev('MultichannelNumberAdded', { number: MKN, main: true, extraMonthlyFee: 0 }),
  missedCallNotice(segments),
];
const missed = (callId: string, at = '2025-02-01T10:00:00+03:00', client = CLIENT) =>
  cmd(
    'RegisterCall',
    {
      callId,
      direction: 'incoming',
      line: 'multichannel',
      client,
      outcome: 'missed',
      multichannelNumber: MKN,
    },
    at,
  );
const bought = (
  size: number,
  price: number,
  balanceAfter: number,
  reason: 'purchase' | 'auto-renewal' = 'purchase',
) => ev('SmsPackagePurchased', { size, price, reason, balanceAfter, periodStart: PERIOD });
const spent = (sms: number, client = '+79160000000') =>
  ev('NotificationSent', {
    callId: 'old',
    scenario: 'incoming-visit-card',
    channel: 'sms',
    recipient: client,
    text: 'x',
    segments: sms,
    smsSpent: sms,
    sendAt: PERIOD,
    deferred: false,
  });

describe('paying for SMS', () => {
  it('renews the free package when it exactly covers the need, once in the period', () => {
    const history = [...base(3), bought(500, 70000, 500), bought(3, 0, 503), spent(503)];
    // Bought in this period: the free package was had, so it does not renew in it.
    expect(stateOf(history).sms).toMatchObject({ balance: 0, freePackagePeriodStart: PERIOD });
    expect(accepted(history, missed('c-1'), tiny)).toMatchObject([
      { type: 'CallRegistered' },
      { type: 'NotificationSkipped', data: { reason: 'free-sms-package-used', smsNeeded: 3 } },
    ]);
    // Selected in the previous period: it renews once, exactly to the need.
    const earlier = [
      ...base(3),
      ev('SmsPackagePurchased', {
        size: 3,
        price: 0,
        reason: 'purchase',
        balanceAfter: 3,
        periodStart: '2024-12-31T09:00:00+03:00',
      }),
      spent(3),
    ];
    const events = accepted(earlier, missed('c-1'), tiny);
    expect(events).toMatchObject([
      { type: 'CallRegistered' },
      { type: 'SmsPackagePurchased', data: { size: 3, price: 0, reason: 'auto-renewal', balanceAfter: 3 } },
      { type: 'NotificationSent', data: { smsSpent: 3 } },
    ]);
    const after = [...earlier, ...events];
    expect(stateOf(after).sms).toMatchObject({ balance: 0, freePackagePeriodStart: PERIOD });
    // Once a period: the next notice is skipped, with that reason.
    const next = accepted(after, missed('c-2', '2025-02-01T12:00:00+03:00', '+79267654321'), tiny);
    expect(next).toMatchObject([
      { type: 'CallRegistered' },
      { type: 'NotificationSkipped', data: { reason: 'free-sms-package-used', smsNeeded: 3 } },
    ]);
  });

  it('a paid package renewing does not count as having the free one', () => {
    const history = [...base(3), bought(500, 70000, 500), spent(500)];
    const paid = accepted(history, missed('c-1'), tiny);
    expect(paid[1]).toMatchObject({
      type: 'SmsPackagePurchased',
      data: { size: 500, reason: 'auto-renewal' },
    });
    expect(stateOf([...history, ...paid]).sms.freePackagePeriodStart).toBeNull();
    const switched = accepted(
      [...history, ...paid],
      cmd('PurchaseSmsPackage', { size: 3 }, '2025-02-01T11:00:00+03:00'),
      tiny,
    );
    expect(switched).toMatchObject([{ type: 'SmsPackagePurchased', data: { size: 3, price: 0 } }]);
  });

  it('does not renew the free package when it would not cover the need', () => {
    const history = [...base(4), bought(3, 0, 3), spent(3)];
    expect(accepted(history, missed('c-1'), tiny)).toMatchObject([
      { type: 'CallRegistered' },
      { type: 'NotificationSkipped', data: { reason: 'sms-balance-exhausted', smsNeeded: 4 } },
    ]);
  });

  it('renews a paid package at the price in effect now, or at the price paid when the catalogue dropped it', () => {
    const history = [...base(1), bought(500, 70000, 500), spent(500)];
    const dearer: Catalogue = { ...defaultCatalogue, smsPackages: [{ size: 500, price: 80000 }] };
    expect(accepted(history, missed('c-1'), dearer)[1]).toMatchObject({
      type: 'SmsPackagePurchased',
      data: { price: 80000, reason: 'auto-renewal' },
    });
    const dropped: Catalogue = { ...defaultCatalogue, smsPackages: [{ size: 100, price: 0 }] };
    expect(accepted(history, missed('c-1'), dropped)[1]).toMatchObject({
      type: 'SmsPackagePurchased',
      data: { price: 70000 },
    });
  });

  it('says which packages exist when one does not', () => {
    const error = refused([opened()], cmd('PurchaseSmsPackage', { size: 7 }));
    expect(error).toMatchObject({
      code: 'UnknownSmsPackage',
      details: { field: 'data.size', offered: [100, 500, 1000, 3000] },
    });
    expect(error.message).toContain('7');
    expect(error.message).toContain('100, 500, 1000, 3000');
  });
});

describe('calls a client made', () => {
  const recentIdsOf = (history: AccountEvent[]): string[] => {
    const record = getEntry(stateOf(history).calls.clients, CLIENT);
    return record === undefined ? [] : recentCallIdsOf(record);
  };

  it('remembers exactly the last eight call ids', () => {
    let history: AccountEvent[] = [...base(1), bought(500, 70000, 500)];
    const at = (i: number) => new Date(Date.parse('2025-02-01T10:00:00+03:00') + i * 3_600_000).toISOString();
    history = [...history, ...accepted(history, missed('c-0', at(0)))];
    expect(recentIdsOf(history)).toEqual(['c-0']);
    for (let i = 1; i < 8; i++) history = [...history, ...accepted(history, missed(`c-${i}`, at(i)))];
    expect(accepted(history, missed('c-0', at(9)))).toEqual([]);
    history = [...history, ...accepted(history, missed('c-8', at(8)))];
    expect(recentIdsOf(history)).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6', 'c-7', 'c-8']);
    expect(typesOf(accepted(history, missed('c-0', at(10)))).slice(0, 1)).toEqual(['CallRegistered']);
  });
});
