import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../src/account/events.js';
import { billing } from '../../src/projections/billing.js';
import { explain } from '../../src/projections/billing-explain.js';
import { type Statement, statementByIndex } from '../../src/projections/billing-statement.js';
import { billingHistory, history } from './arbitraries.js';

const dayStart = (ms: number): number => startOfDay(new TZDate(ms, 'Europe/Moscow')).getTime();

/**
 * Which days nobody paid for, worked out from the events alone: from the day of a `paidUntil`
 * to the day of a payment that came after it; and from the last `paidUntil` on once a lapse is
 * recorded or auto-renewal is off.
 */
const unpaidDays = (events: readonly AccountEvent[]) => {
  const gaps: Array<[number, number]> = [];
  let paidUntilMs = 0;
  let lapsed = false;
  let autoRenewal = true;
  for (const e of events) {
    if (e.type === 'AccountOpened') {
      paidUntilMs = Date.parse(e.data.paidUntil);
      autoRenewal = e.data.autoRenewal;
    } else if (e.type === 'AutoRenewalSet') autoRenewal = e.data.enabled;
    else if (e.type === 'SubscriptionLapsed') lapsed = true;
    else if (e.type === 'SubscriptionRenewed') {
      const startMs = Date.parse(e.data.periodStart);
      if (startMs > paidUntilMs) gaps.push([dayStart(paidUntilMs), dayStart(startMs)]);
      paidUntilMs = Math.max(paidUntilMs, Date.parse(e.data.paidUntil));
      lapsed = false;
    }
  }
  const tailFrom = lapsed || !autoRenewal ? dayStart(paidUntilMs) : Number.POSITIVE_INFINITY;
  return (dayMs: number): boolean =>
    dayMs >= tailFrom || gaps.some(([from, to]) => dayMs >= from && dayMs < to);
};

const statements = (events: readonly AccountEvent[], count: number): Statement[] => {
  const view = billing.fold(events);
  return Array.from({ length: count }, (_, index) => {
    const s = statementByIndex(view, index);
    if (s === null) throw new Error('opened accounts have statements');
    return s;
  });
};

const checkAmounts = (s: Statement): void => {
  expect(s.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(s.total);
  for (const line of s.lines) {
    const explained = explain(line);
    expect(explained.days.reduce((sum, d) => sum + d.accrual, 0)).toBe(line.amount);
    if (line.kind !== 'monthly') continue;
    expect(line.daily).toHaveLength(s.period.days);
    expect(line.quantityDays).toBe(line.daily.reduce((a, b) => a + b, 0));
    // |amount − price × Σ / days| ≤ ½ kopeck, in integers.
    expect(
      Math.abs(2 * line.amount * line.days - 2 * line.unitPrice * line.quantityDays),
    ).toBeLessThanOrEqual(line.days);
    for (const day of explained.days) {
      const exact = day.quantity * line.unitPrice; // × 1/days
      expect(Math.abs(day.accrual * line.days - exact)).toBeLessThanOrEqual(line.days);
    }
  }
};

describe('billing properties', () => {
  it('lines add up to the total; each line is the sum of its daily accruals, each within a kopeck', () => {
    fc.assert(
      fc.property(history(), (events) => {
        for (const s of statements(events, 4)) checkAmounts(s);
      }),
      { numRuns: 150 },
    );
  });

  it('tariff days of a period add up to its days minus its lapsed days; no line is billed on a lapsed day', () => {
    fc.assert(
      fc.property(billingHistory(), (events) => {
        const unpaid = unpaidDays(events);
        const all = statements(events, 7);
        all.forEach((s, i) => {
          checkAmounts(s);
          // The calendar has no hole and no overlap: each stretch starts where the last one ended.
          if (i > 0) expect(s.period.startMs).toBe(all[i - 1]!.period.endMs);
          const lapsed = s.period.dayStarts.slice(0, -1).map(unpaid);
          expect(s.lapsedDays).toBe(lapsed.filter(Boolean).length);
          const tariffDaily = Array.from<number>({ length: s.period.days }).fill(0);
          for (const line of s.lines) {
            if (line.kind !== 'monthly') continue;
            line.daily.forEach((q, d) => {
              if (q > 0) expect(lapsed[d], `${line.key} billed on lapsed day ${d}`).toBe(false);
              if (line.item === 'tariff') tariffDaily[d]! += q;
            });
          }
          // One tariff a day, on every day paid for, and on no other.
          expect(tariffDaily).toEqual(lapsed.map((l) => (l ? 0 : 1)));
          const tariffDays = tariffDaily.reduce((a, b) => a + b, 0);
          expect(tariffDays).toBe(s.period.days - s.lapsedDays);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same view folded privately as applied event by event through immer', () => {
    fc.assert(
      fc.property(billingHistory(25), (events) => {
        const oneByOne = events.reduce(billing.apply, billing.initial);
        expect(oneByOne).toStrictEqual(billing.fold(events));
      }),
      { numRuns: 60 },
    );
  });
});
