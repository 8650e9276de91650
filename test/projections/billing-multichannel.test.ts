import { describe, expect, it } from 'vitest';
import { roubles } from '../../src/catalogue/units.js';
import { billing } from '../../src/projections/billing.js';
import { monthlyFee } from '../../src/projections/billing-fee.js';
import { type MonthlyStatementLine, statement } from '../../src/projections/billing-statement.js';
import { givenEvents } from '../../src/testing/index.js';
import { event, opened } from './builders.js';

const main = '+74950000001';
const second = '+74950000002';
const added = (number: string, at: string, isMain = false) =>
  event('MultichannelNumberAdded', { number, main: isMain, extraMonthlyFee: roubles(500) }, at);
const removed = (number: string, fallback: string, left: number, at: string) =>
  event(
    'MultichannelNumberRemoved',
    { number, fallback, callerIdNumbers: [], multichannelNumbers: left },
    at,
  );
const extra = (view: Parameters<typeof statement>[0]): MonthlyStatementLine | undefined =>
  statement(view, '2025-05-01')?.lines.find(
    (l): l is MonthlyStatementLine => l.kind === 'monthly' && l.item === 'extra-multichannel',
  );

describe('billing: removing a multichannel number', () => {
  const base = [
    opened('2025-04-21T10:00:00+03:00', { paidUntil: '2025-05-21T10:00:00+03:00' }),
    added(main, '2025-04-21T10:01:00+03:00', true),
    added(second, '2025-05-01T12:00:00+03:00'),
  ];

  it('stops the extra number’s fee the day it is removed', () => {
    // «Базовый» includes one МКН. The second one is billed 01.05–10.05 (removed at noon on the
    // 10th): 500 ₽ × 10 / 30 = 166,666… → 166,67 ₽; nothing from 11.05.
    givenEvents(billing, [...base, removed(second, main, 1, '2025-05-10T12:00:00+03:00')]).then((view) => {
      const line = extra(view);
      expect(line).toMatchObject({ quantityDays: 10, amount: 16_667 });
      expect(line?.daily.slice(10, 21)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
      expect(monthlyFee(view).lines.some((l) => l.item === 'extra-multichannel')).toBe(false);
    });
  });

  it('moves the remaining number into the included one when the first is removed', () => {
    givenEvents(billing, [
      ...base,
      event('MainMultichannelNumberSet', { number: second, previous: main }, '2025-05-05T09:00:00+03:00'),
      removed(main, second, 1, '2025-05-05T10:00:00+03:00'),
    ]).then((view) => {
      // Extra from 01.05 to 05.05: 5 days; then one МКН in all, the included one.
      expect(extra(view)).toMatchObject({ quantityDays: 5 });
      expect(monthlyFee(view).total).toBe(roubles(1500));
    });
  });
});
