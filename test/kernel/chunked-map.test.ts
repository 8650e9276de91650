import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  type ChunkedMap,
  chunkedEntries,
  deepFreeze,
  deleteEntry,
  emptyChunkedMap,
  getEntry,
  hasEntry,
  keyHash,
  setEntry,
  swapHashed,
} from '../../src/kernel/index.js';

/** A map as states kept before flat buckets hold it: each bucket an object keyed by key. */
const formerLayout = <V>(entries: readonly (readonly [string, V])[]): ChunkedMap<V> => {
  const buckets: Array<Array<Record<string, V> | null> | null> = new Array(64).fill(null);
  for (const [key, value] of entries) {
    const h = keyHash(key);
    const level = buckets[h & 63] ?? new Array(64).fill(null);
    buckets[h & 63] = level;
    const bucket = level[(h >>> 6) & 63] ?? {};
    level[(h >>> 6) & 63] = bucket;
    bucket[key] = value;
  }
  // Through JSON, as a snapshot store keeps it: buckets inherit Object.prototype.
  return JSON.parse(JSON.stringify({ size: entries.length, buckets })) as ChunkedMap<V>;
};

const ops = fc.array(
  fc.oneof(
    fc.tuple(fc.constant('set' as const), fc.string({ maxLength: 6 }), fc.integer()),
    fc.tuple(fc.constant('delete' as const), fc.string({ maxLength: 6 }), fc.constant(0)),
  ),
  { maxLength: 200 },
);

describe('ChunkedMap', () => {
  it('behaves like a Map for any sequence of sets and deletes', () => {
    const op = fc.oneof(
      fc.tuple(fc.constant('set' as const), fc.string({ maxLength: 6 }), fc.integer()),
      fc.tuple(fc.constant('delete' as const), fc.string({ maxLength: 6 }), fc.constant(0)),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const map = emptyChunkedMap<number>();
        const reference = new Map<string, number>();
        for (const [kind, key, value] of ops) {
          if (kind === 'set') {
            setEntry(map, key, value);
            reference.set(key, value);
          } else {
            expect(deleteEntry(map, key)).toBe(reference.delete(key));
          }
        }
        expect(map.size).toBe(reference.size);
        for (const [key, value] of reference) {
          expect(getEntry(map, key)).toBe(value);
          expect(hasEntry(map, key)).toBe(true);
        }
        expect(new Map(chunkedEntries(map))).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('swaps a value in and hands back the one it replaced, like a Map read then set', () => {
    fc.assert(
      fc.property(ops, (sequence) => {
        const map = emptyChunkedMap<number>();
        const reference = new Map<string, number>();
        for (const [kind, key, value] of sequence) {
          if (kind === 'set') {
            expect(swapHashed(map, keyHash(key), key, value)).toBe(reference.get(key));
            reference.set(key, value);
          } else expect(deleteEntry(map, key)).toBe(reference.delete(key));
        }
        expect(map.size).toBe(reference.size);
        expect(new Map(chunkedEntries(map))).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('swapped through immer, changes the new map only', () => {
    const before = emptyChunkedMap<{ n: number }>();
    setEntry(before, 'a', { n: 1 });
    deepFreeze(before);
    let replaced: number | undefined;
    const after = produce(before, (draft) => {
      // What it hands back is the draft's: read it inside the recipe.
      replaced = swapHashed(draft, keyHash('a'), 'a', { n: 2 })?.n;
      expect(swapHashed(draft, keyHash('b'), 'b', { n: 3 })).toBeUndefined();
    });
    expect(replaced).toBe(1);
    expect(getEntry(before, 'a')).toEqual({ n: 1 });
    expect(hasEntry(before, 'b')).toBe(false);
    expect(getEntry(after, 'a')).toEqual({ n: 2 });
    expect(after.size).toBe(2);
  });

  it('keeps keys that look like object internals as plain entries', () => {
    const map = emptyChunkedMap<number>();
    setEntry(map, 'constructor', 1);
    setEntry(map, 'toString', 2);
    setEntry(map, 'hasOwnProperty', 3);
    expect(getEntry(map, 'constructor')).toBe(1);
    expect(getEntry(map, 'valueOf')).toBeUndefined();
    expect(hasEntry(map, 'isPrototypeOf')).toBe(false);
    expect(map.size).toBe(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads and changes a map of the former layout (an older snapshot) like a Map', () => {
    const seed = fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 60 });
    fc.assert(
      fc.property(seed, ops, (initial, changes) => {
        const reference = new Map(initial);
        const map = formerLayout([...reference]);
        expect(getEntry(map, 'constructor')).toBe(reference.get('constructor'));
        for (const [kind, key, value] of changes) {
          if (kind === 'set') {
            setEntry(map, key, value);
            reference.set(key, value);
          } else expect(deleteEntry(map, key)).toBe(reference.delete(key));
          expect(getEntry(map, key)).toBe(reference.get(key));
        }
        expect(map.size).toBe(reference.size);
        for (const [key, value] of reference) expect(getEntry(map, key)).toBe(value);
        expect(new Map(chunkedEntries(map))).toEqual(reference);
      }),
      { numRuns: 200 },
    );
  });

  it('changed through immer, ends as the same map as changed in place, and the old one stays', () => {
    fc.assert(
      fc.property(ops, ops, (first, then) => {
        const apply = (map: ChunkedMap<number>, changes: typeof first) => {
          for (const [kind, key, value] of changes) {
            if (kind === 'set') setEntry(map, key, value);
            else deleteEntry(map, key);
          }
        };
        const base = emptyChunkedMap<number>();
        apply(base, first);
        const before = structuredClone(base);
        const drafted = produce(deepFreeze(base), (draft) => apply(draft as ChunkedMap<number>, then));
        const inPlace = structuredClone(before);
        apply(inPlace, then);
        expect(base).toEqual(before);
        expect(new Map(chunkedEntries(drafted))).toEqual(new Map(chunkedEntries(inPlace)));
        expect(drafted.size).toBe(inPlace.size);
      }),
      { numRuns: 200 },
    );
  });

  it('read through an immer draft, sees every change made in the draft and hands out drafts', () => {
    fc.assert(
      fc.property(ops, ops, (first, then) => {
        const base = emptyChunkedMap<{ n: number }>();
        const reference = new Map<string, number>();
        for (const [kind, key, value] of first) {
          if (kind === 'set') {
            setEntry(base, key, { n: value });
            reference.set(key, value);
          } else {
            deleteEntry(base, key);
            reference.delete(key);
          }
        }
        const before = structuredClone(base);
        const after = new Map(reference);
        const next = produce(deepFreeze(base), (draft) => {
          const map = draft as ChunkedMap<{ n: number }>;
          for (const [kind, key, value] of then) {
            expect(hasEntry(map, key)).toBe(after.has(key));
            expect(getEntry(map, key)?.n).toBe(after.get(key));
            const found = getEntry(map, key);
            if (found !== undefined && kind === 'set') {
              // Changing what a lookup hands out changes the draft only.
              found.n = value;
              after.set(key, value);
            } else if (kind === 'set') {
              setEntry(map, key, { n: value });
              after.set(key, value);
            } else {
              expect(deleteEntry(map, key)).toBe(after.delete(key));
            }
          }
        });
        expect(base).toEqual(before);
        expect(new Map([...chunkedEntries(next)].map(([k, v]) => [k, v.n]))).toEqual(after);
        expect(next.size).toBe(after.size);
      }),
      { numRuns: 200 },
    );
  });

  it('survives a JSON round trip (it is plain data)', () => {
    const map = emptyChunkedMap<{ n: number }>();
    for (let i = 0; i < 500; i++) setEntry(map, `k${i}`, { n: i });
    const copy = JSON.parse(JSON.stringify(map)) as typeof map;
    expect(getEntry(copy, 'k499')).toEqual({ n: 499 });
    expect(getEntry(copy, 'constructor')).toBeUndefined();
    expect(copy.size).toBe(500);
    expect(deleteEntry(copy, 'k7')).toBe(true);
    expect(hasEntry(copy, 'k7')).toBe(false);
    expect(copy.size).toBe(499);
  });
});
