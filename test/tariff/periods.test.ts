import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../src/account/events.js';
import { anchoredPeriod, periodAt, periodIndexAt } from '../../src/tariff/periods.js';
import { given } from '../../src/testing/index.js';
import { cmd, decider, historyOf, openAccount } from './fixtures.js';

/** `paidUntil` after opening at `openedAt` and `renewals` scheduler renewals, each at its due instant. */
const paidUntilSeries = (openedAt: string, renewals: number, timeZone?: string): string[] => {
  const events: AccountEvent[] = historyOf(
    openAccount('basic', openedAt, timeZone === undefined ? {} : { timeZone }),
  );
  const series: string[] = [];
  for (let i = 0; i < renewals; i++) {
    const state = given(decider, events).state;
    const due = state.tariff.subscription?.paidUntil ?? '';
    series.push(due);
    const result = decider.decide(cmd('RenewSubscription', {}, due), state);
    if (result._tag === 'Left') throw new Error(result.left.message);
    events.push(...result.right);
  }
  series.push(given(decider, events).state.tariff.subscription?.paidUntil ?? '');
  return series;
};

describe('subscription periods anchored on the opening date', () => {
  it('opened on Jan 31: Feb 28, then back to Mar 31 and Apr 30 (anchored, not chained clamps)', () => {
    expect(paidUntilSeries('2025-01-31T10:00:00+03:00', 3)).toEqual([
      '2025-02-28T10:00:00+03:00',
      '2025-03-31T10:00:00+03:00',
      '2025-04-30T10:00:00+03:00',
      '2025-05-31T10:00:00+03:00',
    ]);
  });

  it('leap year: opened Jan 31, 2024 is paid until Feb 29; opened Feb 29 renews on the 29th and on Feb 28 next year', () => {
    expect(paidUntilSeries('2024-01-31T09:00:00+03:00', 1)).toEqual([
      '2024-02-29T09:00:00+03:00',
      '2024-03-31T09:00:00+03:00',
    ]);
    const fromLeapDay = paidUntilSeries('2024-02-29T09:00:00+03:00', 12);
    expect(fromLeapDay[0]).toBe('2024-03-29T09:00:00+03:00');
    expect(fromLeapDay[10]).toBe('2025-01-29T09:00:00+03:00');
    expect(fromLeapDay[11]).toBe('2025-02-28T09:00:00+03:00');
    expect(fromLeapDay[12]).toBe('2025-03-29T09:00:00+03:00');
  });

  it('Moscow has no DST: every boundary is at +03:00 and the same wall-clock time all year', () => {
    const series = paidUntilSeries('2025-01-15T00:30:00+03:00', 11);
    expect(series.every((until) => until.endsWith('T00:30:00+03:00'))).toBe(true);
    expect(series[11]).toBe('2026-01-15T00:30:00+03:00');
  });

  it('Europe/Berlin keeps the local time of day across DST: 10:00 +01:00 in winter, 10:00 +02:00 in summer', () => {
    const series = paidUntilSeries('2025-01-15T10:00:00+01:00', 10, 'Europe/Berlin');
    expect(series[0]).toBe('2025-02-15T10:00:00+01:00');
    expect(series[1]).toBe('2025-03-15T10:00:00+01:00');
    expect(series[2]).toBe('2025-04-15T10:00:00+02:00');
    expect(series[8]).toBe('2025-10-15T10:00:00+02:00');
    expect(series[9]).toBe('2025-11-15T10:00:00+01:00');
    // The March period is an hour shorter than a 31-day month of 24-hour days.
    const march = Date.parse(series[2] ?? '') - Date.parse(series[1] ?? '');
    expect(march).toBe(31 * 24 * 3_600_000 - 3_600_000);
  });

  it('a boundary falling in the spring-forward gap moves to the first valid local time', () => {
    // 02:30 on Mar 30, 2025 does not exist in Berlin.
    expect(anchoredPeriod('2025-01-30T02:30:00+01:00', 'Europe/Berlin', 2)).toEqual({
      start: '2025-03-30T03:30:00+02:00',
      end: '2025-04-30T02:30:00+02:00',
    });
  });

  it('finds the anchored period containing an instant, boundaries included in the later period', () => {
    const opened = '2025-01-31T10:00:00+03:00';
    const zone = 'Europe/Moscow';
    expect(periodIndexAt(opened, zone, Date.parse(opened))).toBe(0);
    expect(periodIndexAt(opened, zone, Date.parse('2025-02-28T09:59:59+03:00'))).toBe(0);
    expect(periodIndexAt(opened, zone, Date.parse('2025-02-28T10:00:00+03:00'))).toBe(1);
    // In March, before the 31st: still the period that began on Feb 28.
    expect(periodIndexAt(opened, zone, Date.parse('2025-03-30T12:00:00+03:00'))).toBe(1);
    expect(periodIndexAt(opened, zone, Date.parse('2025-01-01T00:00:00+03:00'))).toBe(-1);
    expect(periodAt(opened, zone, Date.parse('2025-07-04T00:00:00+03:00'))).toEqual({
      start: '2025-06-30T10:00:00+03:00',
      end: '2025-07-31T10:00:00+03:00',
    });
  });
});
