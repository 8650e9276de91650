/**
 * A prorated statement for one stretch of the billing calendar: a subscription period, or a
 * lapse. Per monthly line: the unit price, the quantity of each calendar day in the account's
 * time zone (the largest held that day, each unit at the price in effect at the end of the day:
 * see `billing-daily`), Σ of those, the days in the period, and `amount = unitPrice × Σ / days`
 * rounded half up once per line with integer arithmetic. A lapse bills no monthly line: nobody
 * paid for its days. SMS packages bought or renewed in the stretch are one-off lines at their
 * price (0 ₽ ones included). Total = Σ lines. All kopecks. Days after the last event carry the
 * quantities known now, so the statement of the current period is what it will be if nothing
 * changes.
 * @module
 */

import type { Billing } from './billing.js';
import {
  type BillingPeriod,
  billingPeriodAt,
  billingPeriodByIndex,
  type DayRange,
  type PeriodStatus,
} from './billing-calendar.js';
import { groupDaily, groupOf } from './billing-daily.js';
import { compareLines } from './billing-fee.js';
import type { BillingItem, LineTrack, OneOffCharge } from './billing-view.js';
import { dayOf, instantOrDateMs, type Period } from './calendar.js';
import { itemAt, lowerBound, type ReadonlyChunkedList } from './chunked-list.js';
import { divideHalfUp } from './format.js';

/** A monthly fee prorated by day: its quantity each day of the period, Σ, and the rounded amount. */
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

/** Either a prorated monthly fee or a one-off SMS package charge. */
export type StatementLine = MonthlyStatementLine | OneOffStatementLine;

/** A statement for one stretch of the billing calendar: a period, or a lapse. */
export interface Statement {
  readonly timeZone: string;
  readonly period: Period;
  /** `paid`, `forecast` (after the last paid period, auto-renewal on), `lapsed`, `not-opened`. */
  readonly status: PeriodStatus;
  /** Days of the stretch nobody paid for: all of a lapse's, none of a period's. */
  readonly lapsedDays: number;
  /** The first period after a lapse, started by a late payment. */
  readonly startsAfterLapse: boolean;
  /** For that period, the lapse just before it (`null` if the payment came the day it lapsed). */
  readonly lapseBefore: DayRange | null;
  readonly lines: readonly StatementLine[];
  readonly total: number;
}

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

/** Lines by group, each group sorted by unit price. */
const groups = (view: Billing): LineTrack[][] => {
  const byGroup = new Map<string, LineTrack[]>();
  for (const line of Object.values(view.lines) as LineTrack[]) {
    const key = groupOf(line);
    const group = byGroup.get(key);
    if (group === undefined) byGroup.set(key, [line]);
    else group.push(line);
  }
  return [...byGroup.values()].map((group) =>
    group.sort((a, b) => a.unitPrice - b.unitPrice || a.seq - b.seq),
  );
};

const monthlyLines = (view: Billing, period: Period): MonthlyStatementLine[] => {
  const monthly: MonthlyStatementLine[] = [];
  for (const group of groups(view)) {
    const daily = groupDaily(group, period.dayStarts);
    group.forEach((line, l) => {
      const days = daily[l]!;
      const quantityDays = days.reduce((sum, q) => sum + q, 0);
      if (quantityDays === 0) return;
      const { key, item, detail, unitPrice } = line;
      monthly.push({
        kind: 'monthly',
        key,
        item,
        detail,
        unitPrice,
        quantityDays,
        days: period.days,
        amount: divideHalfUp(unitPrice * quantityDays, period.days),
        firstDay: period.firstDay,
        daily: days,
      });
    });
  }
  return monthly.sort(compareLines);
};

/** The statement of one stretch of the billing calendar. */
export const statementFor = (view: Billing, stretch: BillingPeriod): Statement => {
  const { period, status, startsAfterLapse, lapseBefore } = stretch;
  const billed = status === 'paid' || status === 'forecast';
  const lines: StatementLine[] = [...(billed ? monthlyLines(view, period) : []), ...oneOffsIn(view, period)];
  return {
    timeZone: view.timeZone,
    period,
    status,
    lapsedDays: status === 'lapsed' ? period.days : 0,
    startsAfterLapse,
    lapseBefore,
    lines,
    total: lines.reduce((sum, line) => sum + line.amount, 0),
  };
};

/**
 * The statement of the period containing `at`: an instant (`2025-05-06T10:00:00+03:00`), a date
 * in the account's zone (`2025-05-06`), or epoch ms. `null` before the account is opened or when
 * `at` is not a date.
 */
export const statement = (view: Billing, at: string | number): Statement | null => {
  const atMs = typeof at === 'number' ? at : instantOrDateMs(at, view.timeZone);
  if (atMs === undefined || Number.isNaN(atMs)) return null;
  const stretch = billingPeriodAt(view, atMs);
  return stretch === null ? null : statementFor(view, stretch);
};

/**
 * The statement of stretch `index` of the billing calendar (0: the opening period; a lapse
 * between two periods has an index of its own). `null` before the account is opened.
 */
export const statementByIndex = (view: Billing, index: number): Statement | null => {
  const stretch = billingPeriodByIndex(view, index);
  return stretch === null ? null : statementFor(view, stretch);
};

/**
 * The statement of the stretch of the billing calendar containing `period`'s first day: kept for
 * callers of 0.1, whose periods were all anchored on the opening.
 */
export const statementForPeriod = (view: Billing, period: Period): Statement | null =>
  statement(view, period.startMs);
