import { describe, expect, it } from 'vitest';
import { roubles } from '../../src/catalogue/units.js';
import { listItems } from '../../src/projections/chunked-list.js';
import { formatRenewingPackage, formatSmsBalance, smsBalance } from '../../src/projections/index.js';
import { givenEvents } from '../../src/testing/index.js';
import { event, notificationSent, smsPurchased } from './builders.js';

const at = '2025-04-21T10:00:00+03:00';

describe('smsBalance', () => {
  it('shows ДОСТУПНО SMS: 2 998 ИЗ 3 000 after two SMS of a 3 000 package, thousands grouped', () => {
    const events = [
      smsPurchased(3000, roubles(3000), 3000, at),
      notificationSent('c1', at),
      notificationSent('c2', at),
    ];
    givenEvents(smsBalance, events).then((view) => {
      expect(formatSmsBalance(view)).toBe('ДОСТУПНО SMS: 2\u00a0998 ИЗ 3\u00a0000');
      expect(formatRenewingPackage(view)).toBe('Когда SMS закончатся, будет продлён пакет 3\u00a0000 SMS');
    });
  });

  it('counts a carried-over balance in "of": 3 005 of 3 005 after buying 3 000 with 5 left', () => {
    const events = [
      smsPurchased(100, 0, 100, at),
      notificationSent('c1', at, { smsSpent: 95 }),
      smsPurchased(3000, roubles(3000), 3005, at),
    ];
    givenEvents(smsBalance, events).then((view) => {
      expect([view.available, view.of]).toEqual([3005, 3005]);
      expect(view.renewingPackage).toEqual({ size: 3000, price: roubles(3000) });
    });
  });

  it('lists purchases and automatic renewals with their charges (0 ₽ ones too)', () => {
    const events = [
      smsPurchased(100, 0, 100, at),
      notificationSent('c1', at, { smsSpent: 100 }),
      smsPurchased(100, 0, 100, '2025-04-22T10:00:00+03:00', 'auto-renewal'),
      smsPurchased(500, roubles(700), 600, '2025-04-23T10:00:00+03:00'),
    ];
    givenEvents(smsBalance, events).then((view) => {
      expect([view.purchases, view.renewals, view.charged]).toEqual([2, 1, roubles(700)]);
      expect([...listItems(view.topUps)].map((t) => [t.reason, t.size, t.price])).toEqual([
        ['purchase', 100, 0],
        ['auto-renewal', 100, 0],
        ['purchase', 500, roubles(700)],
      ]);
    });
  });

  it('counts SMS spent per scenario; Telegram spends none', () => {
    const events = [
      smsPurchased(1000, roubles(1200), 1000, at),
      notificationSent('c1', at, { scenario: 'incoming-missed-call', smsSpent: 2 }),
      notificationSent('c2', at, { scenario: 'outgoing-visit-card', smsSpent: 1 }),
      notificationSent('c2', at, { scenario: 'outgoing-visit-card', channel: 'telegram' }),
    ];
    givenEvents(smsBalance, events).then((view) => {
      expect(view.spentByScenario).toEqual({
        'incoming-missed-call': 2,
        'incoming-visit-card': 0,
        'outgoing-unreached': 0,
        'outgoing-visit-card': 1,
      });
      expect(view.sentByScenario['outgoing-visit-card']).toBe(2);
      expect(view.available).toBe(997);
    });
  });

  it('keeps notices skipped and why', () => {
    const skipped = event(
      'NotificationSkipped',
      {
        callId: 'c9',
        scenario: 'outgoing-unreached',
        channel: 'sms',
        recipient: '+79161234567',
        reason: 'sms-balance-exhausted',
        smsNeeded: 2,
      },
      at,
    );
    givenEvents(smsBalance, [skipped]).then((view) => {
      expect(view.skippedByReason).toEqual({
        'sms-balance-exhausted': 1,
        suppressed: 0,
        'free-sms-package-used': 0,
        'subscription-lapsed': 0,
      });
      expect([...listItems(view.skipped)]).toEqual([{ at, ...skipped.data }]);
    });
  });
});
