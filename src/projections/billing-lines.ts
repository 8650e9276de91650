/**
 * Changing billed quantities. Per-event work is O(1) in the history: a change appends one point
 * `[atMs, quantity]` to its line; daily quantities are computed only when a statement is asked
 * for. Points never go back in time: a change whose instant is earlier than the line's last
 * point takes effect at that point (the log's order wins).
 * @module
 */
import type { BillingDraft, BillingItem, LineTrack } from './billing-view.js';
import { emptyChunkedList, lastItem, pushItem } from './chunked-list.js';

/** The key of a line: item, detail and unit price. */
export const lineKey = (item: BillingItem, detail: string | null, unitPrice: number): string =>
  detail === null ? `${item}@${unitPrice}` : `${item}:${detail}@${unitPrice}`;

/** Appends a change point unless the quantity stays the same; never goes back in time. */
export const recordChange = (line: LineTrack, quantity: number, atMs: number): void => {
  const last = lastItem(line.changes);
  const lastQuantity = last === undefined ? 0 : last[1];
  if (lastQuantity === quantity) return;
  pushItem(line.changes, [last === undefined ? atMs : Math.max(atMs, last[0]), quantity]);
};

/** Sets a line's quantity from `atMs` on, creating the line on first use. */
export const setQuantity = (
  view: BillingDraft,
  item: BillingItem,
  detail: string | null,
  unitPrice: number,
  quantity: number,
  atMs: number,
): void => {
  const key = lineKey(item, detail, unitPrice);
  let line = view.lines[key];
  if (line === undefined) {
    if (quantity === 0) return;
    line = { key, item, detail, unitPrice, quantity: 0, seq: view.lineCount, changes: emptyChunkedList() };
    view.lines[key] = line;
    view.lineCount += 1;
  }
  line.quantity = quantity;
  recordChange(line, quantity, atMs);
};

/**
 * Sets the quantities of every line of `item` (and `detail`, when given): `wanted` lists
 * `[detail, unitPrice, quantity]`; lines of the item not listed go to 0.
 */
export const syncItem = (
  view: BillingDraft,
  item: BillingItem,
  wanted: ReadonlyArray<readonly [detail: string | null, unitPrice: number, quantity: number]>,
  atMs: number,
): void => {
  const keys = new Set<string>();
  for (const [detail, unitPrice, quantity] of wanted) {
    keys.add(lineKey(item, detail, unitPrice));
    setQuantity(view, item, detail, unitPrice, quantity, atMs);
  }
  for (const key in view.lines) {
    const line = view.lines[key]!;
    if (line.item === item && line.quantity !== 0 && !keys.has(key)) {
      setQuantity(view, item, line.detail, line.unitPrice, 0, atMs);
    }
  }
};

/** Quantities per unit price of a list of per-unit prices: `[[null, price, count], …]`. */
export const byPrice = (prices: readonly number[]): Array<[null, number, number]> => {
  const counts = new Map<number, number>();
  for (const price of prices) counts.set(price, (counts.get(price) ?? 0) + 1);
  return [...counts].map(([price, count]) => [null, price, count]);
};
