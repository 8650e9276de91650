import { describe, expect, it } from 'vitest';
import { roubles } from '../../src/catalogue/units.js';
import { billing } from '../../src/projections/billing.js';
import { explain } from '../../src/projections/billing-explain.js';
import { monthlyFee } from '../../src/projections/billing-fee.js';
import {
  type MonthlyStatementLine,
  type Statement,
  statement,
  statementByIndex,
} from '../../src/projections/billing-statement.js';
import { givenEvents } from '../../src/testing/index.js';
import {
  event,
  opened,
  packAdded,
  packRemoved,
  recordingDisabled,
  recordingEnabled,
  smsPurchased,
  telegram,
} from './builders.js';

const openedAt = '2025-04-21T10:00:00+03:00';
const monthly = (s: Statement | null, item: string): MonthlyStatementLine => {
  const line = s?.lines.find((l) => l.kind === 'monthly' && l.item === item);
  if (line === undefined || line.kind !== 'monthly') throw new Error(`no ${item} line`);
  return line;
};

describe('billing: a statement for a period', () => {
  const events = [
    opened(openedAt),
    recordingEnabled('2025-05-06T15:30:00+03:00'),
    packAdded(1, '2025-05-10T09:00:00+03:00'),
    packRemoved(0, '2025-05-10T18:00:00+03:00'),
    smsPurchased(3000, roubles(3000), 3000, '2025-05-12T12:00:00+03:00'),
  ];

  it('runs from 21 April to 20 May, 30 days, in the account time zone', () => {
    givenEvents(billing, events).then((view) => {
      const s = statement(view, '2025-05-06');
      expect(s?.period).toMatchObject({ index: 0, firstDay: '2025-04-21', lastDay: '2025-05-20', days: 30 });
    });
  });

  it('bills recording enabled on 6 May 350,00 ₽: 15 days × 700 ₽ / 30', () => {
    givenEvents(billing, events).then((view) => {
      const line = monthly(statement(view, '2025-05-06T12:00:00+03:00'), 'recording');
      expect(line).toMatchObject({
        unitPrice: roubles(700),
        quantityDays: 15,
        days: 30,
        amount: roubles(350),
      });
      const explained = explain(line);
      expect(explained.days[0]).toEqual({ date: '2025-05-06', quantity: 1, accrual: 2333 });
      expect(explained.days.at(-1)?.date).toBe('2025-05-20');
      expect(explained.formula).toBe('700,00 ₽ × 15 / 30 = 350,00 ₽');
      expect(explain(line, 'en').formula).toBe('₽700.00 × 15 / 30 = ₽350.00');
      expect(explained.days.reduce((sum, d) => sum + d.accrual, 0)).toBe(roubles(350));
    });
  });

  it('charges one day for a pack added and removed the same day', () => {
    givenEvents(billing, events).then((view) => {
      const line = monthly(statement(view, '2025-05-06'), 'storage-packs');
      expect(line).toMatchObject({ quantityDays: 1, amount: 500 });
      expect(explain(line).days).toEqual([{ date: '2025-05-10', quantity: 1, accrual: 500 }]);
    });
  });

  it('bills the 3 000-SMS package as one 3 000 ₽ line', () => {
    givenEvents(billing, events).then((view) => {
      const s = statement(view, '2025-05-06');
      const oneOffs = s?.lines.filter((l) => l.kind === 'one-off') ?? [];
      expect(oneOffs).toHaveLength(1);
      expect(oneOffs[0]).toMatchObject({
        item: 'sms-package',
        size: 3000,
        amount: roubles(3000),
        day: '2025-05-12',
      });
      expect(s?.total).toBe(roubles(1500) + roubles(350) + 500 + roubles(3000));
    });
  });

  it('keeps a charge at the price the events carry: a later price change makes a separate line, from its day', () => {
    const repriced = [
      ...events,
      recordingDisabled('2025-05-15T10:00:00+03:00'),
      recordingEnabled('2025-05-15T11:00:00+03:00', roubles(900)),
    ];
    givenEvents(billing, repriced).then((view) => {
      const lines = statement(view, '2025-05-06')?.lines.filter((l) => l.item === 'recording') ?? [];
      expect(lines.map((l) => [l.unitPrice, l.kind === 'monthly' ? l.quantityDays : 0, l.amount])).toEqual([
        // 15 May is billed once, at the 900 ₽ in effect at its end: 700 ₽ for 6–14 May (9 days).
        [roubles(700), 9, roubles(210)],
        [roubles(900), 6, roubles(180)],
      ]);
    });
  });

  it('bills an SMS package of 0 ₽ as a 0 ₽ line', () => {
    givenEvents(billing, [
      opened(openedAt),
      smsPurchased(100, 0, 100, '2025-04-22T10:00:00+03:00', 'auto-renewal'),
    ]).then((view) => {
      const line = statement(view, '2025-04-22')?.lines.find((l) => l.kind === 'one-off');
      expect(line).toMatchObject({ size: 100, amount: 0, reason: 'auto-renewal' });
    });
  });

  it('splits the tariff line on a tariff change within the period', () => {
    const business = {
      ...opened(openedAt).data.tariff,
      tariffId: 'business',
      name: 'Бизнес',
      monthlyFee: roubles(3500),
    };
    const changed = [
      opened(openedAt),
      event('TariffChanged', { previousTariffId: 'basic', tariff: business }, '2025-05-11T12:00:00+03:00'),
    ];
    givenEvents(billing, changed).then((view) => {
      const lines = statement(view, '2025-05-01')?.lines ?? [];
      // The change day is billed once, on the tariff in effect at its end.
      expect(
        lines.map((l) => [l.kind === 'monthly' && l.detail, l.kind === 'monthly' && l.quantityDays]),
      ).toEqual([
        ['Базовый', 20],
        ['Бизнес', 10],
      ]);
    });
  });

  it('bills nothing for a lapse stored by 0.1, whose late payment bought the anchored period it fell in', () => {
    const lapsing = [
      opened(openedAt, { paidUntil: '2025-05-21T10:00:00+03:00', autoRenewal: false }),
      event(
        'SubscriptionLapsed',
        { paidUntil: '2025-05-21T10:00:00+03:00' },
        '2025-05-21T10:00:00+03:00',
        'system',
      ),
      // Paid on 25 June: the anchored period containing it, from 21 June.
      event(
        'SubscriptionRenewed',
        {
          periodStart: '2025-06-21T10:00:00+03:00',
          paidUntil: '2025-07-21T10:00:00+03:00',
          manual: true,
          restarted: false,
        },
        '2025-06-25T09:00:00+03:00',
      ),
    ];
    givenEvents(billing, lapsing).then((view) => {
      expect(monthly(statementByIndex(view, 0), 'tariff').quantityDays).toBe(30);
      expect(statementByIndex(view, 1)?.lines).toEqual([]);
      expect(monthly(statementByIndex(view, 2), 'tariff').amount).toBe(roubles(1500));
      expect(monthlyFee(view)).toMatchObject({ total: roubles(1500), lapsed: false });
    });
  });

  it('bills the period a 0.1 late payment bought from its own start, as 0.1 charged it', () => {
    const late = [
      opened(openedAt, { paidUntil: '2025-05-21T10:00:00+03:00', autoRenewal: false }),
      event(
        'SubscriptionLapsed',
        { paidUntil: '2025-05-21T10:00:00+03:00' },
        '2025-05-21T10:00:00+03:00',
        'system',
      ),
      event(
        'SubscriptionRenewed',
        {
          periodStart: '2025-05-21T10:00:00+03:00',
          paidUntil: '2025-06-21T10:00:00+03:00',
          manual: true,
          restarted: false,
        },
        '2025-05-25T09:00:00+03:00',
      ),
    ];
    givenEvents(billing, late).then((view) => {
      expect(monthly(statementByIndex(view, 1), 'tariff').quantityDays).toBe(31);
    });
  });

  it('shows the monthly fee of a lapsed account as what it costs once renewed', () => {
    const lapsed = [
      opened(openedAt, { paidUntil: '2025-05-21T10:00:00+03:00', autoRenewal: false }),
      event(
        'SubscriptionLapsed',
        { paidUntil: '2025-05-21T10:00:00+03:00' },
        '2025-05-21T10:00:00+03:00',
        'system',
      ),
    ];
    givenEvents(billing, lapsed).then((view) => {
      expect(monthlyFee(view)).toMatchObject({ total: roubles(1500), lapsed: true });
      expect(statementByIndex(view, 1)?.total).toBe(0);
    });
  });

  it('counts Telegram on several scenarios as the largest number on at any moment of a day', () => {
    const toggles = [
      opened(openedAt),
      telegram('incoming-missed-call', true, '2025-04-25T10:00:00+03:00'),
      telegram('outgoing-unreached', true, '2025-04-25T11:00:00+03:00'),
      telegram('incoming-missed-call', false, '2025-04-25T12:00:00+03:00'),
    ];
    givenEvents(billing, toggles).then((view) => {
      const line = monthly(statement(view, '2025-04-25'), 'telegram');
      expect(line.daily.slice(3, 6)).toEqual([0, 2, 1]);
    });
  });
});

describe('billing: periods in the calendar of the account', () => {
  it('counts calendar days across a DST change (Europe/Berlin, 30 March 2025)', () => {
    const at = '2025-03-15T12:00:00+01:00';
    givenEvents(billing, [
      opened(at, { timeZone: 'Europe/Berlin' }),
      recordingEnabled('2025-03-30T01:30:00+01:00'),
    ]).then((view) => {
      const s = statement(view, '2025-03-30');
      expect(s?.period).toMatchObject({ firstDay: '2025-03-15', lastDay: '2025-04-14', days: 31 });
      const line = monthly(s, 'recording');
      expect(line.quantityDays).toBe(16);
      expect(line.amount).toBe(divide(roubles(700) * 16, 31));
    });
  });

  it('counts a day in the account zone, not in UTC', () => {
    // 23:30 in Moscow on 5 May is 20:30 UTC: the day is 5 May.
    givenEvents(billing, [
      opened('2025-04-21T10:00:00+03:00'),
      recordingEnabled('2025-05-05T20:30:00Z'),
    ]).then((view) => {
      expect(monthly(statement(view, '2025-05-05'), 'recording').quantityDays).toBe(16);
    });
  });

  it('anchors month-end periods on the opening date: 31 January → 28 February → 31 March', () => {
    givenEvents(billing, [opened('2025-01-31T09:00:00+03:00')]).then((view) => {
      const periods = [0, 1, 2, 3].map((i) => statementByIndex(view, i)?.period);
      expect(periods.map((p) => [p?.firstDay, p?.lastDay, p?.days])).toEqual([
        ['2025-01-31', '2025-02-27', 28],
        ['2025-02-28', '2025-03-30', 31],
        ['2025-03-31', '2025-04-29', 30],
        ['2025-04-30', '2025-05-30', 31],
      ]);
      expect(statement(view, '2025-03-30')?.period.index).toBe(1);
      expect(statement(view, '2025-03-31T00:00:00+03:00')?.period.index).toBe(2);
      expect(monthly(statementByIndex(view, 1), 'tariff').amount).toBe(roubles(1500));
    });
  });

  it('has no statement before the account is opened, nor for something that is not a date', () => {
    expect(statement(billing.initial, '2025-05-01')).toBeNull();
    givenEvents(billing, [opened(openedAt)]).then((view) => {
      expect(statement(view, 'yesterday')).toBeNull();
      expect(statement(view, '2025-02-30')).toBeNull();
    });
  });

  it('charges the opening period from the opening day, and nothing before it', () => {
    givenEvents(billing, [opened(openedAt)]).then((view) => {
      expect(statementByIndex(view, -1)?.lines).toEqual([]);
      expect(monthly(statementByIndex(view, 0), 'tariff').quantityDays).toBe(30);
    });
  });
});

/** Half-up division, spelled out for expectations. */
function divide(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}
