import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billing } from '../../src/projections/billing.js';
import { explain } from '../../src/projections/billing-explain.js';
import { statementByIndex } from '../../src/projections/billing-statement.js';
import { history } from './arbitraries.js';

describe('billing properties (issue 5, must-show #3)', () => {
  it('lines add up to the total; each line is the sum of its daily accruals, each within a kopeck', () => {
    fc.assert(
      fc.property(history(), (events) => {
        const view = billing.fold(events);
        for (let index = 0; index < 4; index++) {
          const s = statementByIndex(view, index);
          if (s === null) throw new Error('opened accounts have statements');
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
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same view folded privately as applied event by event through immer', () => {
    fc.assert(
      fc.property(history(25), (events) => {
        const oneByOne = events.reduce(billing.apply, billing.initial);
        expect(oneByOne).toStrictEqual(billing.fold(events));
      }),
      { numRuns: 60 },
    );
  });
});
