/**
 * The compiled check of a codec: `true` exactly when the full decode of a parsed value succeeds
 * and gives the value back unchanged, for each kind of codec it knows; never `true` for a codec
 * it does not know.
 */
import { isDeepStrictEqual } from 'node:util';
import { isRight } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { Id, Instant, NonNegativeInt, strictType } from '../../src/kernel/codecs.js';
import { exactCheckOf } from '../../src/kernel/exact-check.js';
import { decodeWith } from '../../src/kernel/validation.js';
import { PhoneNumber } from '../../src/numbers/phone-number.js';

/** Checks the compiled answer against the full decode for each JSON text; returns the answers. */
const answers = (codec: t.Mixed, texts: readonly string[]): boolean[] =>
  texts.map((text) => {
    const fast = exactCheckOf(codec)(JSON.parse(text), 0);
    const full = decodeWith(codec, JSON.parse(text));
    const unchanged = isRight(full) && isDeepStrictEqual(full.right, JSON.parse(text));
    expect(fast, text).toBe(unchanged);
    return fast;
  });

describe('exactCheckOf', () => {
  it('objects keep extra plain fields; strict ones refuse them; optional fields may be absent', () => {
    const loose = t.type({ id: Id, n: NonNegativeInt });
    expect(
      answers(loose, [
        '{"id":"a","n":1}',
        '{"n":1,"id":"a","x":[1,{"y":null}]}',
        '{"id":"a"}',
        '{"id":"a","n":-1}',
        '[]',
        'null',
      ]),
    ).toEqual([true, true, false, false, false, false]);
    const strict = strictType({ id: Id }, { at: Instant });
    expect(
      answers(strict, [
        '{"id":"a"}',
        '{"id":"a","at":"2025-05-01T10:00:00Z"}',
        '{"id":"a","x":1}',
        '{"id":"a","at":"yesterday"}',
      ]),
    ).toEqual([true, true, false, false]);
    const partial = t.partial({ n: NonNegativeInt });
    expect(answers(partial, ['{}', '{"n":2}', '{"n":"2"}', '{"m":"\\u0000"}'])).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const exact = t.exact(t.type({ n: NonNegativeInt }));
    expect(answers(exact, ['{"n":2}', '{"n":2,"m":3}'])).toEqual([true, false]);
    const both = t.intersection([t.type({ id: Id }), t.partial({ n: NonNegativeInt })]);
    expect(answers(both, ['{"id":"a","n":1}', '{"id":"a","n":1.5}'])).toEqual([true, false]);
  });

  it('a union member that would normalise first wins: the value is then not taken as it is', () => {
    const numberOrText = t.union([PhoneNumber, t.string]);
    expect(answers(numberOrText, ['"+79123456789"', '"8 (912) 345-67-89"', '"hello"', '1'])).toEqual([
      true,
      false,
      true,
      false,
    ]);
    const tagged = t.union([
      t.type({ kind: t.literal('a'), n: NonNegativeInt }),
      t.type({ kind: t.literal('b'), s: t.string }),
    ]);
    expect(answers(tagged, ['{"kind":"b","s":"x"}', '{"kind":"a","n":0}', '{"kind":"c"}'])).toEqual([
      true,
      true,
      false,
    ]);
    expect(answers(t.union([Id, t.null]), ['null', '"x"', '""'])).toEqual([true, true, false]);
  });

  it('arrays, refinements, keyof, literals and the limits of plain data', () => {
    const list = t.array(t.keyof({ a: null, b: null }));
    expect(answers(list, ['["a","b"]', '["a","c"]', '{}'])).toEqual([true, false, false]);
    const even = t.refinement(t.number, (n) => n % 2 === 0, 'even');
    expect(answers(even, ['2', '3', '-0'])).toEqual([true, false, false]);
    const deep = `${'['.repeat(40)}${']'.repeat(40)}`;
    expect(answers(t.unknown, ['{"a":[1,"b",null,true]}', deep, '{"__proto__":1}', '"\\udc00"'])).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('never takes as it is a value of a codec class it does not know', () => {
    class Wrapped extends t.Type<string, string, unknown> {
      constructor() {
        super(
          'wrapped',
          (u): u is string => typeof u === 'string',
          (u, c) => (typeof u === 'string' ? t.success(u.trim()) : t.failure(u, c)),
          t.identity,
        );
      }
    }
    expect(exactCheckOf(new Wrapped())('x', 0)).toBe(false);
  });
});
