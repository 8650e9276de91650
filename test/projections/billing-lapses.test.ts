import { describe, expect, it } from 'vitest';
import { roubles } from '../../src/catalogue/units.js';
import { billing } from '../../src/projections/billing.js';
import { billingPeriodAt, lapses } from '../../src/projections/billing-calendar.js';
import { monthlyFee } from '../../src/projections/billing-fee.js';
import {
  type MonthlyStatementLine,
  type Statement,
  statement,
  statementByIndex,
} from '../../src/projections/billing-statement.js';
import { givenEvents } from '../../src/testing/index.js';
import { basicTerms, event, opened, recordingEnabled } from './builders.js';

const openedAt = '2025-04-21T10:00:00+03:00';
const paidUntil = '2025-05-21T10:00:00+03:00';
const lapsedAt = event('SubscriptionLapsed', { paidUntil }, paidUntil, 'system');
// Paid on 25.05 at 14:00: a new period from that instant, later ones anchored on it.
const paidLate = event(
  'SubscriptionRenewed',
  {
    periodStart: '2025-05-25T14:00:00+03:00',
    paidUntil: '2025-06-25T14:00:00+03:00',
    manual: true,
    restarted: true,
  },
  '2025-05-25T14:00:00+03:00',
);
const autoRenewalOn = event('AutoRenewalSet', { enabled: true }, '2025-05-25T14:01:00+03:00');
const history = [
  opened(openedAt, { paidUntil, autoRenewal: false }),
  recordingEnabled('2025-05-06T15:30:00+03:00'),
  lapsedAt,
  paidLate,
  autoRenewalOn,
];

const monthly = (s: Statement | null): MonthlyStatementLine[] =>
  (s?.lines ?? []).filter((l): l is MonthlyStatementLine => l.kind === 'monthly');
const shape = (s: Statement | null) =>
  s === null ? null : [s.period.index, s.period.firstDay, s.period.lastDay, s.period.days, s.status];

describe('billing: a lapse is a gap nobody pays for', () => {
  it('lays out the calendar: the paid period, the lapse 21.05–24.05, then periods from the payment', () => {
    givenEvents(billing, history).then((view) => {
      expect([0, 1, 2, 3].map((i) => shape(statementByIndex(view, i)))).toEqual([
        [0, '2025-04-21', '2025-05-20', 30, 'paid'],
        [1, '2025-05-21', '2025-05-24', 4, 'lapsed'],
        [2, '2025-05-25', '2025-06-24', 31, 'paid'],
        [3, '2025-06-25', '2025-07-24', 30, 'forecast'],
      ]);
      expect(lapses(view)).toEqual([{ firstDay: '2025-05-21', lastDay: '2025-05-24', days: 4 }]);
    });
  });

  it('bills no line on a lapsed day', () => {
    givenEvents(billing, history).then((view) => {
      const lapse = statement(view, '2025-05-22');
      expect(lapse).toMatchObject({ status: 'lapsed', lapsedDays: 4, lines: [], total: 0 });
    });
  });

  it('starts the period after a late payment on the payment day and bills it whole', () => {
    // 25.05–24.06 is 31 days: tariff 1 500 ₽ × 31 / 31, recording 700 ₽ × 31 / 31.
    givenEvents(billing, history).then((view) => {
      const s = statement(view, '2025-05-25T09:00:00+03:00');
      expect(s).toMatchObject({
        status: 'paid',
        startsAfterLapse: true,
        lapseBefore: { firstDay: '2025-05-21', lastDay: '2025-05-24', days: 4 },
        lapsedDays: 0,
        total: roubles(1500 + 700),
      });
      expect(monthly(s).map((l) => [l.item, l.quantityDays, l.days])).toEqual([
        ['tariff', 31, 31],
        ['recording', 31, 31],
      ]);
    });
  });

  it('bills the period before the lapse up to the day before paidUntil', () => {
    // Recording from 06.05: 15 days of 30 → 350 ₽; nothing of it on 21.05 and after.
    givenEvents(billing, history).then((view) => {
      const s = statementByIndex(view, 0);
      expect(monthly(s).map((l) => [l.item, l.quantityDays, l.amount])).toEqual([
        ['tariff', 30, roubles(1500)],
        ['recording', 15, roubles(350)],
      ]);
    });
  });

  it('bills the days after paidUntil to nobody once the lapse is recorded, and says so', () => {
    givenEvents(billing, history.slice(0, 3)).then((view) => {
      expect(shape(statement(view, '2025-06-10'))).toEqual([1, '2025-05-21', '2025-06-20', 31, 'lapsed']);
      expect(statement(view, '2025-06-10')?.total).toBe(0);
      expect(monthlyFee(view)).toMatchObject({ lapsed: true, total: roubles(1500 + 700) });
      expect(lapses(view)).toEqual([]);
    });
  });

  it('bills nothing after paidUntil with auto-renewal off, even before the lapse is recorded', () => {
    givenEvents(billing, history.slice(0, 2)).then((view) => {
      expect(statement(view, '2025-05-21')).toMatchObject({ status: 'lapsed', total: 0 });
    });
  });

  it('forecasts the next period with auto-renewal on, as the renewal will bill it', () => {
    givenEvents(billing, [opened(openedAt, { paidUntil })]).then((view) => {
      expect(statement(view, '2025-05-21')).toMatchObject({ status: 'forecast', total: roubles(1500) });
    });
  });

  it('bills a tariff changed during the lapse from the renewal on', () => {
    const business = { ...basicTerms, tariffId: 'business', name: 'Бизнес', monthlyFee: roubles(3500) };
    const changed = event(
      'TariffChanged',
      { previousTariffId: 'basic', tariff: business },
      '2025-05-23T10:00:00+03:00',
    );
    givenEvents(billing, [...history.slice(0, 3), changed, paidLate]).then((view) => {
      expect(monthly(statement(view, '2025-05-25')).map((l) => [l.detail, l.quantityDays])).toEqual([
        ['Бизнес', 31],
        [null, 31],
      ]);
    });
  });

  it('anchors the periods after a late payment on it, also at a month end', () => {
    // Paid on 31.07 at 12:00 after a lapse: 31.07–30.08, 31.08–29.09, 30.09–30.10 …
    const late = event(
      'SubscriptionRenewed',
      {
        periodStart: '2025-07-31T12:00:00+03:00',
        paidUntil: '2025-08-31T12:00:00+03:00',
        manual: true,
        restarted: true,
      },
      '2025-07-31T12:00:00+03:00',
    );
    const renewed = event(
      'SubscriptionRenewed',
      {
        periodStart: '2025-08-31T12:00:00+03:00',
        paidUntil: '2025-09-30T12:00:00+03:00',
        manual: false,
        restarted: false,
      },
      '2025-08-31T12:00:00+03:00',
      'system',
    );
    givenEvents(billing, [opened(openedAt, { paidUntil }), lapsedAt, late, renewed]).then((view) => {
      expect([1, 2, 3, 4].map((i) => shape(statementByIndex(view, i)))).toEqual([
        [1, '2025-05-21', '2025-07-30', 71, 'lapsed'],
        [2, '2025-07-31', '2025-08-30', 31, 'paid'],
        [3, '2025-08-31', '2025-09-29', 30, 'paid'],
        [4, '2025-09-30', '2025-10-30', 31, 'forecast'],
      ]);
      expect(statement(view, '2025-09-29')?.period.index).toBe(3);
      expect(statement(view, '2025-10-31')?.period.index).toBe(5);
    });
  });

  it('has no gap when the payment comes the day the subscription lapsed', () => {
    const sameDay = event(
      'SubscriptionRenewed',
      {
        periodStart: '2025-05-21T18:00:00+03:00',
        paidUntil: '2025-06-21T18:00:00+03:00',
        manual: true,
        restarted: true,
      },
      '2025-05-21T18:00:00+03:00',
    );
    givenEvents(billing, [opened(openedAt, { paidUntil }), lapsedAt, sameDay]).then((view) => {
      expect(statement(view, '2025-05-21')).toMatchObject({
        period: { index: 1, firstDay: '2025-05-21', lastDay: '2025-06-20' },
        status: 'paid',
        startsAfterLapse: true,
        lapseBefore: null,
      });
      expect(lapses(view)).toEqual([]);
    });
  });

  it('sees a gap from a late payment alone, before the scheduler recorded any lapse', () => {
    givenEvents(billing, [opened(openedAt, { paidUntil }), paidLate]).then((view) => {
      expect(lapses(view)).toEqual([{ firstDay: '2025-05-21', lastDay: '2025-05-24', days: 4 }]);
    });
  });

  it('has periods before the opening with nothing billed, and none before any event', () => {
    expect(billingPeriodAt(billing.initial, Date.parse(openedAt))).toBeNull();
    givenEvents(billing, history).then((view) => {
      expect(statement(view, '2025-04-20')).toMatchObject({
        period: { index: -1 },
        status: 'not-opened',
        lines: [],
      });
    });
  });
});
