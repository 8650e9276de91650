/**
 * A prorated statement for one subscription period (SPEC decision 2). Per monthly line: the unit
 * price in effect, the quantity of each calendar day of the period (the largest quantity seen at
 * any moment of that day, in the account's time zone), Σ of those, the days in the period, and
 * `amount = unitPrice × Σ / days` rounded half up once per line with integer arithmetic. SMS
 * packages bought or renewed in the period are one-off lines at their price (0 ₽ ones included).
 * Total = Σ lines. All kopecks. Days after the last event carry the quantities known now, so the
 * statement of the current period is what it will be if nothing changes.
 * @module
 */

import type { Billing } from './billing.js';
import { compareLines } from './billing-fee.js';
import type { BillingItem, ChangePoint, OneOffCharge } from './billing-view.js';
import { dayOf, instantOrDateMs, type Period, periodByIndex, periodContaining } from './calendar.js';
import { itemAt, lowerBound, type ReadonlyChunkedList } from './chunked-list.js';
import { divideHalfUp } from './format.js';

/** A monthly line of a statement. */
export interface MonthlyStatementLine {
  readonly kind: 'monthly';
  readonly key: string;
  readonly item: BillingItem;
  readonly detail: string | null;
  readonly unitPrice: number;
  /** Σ over the period's days of the quantity of each day. */
  readonly quantityDays: number;
  readonly days: number;
  /** `unitPrice × quantityDays / days`, rounded half up. */
  readonly amount: number;
  /** The period's first day, `yyyy-MM-dd`: `daily[i]` is the quantity of that day + i. */
  readonly firstDay: string;
  readonly daily: readonly number[];
}

/** An SMS package bought or renewed in the period. */
export interface OneOffStatementLine {
  readonly kind: 'one-off';
  readonly key: string;
  readonly item: 'sms-package';
  readonly size: number;
  readonly reason: 'purchase' | 'auto-renewal';
  readonly unitPrice: number;
  readonly amount: number;
  /** The instant of the purchase, and its day in the account's zone. */
  readonly at: string;
  readonly day: string;
}

/** A line of a statement. */
export type StatementLine = MonthlyStatementLine | OneOffStatementLine;

/** A statement for one subscription period. */
export interface Statement {
  readonly timeZone: string;
  readonly period: Period;
  readonly lines: readonly StatementLine[];
  readonly total: number;
}

/**
 * Quantity of each day: the largest in effect at any moment of it. A change at the very start of
 * a day replaces what came before for the whole day (a tariff changed at midnight does not bill
 * the old one for that day); every change within the day counts, even one undone at once.
 */
const dailyQuantities = (
  changes: ReadonlyChunkedList<ChangePoint>,
  dayStarts: readonly number[],
): number[] => {
  let i = lowerBound(changes, (c) => c[0] < dayStarts[0]!);
  let quantity = i > 0 ? itemAt(changes, i - 1)![1] : 0;
  const daily: number[] = [];
  for (let d = 0; d + 1 < dayStarts.length; d++) {
    const start = dayStarts[d]!;
    const end = dayStarts[d + 1]!;
    let most = itemAt(changes, i)?.[0] === start ? 0 : quantity;
    for (let c = itemAt(changes, i); c !== undefined && c[0] < end; c = itemAt(changes, ++i)) {
      quantity = c[1];
      if (quantity > most) most = quantity;
    }
    daily.push(most);
  }
  return daily;
};

const oneOffsIn = (view: Billing, period: Period): OneOffStatementLine[] => {
  const lines: OneOffStatementLine[] = [];
  const list = view.oneOffs as ReadonlyChunkedList<OneOffCharge>;
  for (let i = lowerBound(list, (c) => c.atMs < period.startMs); i < list.length; i++) {
    const c = itemAt(list, i)!;
    if (c.atMs >= period.endMs) break;
    const day = dayOf(c.atMs, view.timeZone);
    const key = `sms-package:${c.size}@${c.price}#${i}`;
    lines.push({
      kind: 'one-off',
      key,
      item: 'sms-package',
      size: c.size,
      reason: c.reason,
      unitPrice: c.price,
      amount: c.price,
      at: c.at,
      day,
    });
  }
  return lines;
};

/** The statement of one period of the account. */
export const statementForPeriod = (view: Billing, period: Period): Statement => {
  const monthly: MonthlyStatementLine[] = [];
  for (const line of Object.values(view.lines)) {
    const daily = dailyQuantities(line.changes as ReadonlyChunkedList<ChangePoint>, period.dayStarts);
    const quantityDays = daily.reduce((sum, q) => sum + q, 0);
    if (quantityDays === 0) continue;
    const amount = divideHalfUp(line.unitPrice * quantityDays, period.days);
    const { key, item, detail, unitPrice } = line;
    monthly.push({
      kind: 'monthly',
      key,
      item,
      detail,
      unitPrice,
      quantityDays,
      days: period.days,
      amount,
      firstDay: period.firstDay,
      daily,
    });
  }
  monthly.sort(compareLines);
  const lines: StatementLine[] = [...monthly, ...oneOffsIn(view, period)];
  return { timeZone: view.timeZone, period, lines, total: lines.reduce((sum, line) => sum + line.amount, 0) };
};

/**
 * The statement of the period containing `at`: an instant (`2025-05-06T10:00:00+03:00`), a date
 * in the account's zone (`2025-05-06`), or epoch ms. `null` before the account is opened or when
 * `at` is not a date.
 */
export const statement = (view: Billing, at: string | number): Statement | null => {
  if (view.anchor === null) return null;
  const atMs = typeof at === 'number' ? at : instantOrDateMs(at, view.timeZone);
  if (atMs === undefined || Number.isNaN(atMs)) return null;
  return statementForPeriod(view, periodContaining(Date.parse(view.anchor), view.timeZone, atMs));
};

/** The statement of period `index` (0: the opening period). `null` before the account is opened. */
export const statementByIndex = (view: Billing, index: number): Statement | null =>
  view.anchor === null
    ? null
    : statementForPeriod(view, periodByIndex(Date.parse(view.anchor), view.timeZone, index));
