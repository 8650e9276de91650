import fc from 'fast-check';
import { isDraftable, produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { jsonCopy } from '../../src/kernel/json-copy.js';

/** What a JSON round trip gives, or the class of error it throws. */
const viaText = (value: unknown): unknown => {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : JSON.parse(text);
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
};

const viaCopy = (value: unknown, freeze: boolean): unknown => {
  try {
    return jsonCopy(value, freeze);
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
};

const deeplyFrozen = (value: unknown): boolean =>
  typeof value !== 'object' ||
  value === null ||
  (Object.isFrozen(value) && Object.values(value).every(deeplyFrozen));

describe('jsonCopy', () => {
  it('gives what a JSON round trip gives, for any value', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          withUnicodeString: true,
        }),
        (value) => {
          const expected = viaText(value);
          expect(viaCopy(value, false)).toStrictEqual(expected);
          const frozen = viaCopy(value, true);
          expect(frozen).toStrictEqual(expected);
          if (!(typeof expected === 'object' && expected !== null && 'threw' in expected))
            expect(deeplyFrozen(frozen)).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('follows JSON at its edges: toJSON, -0, non-finite numbers, __proto__ keys, dropped fields, cycles, BigInt', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    const edges: unknown[] = [
      { at: new Date(Date.UTC(2025, 3, 21)), bad: new Date(Number.NaN) },
      { zero: -0, inf: Number.POSITIVE_INFINITY, nan: Number.NaN, list: [-0, Number.NEGATIVE_INFINITY] },
      JSON.parse('{"__proto__":{"polluted":true},"x":1}'),
      { f: () => 1, s: Symbol('s'), u: undefined, list: [() => 1, Symbol('t'), undefined] },
      {
        withToJSON: { toJSON: (key: string) => `key ${key}` },
        fn: Object.assign(() => 1, { toJSON: () => 'fn' }),
      },
      [new Number(1), new String('s'), new Boolean(false)],
      cyclic,
      { big: 1n },
      { nested: { big: Object(2n) } },
      '\ud800 lone surrogate',
    ];
    for (const value of edges) expect(viaCopy(value, true)).toStrictEqual(viaText(value));
    const proto = jsonCopy(JSON.parse('{"__proto__":{"polluted":true}}'), true) as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('makes plain objects of any size, as JSON.parse does: Object their prototype and constructor, draftable', () => {
    for (let n = 0; n <= 14; n++) {
      const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [`field${i}`, i]));
      const copy = jsonCopy({ record: input }, false) as { record: Record<string, number> };
      expect(Object.getPrototypeOf(copy.record)).toBe(Object.prototype);
      expect(copy.record.constructor).toBe(Object);
      expect(Object.keys(copy.record)).toEqual(Object.keys(input));
      expect(isDraftable(copy.record)).toBe(true);
      const changed = produce(copy, (draft) => {
        draft.record.extra = n;
      });
      expect(changed.record).toStrictEqual({ ...input, extra: n });
      expect(copy.record).toStrictEqual(input);
    }
  });

  it('shares no object with its input', () => {
    const input = { data: { list: [{ n: 1 }] } };
    const copy = jsonCopy(input, false) as typeof input;
    copy.data.list[0]!.n = 2;
    copy.data.list.push({ n: 3 });
    expect(input).toEqual({ data: { list: [{ n: 1 }] } });
  });
});
