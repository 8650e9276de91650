/**
 * An append-only list kept as plain JSON data in a trie of 32-slot arrays. Appending through
 * immer copies one root-to-leaf path (depth × 32 slots, depth ≤ 4 for a million items), never the
 * whole list, so a view that grows with history (change points, history entries, evicted ids)
 * stays cheap to update incrementally; a private fold appends in place at full speed.
 * @module
 */

const WIDTH = 32;

/** The list. Treat it as opaque; use the functions of this module. */
export interface ChunkedList<T> {
  length: number;
  /** Levels of inner nodes above the leaves (0: the root is a leaf). */
  depth: number;
  root: unknown[];
  /** Phantom, never set: ties the item type to the list so it survives `DeepReadonly`. */
  readonly __item?: T;
}

/** A read-only view of a {@link ChunkedList}. */
export interface ReadonlyChunkedList<T> {
  readonly length: number;
  readonly depth: number;
  readonly root: readonly unknown[];
  /** Phantom: ties the item type to the list. */
  readonly __item?: T;
}

/** An empty list. */
export const emptyChunkedList = <T>(): ChunkedList<T> => ({ length: 0, depth: 0, root: [] });

// WIDTH ** level, precomputed; division keeps indexes past 2³¹ correct (`& 31` keeps the low bits).
const SPANS = Array.from({ length: 11 }, (_, level) => WIDTH ** level);
const span = (level: number): number => SPANS[level] as number;

/** Appends `item`, mutating `list` (a draft or a private view). */
export const pushItem = <T>(list: ChunkedList<T>, item: T): void => {
  const index = list.length;
  if (index === span(list.depth + 1)) {
    list.root = [list.root];
    list.depth += 1;
  }
  let node = list.root;
  for (let level = list.depth; level > 0; level--) {
    const slot = (index / span(level)) & (WIDTH - 1);
    let child = node[slot] as unknown[] | undefined;
    if (child === undefined) {
      child = [];
      node[slot] = child;
    }
    node = child;
  }
  node[index & (WIDTH - 1)] = item;
  list.length = index + 1;
};

/** The item at `index` (0-based), or `undefined` when out of range. */
export const itemAt = <T>(list: ReadonlyChunkedList<T>, index: number): T | undefined => {
  if (index < 0 || index >= list.length) return undefined;
  let node = list.root;
  for (let level = list.depth; level > 0; level--) {
    node = node[(index / span(level)) & (WIDTH - 1)] as unknown[];
  }
  return node[index & (WIDTH - 1)] as T;
};

/** The last item, or `undefined` when empty. */
export const lastItem = <T>(list: ReadonlyChunkedList<T>): T | undefined => itemAt(list, list.length - 1);

/** Items from `from` (inclusive) to `to` (exclusive), in order. */
export function* listItems<T>(list: ReadonlyChunkedList<T>, from = 0, to = list.length): Generator<T> {
  const end = Math.min(to, list.length);
  for (let i = Math.max(0, from); i < end; i++) yield itemAt(list, i) as T;
}

/**
 * The first index whose item is not `before` (binary search over a list ordered so that
 * `before` holds for a prefix), or `length` when it holds for all.
 */
export const lowerBound = <T>(list: ReadonlyChunkedList<T>, before: (item: T) => boolean): number => {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(itemAt(list, mid) as T)) low = mid + 1;
    else high = mid;
  }
  return low;
};
