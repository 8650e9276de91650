import { describe, expect, it } from 'vitest';
import type { DecisionContext } from '../../src/account/decision.js';
import type { AccountEvent } from '../../src/account/events.js';
import { type AccountState, initialAccountState } from '../../src/account/state.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { openSmsLedger, paySms, type SmsLedger } from '../../src/sms/spend.js';

const context: DecisionContext = {
  catalogue: defaultCatalogue,
  metadata: { at: '2025-04-22T12:00:00+03:00', commandId: 'c-1', actor: 'pbx' },
  atMs: Date.parse('2025-04-22T12:00:00+03:00'),
};
const ledger = (balance: number, size: number, price: number, freeRenewalAvailable = true): SmsLedger => ({
  balance,
  renewing: { size, price },
  freeRenewalAvailable,
  periodStart: '2025-04-21T10:00:00+03:00',
});

describe('paySms', () => {
  it('pays from the balance when it suffices, with no renewal', () => {
    const l = ledger(5, 100, 0);
    const out: AccountEvent[] = [];
    expect(paySms(l, 5, context, out)).toBeUndefined();
    expect(l.balance).toBe(0);
    expect(out).toEqual([]);
  });

  it('never renews a free package that would not cover the message, and changes nothing', () => {
    const l = ledger(1, 5, 0);
    const out: AccountEvent[] = [];
    expect(paySms(l, 7, context, out)).toBe('sms-balance-exhausted');
    expect(l).toEqual(ledger(1, 5, 0));
    expect(out).toEqual([]);
  });

  it('renews the free package once, then refuses with the reason: the free package was had', () => {
    const l = ledger(0, 100, 0);
    const out: AccountEvent[] = [];
    expect(paySms(l, 4, context, out)).toBeUndefined();
    expect(l.balance).toBe(96);
    expect(l.freeRenewalAvailable).toBe(false);
    l.balance = 2;
    expect(paySms(l, 4, context, out)).toBe('free-sms-package-used');
    expect(out).toHaveLength(1);
    expect(l.balance).toBe(2);
  });

  it('renews a paid package as many times as the message needs', () => {
    const l = ledger(1, 2, 500, false);
    const out: AccountEvent[] = [];
    expect(paySms(l, 7, context, out)).toBeUndefined();
    expect(out.map((e) => (e.type === 'SmsPackagePurchased' ? e.data.balanceAfter : -1))).toEqual([3, 5, 7]);
    expect(l.balance).toBe(0);
  });

  it('looks the billing period up only when a renewal needs it, and charges the renewal in it', () => {
    const base = initialAccountState();
    base.sms.balance = 3;
    base.sms.renewingPackage = { size: 100, price: 0 };
    base.tariff.timeZone = 'Europe/Moscow';
    base.tariff.subscription = null;
    let periodReads = 0;
    const state = {
      ...base,
      get tariff() {
        periodReads++;
        return base.tariff;
      },
    } as unknown as AccountState;
    const l = openSmsLedger(state, context);
    expect(paySms(l, 2, context, [])).toBeUndefined();
    expect(periodReads).toBe(0);
    const out: AccountEvent[] = [];
    expect(paySms(l, 2, context, out)).toBeUndefined();
    expect(periodReads).toBeGreaterThan(0);
    // No period known yet: the renewal is charged in one starting at the command's instant.
    expect(out.map((e) => e.type === 'SmsPackagePurchased' && e.data.periodStart)).toEqual([
      context.metadata.at,
    ]);
    expect(l.freeRenewalAvailable).toBe(false);
    expect(paySms(l, 200, context, [])).toBe('sms-balance-exhausted');
  });

  it('without a renewing package, a short balance cannot pay', () => {
    const l: SmsLedger = { balance: 0, renewing: null, freeRenewalAvailable: true, periodStart: 'x' };
    expect(paySms(l, 1, context, [])).toBe('sms-balance-exhausted');
  });
});
