/**
 * The current monthly fee as line items: every line with a quantity now, at the unit price in
 * effect (from the events), `amount = unitPrice × quantity`, and the total. In kopecks.
 * @module
 */

import type { Billing } from './billing.js';
import { BILLING_ITEMS, type BillingItem } from './billing-view.js';

/** One item of the monthly fee. */
export interface FeeLine {
  readonly key: string;
  readonly item: BillingItem;
  /** The tariff's name for `tariff`, the option for `number-option`, else `null`. */
  readonly detail: string | null;
  readonly unitPrice: number;
  readonly quantity: number;
  readonly amount: number;
}

/** The monthly fee now. */
export interface MonthlyFee {
  readonly lines: readonly FeeLine[];
  readonly total: number;
  /** The subscription lapsed: this is what it costs once renewed; nothing accrues meanwhile. */
  readonly lapsed: boolean;
}

const OPTION_ORDER = ['callerId', 'recording', 'shortNumber', 'melody'];

/** Orders lines the way a bill lists them: by item, then option, then unit price. */
export const compareLines = (
  a: { item: BillingItem; detail: string | null; unitPrice: number },
  b: { item: BillingItem; detail: string | null; unitPrice: number },
): number =>
  BILLING_ITEMS.indexOf(a.item) - BILLING_ITEMS.indexOf(b.item) ||
  (a.item === 'number-option'
    ? OPTION_ORDER.indexOf(a.detail ?? '') - OPTION_ORDER.indexOf(b.detail ?? '')
    : 0) ||
  a.unitPrice - b.unitPrice;

/** The monthly fee as line items (lines with no quantity now are left out). */
export const monthlyFee = (view: Billing): MonthlyFee => {
  const lines: FeeLine[] = [];
  for (const line of Object.values(view.lines)) {
    if (line.quantity === 0) continue;
    const { key, item, detail, unitPrice, quantity } = line;
    lines.push({ key, item, detail, unitPrice, quantity, amount: unitPrice * quantity });
  }
  lines.sort(compareLines);
  return { lines, total: lines.reduce((sum, line) => sum + line.amount, 0), lapsed: view.lapsed };
};
