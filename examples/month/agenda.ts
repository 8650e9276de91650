/**
 * The demo's agenda: what happens next, in time order (a binary min-heap keyed by instant, then
 * by insertion order, so two things at the same second keep the order they were planned in).
 * @module
 */

interface Entry<T> {
  readonly atMs: number;
  readonly seq: number;
  readonly item: T;
}

/** Things planned at instants, taken out earliest first. */
export interface Agenda<T> {
  plan(atMs: number, item: T): void;
  /** The earliest planned thing, or `undefined` when nothing is left. */
  take(): { readonly atMs: number; readonly item: T } | undefined;
  readonly size: () => number;
}

const before = <T>(a: Entry<T>, b: Entry<T>): boolean =>
  a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);

/** An empty {@link Agenda}. */
export const createAgenda = <T>(): Agenda<T> => {
  const heap: Entry<T>[] = [];
  let seq = 0;
  const swap = (i: number, j: number) => {
    const x = heap[i] as Entry<T>;
    heap[i] = heap[j] as Entry<T>;
    heap[j] = x;
  };
  return {
    plan(atMs, item) {
      heap.push({ atMs, seq: seq++, item });
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[i] as Entry<T>, heap[parent] as Entry<T>)) break;
        swap(i, parent);
        i = parent;
      }
    },
    take() {
      const top = heap[0];
      if (top === undefined) return undefined;
      const last = heap.pop() as Entry<T>;
      if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < heap.length && before(heap[l] as Entry<T>, heap[m] as Entry<T>)) m = l;
          if (r < heap.length && before(heap[r] as Entry<T>, heap[m] as Entry<T>)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
      return { atMs: top.atMs, item: top.item };
    },
    size: () => heap.length,
  };
};
