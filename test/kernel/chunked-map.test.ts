import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chunkedEntries,
  deleteEntry,
  emptyChunkedMap,
  getEntry,
  hasEntry,
  setEntry,
} from '../../src/kernel/index.js';

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

  it('survives a JSON round trip (it is plain data)', () => {
    const map = emptyChunkedMap<{ n: number }>();
    for (let i = 0; i < 500; i++) setEntry(map, `k${i}`, { n: i });
    const copy = JSON.parse(JSON.stringify(map)) as typeof map;
    expect(getEntry(copy, 'k499')).toEqual({ n: 499 });
    expect(copy.size).toBe(500);
  });
});
