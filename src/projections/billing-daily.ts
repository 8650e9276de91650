/**
 * Quantities per day of a group of lines that stand for one thing at different prices (the
 * tariff under any name; one item, or one option, at each price it was turned on at). A day is
 * billed once per unit: the group's quantity that day is the largest it held at any moment of
 * the day (so a pack added and removed the same day counts), and each unit is billed at the
 * price in effect at the end of the day, so a tariff changed on 06.05 bills the old one up to
 * 05.05 and the new one from 06.05. Units held during the day and gone by its end are billed
 * at the prices they had at the last moment the group held its largest quantity, the cheapest
 * first. A change at the very start of a day replaces what came before for the whole day.
 * @module
 */
import type { BillingItem, ChangePoint, LineTrack } from './billing-view.js';
import { itemAt, lowerBound, type ReadonlyChunkedList } from './chunked-list.js';

/** The group of a line: lines of one group replace each other day by day. */
export const groupOf = (line: { readonly item: BillingItem; readonly detail: string | null }): string =>
  line.item === 'tariff' || line.detail === null ? line.item : `${line.item}:${line.detail}`;

const changesOf = (line: LineTrack): ReadonlyChunkedList<ChangePoint> =>
  line.changes as ReadonlyChunkedList<ChangePoint>;

/** Units beyond what is in effect at the end of a day, spread over the cheapest lines that had them. */
const spreadExcess = (excess: number, atMost: readonly number[], atEnd: number[]): void => {
  let left = excess;
  // Lines come sorted by unit price, cheapest first.
  for (let l = 0; l < atEnd.length && left > 0; l++) {
    const extra = Math.min(left, Math.max(0, atMost[l]! - atEnd[l]!));
    atEnd[l] = atEnd[l]! + extra;
    left -= extra;
  }
};

/**
 * The quantity of each day (`dayStarts`: each day's start, then the end) for each line of one
 * group, which must be sorted by unit price. `result[l][d]` is line `l`'s quantity on day `d`.
 */
export const groupDaily = (lines: readonly LineTrack[], dayStarts: readonly number[]): number[][] => {
  const first = dayStarts[0]!;
  const cursors = lines.map((line) => lowerBound(changesOf(line), (c) => c[0] < first));
  const quantities = lines.map((line, l) =>
    cursors[l]! > 0 ? itemAt(changesOf(line), cursors[l]! - 1)![1] : 0,
  );
  const daily = lines.map((): number[] => []);
  const nextAt = (): number => {
    let next = Number.POSITIVE_INFINITY;
    lines.forEach((line, l) => {
      const change = itemAt(changesOf(line), cursors[l]!);
      if (change !== undefined && change[0] < next) next = change[0];
    });
    return next;
  };
  // Every change at `at`, on every line, at once: one event moves several lines together.
  const applyAt = (at: number): void => {
    lines.forEach((line, l) => {
      for (let c = itemAt(changesOf(line), cursors[l]!); c !== undefined && c[0] === at; ) {
        quantities[l] = c[1];
        cursors[l] = cursors[l]! + 1;
        c = itemAt(changesOf(line), cursors[l]!);
      }
    });
  };
  const total = (): number => quantities.reduce((sum, q) => sum + q, 0);
  for (let d = 0; d + 1 < dayStarts.length; d++) {
    const start = dayStarts[d]!;
    const end = dayStarts[d + 1]!;
    if (nextAt() === start) applyAt(start);
    let most = total();
    let atMost = quantities.slice();
    for (let at = nextAt(); at < end; at = nextAt()) {
      applyAt(at);
      const now = total();
      if (now >= most) {
        most = now;
        atMost = quantities.slice();
      }
    }
    const atEnd = quantities.slice();
    spreadExcess(most - total(), atMost, atEnd);
    atEnd.forEach((q, l) => {
      daily[l]!.push(q);
    });
  }
  return daily;
};
