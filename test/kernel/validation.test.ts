import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { decodeWith, Id, Instant, intRange, LIMITS, strictType } from '../../src/kernel/index.js';

const Codec = strictType(
  { months: intRange(1, 12), items: t.array(t.type({ id: Id })), at: Instant },
  { note: t.string },
);

const refusal = (input: unknown) => {
  const result = decodeWith(Codec, input, 'data');
  if (!isLeft(result)) throw new Error('expected a refusal');
  return result.left;
};
const messages = (input: unknown) => refusal(input).issues.map((issue) => issue.message);
const paths = (input: unknown) => refusal(input).issues.map((issue) => issue.path);

const valid = { months: 1, items: [{ id: 'a' }], at: '2025-01-01T00:00:00Z' };

describe('validation errors', () => {
  it('name the failing path and value', () => {
    expect(messages({ ...valid, months: 13 })).toEqual([
      'data.months: expected an integer from 1 to 12, got 13',
    ]);
  });

  it('name array elements by index and nested fields by name', () => {
    expect(messages({ ...valid, items: [{ id: 'a' }, { id: '' }] })).toEqual([
      'data.items[1].id: expected an id of 1 to 64 printable characters, got ""',
    ]);
  });

  it('report an unknown field with its value, and a missing field and a bad instant at once', () => {
    expect(messages({ items: [], at: '2025-13-01T00:00:00Z', colour: 'red' })).toEqual([
      'data.colour: no such field, got "red"',
    ]);
    expect(messages({ items: [], at: 'yesterday' })).toEqual([
      'data.months: expected an integer from 1 to 12, got undefined',
      'data.at: expected an ISO-8601 instant with offset, got "yesterday"',
    ]);
  });

  it('name an unknown field whose name is empty, or not a plain word, in brackets', () => {
    expect(messages({ ...valid, '': 1 })).toEqual(['data[""]: no such field, got 1']);
    expect(paths({ ...valid, 'a b': 1, 'x.y': 2 })).toEqual(['data["a b"]', 'data["x.y"]']);
  });

  it('refuse instants without an offset, and ids that would change a prototype', () => {
    expect(Instant.is('2025-04-21T10:00:00')).toBe(false);
    expect(Instant.is('2025-04-21T10:00:00+03:00')).toBe(true);
    expect(Id.is('__proto__')).toBe(false);
  });

  it('show an excerpt of a huge value, never the value, in the message and in `actual`', () => {
    const huge = 'x'.repeat(20 * 1024 * 1024);
    const error = refusal({ ...valid, months: huge, items: [{ id: huge }] });
    expect(error.issues.map((i) => i.path)).toEqual(['data.months', 'data.items[0].id']);
    expect(error.issues[0]!.message).toBe(
      `data.months: expected an integer from 1 to 12, got "${'x'.repeat(40)}…" (20 971 520 characters)`,
    );
    for (const issue of error.issues) expect(String(issue.actual).length).toBeLessThanOrEqual(80);
    expect(JSON.stringify(error).length).toBeLessThan(1_000);
  });

  it('keep short values as they came in `actual`', () => {
    const error = refusal({ ...valid, months: 0, items: [{ id: 5 }], at: 'now' });
    expect(error.issues.map((i) => i.actual)).toEqual([0, 5, 'now']);
  });

  it('list the first issues and count the rest in one last issue', () => {
    const flood: Record<string, unknown> = { ...valid };
    for (let i = 0; i < 500; i++) flood[`extra${i}`] = i;
    const error = refusal(flood);
    expect(error.issues).toHaveLength(LIMITS.issues + 1);
    expect(error.issues[0]!.message).toBe('data.extra0: no such field, got 0');
    expect(error.issues[LIMITS.issues]!.message).toBe('data: 480 more issues not listed');
  });

  it('refuse an object of more than a thousand fields before looking at any of them', () => {
    const flood: Record<string, unknown> = { ...valid };
    for (let i = 0; i < 2_000; i++) flood[`extra${i}`] = i;
    expect(messages(flood)).toEqual(['data: expected an object of at most 1000 fields, got 2003 fields']);
  });
});

describe('hostile input', () => {
  const prototypeKeys = ['__proto__', 'constructor', 'prototype'];

  it('refuses an own prototype key anywhere, naming its path', () => {
    for (const key of prototypeKeys) {
      const input = JSON.parse(
        `{"months":1,"at":"2025-01-01T00:00:00Z","items":[{"id":"a","${key}":{"polluted":true}}]}`,
      );
      expect(messages(input)).toEqual([`data.items[0].${key}: no such field, got {"polluted":true}`]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a frozen input holding an own __proto__ key, without throwing', () => {
    const input = JSON.parse('{"months":1,"items":[],"at":"2025-01-01T00:00:00Z","__proto__":{"months":2}}');
    Object.freeze(Object.getOwnPropertyDescriptor(input, '__proto__')?.value);
    Object.freeze(input);
    expect(paths(input)).toEqual(['data.__proto__']);
  });

  it('refuses an array with an own constructor key, without throwing', () => {
    const items = [{ id: 'a' }];
    Object.defineProperty(items, 'constructor', { value: 5, enumerable: false });
    expect(paths({ ...valid, items })).toEqual(['data.items.constructor']);
  });

  it('turns a getter that throws into an issue at its path', () => {
    const item = {};
    Object.defineProperty(item, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(messages({ ...valid, items: [item] })).toEqual([
      'data.items[0].id: expected plain data that can be read, got a value that throws when read',
    ]);
  });

  it('turns a proxy that throws into an issue, and copies one that does not', () => {
    const throwing = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(paths({ ...valid, items: [throwing] })).toEqual(['data.items[0]']);
    let reads = 0;
    const counting = new Proxy(
      { id: 'a' },
      {
        get(target, key) {
          reads++;
          return Reflect.get(target, key);
        },
      },
    );
    const decoded = decodeWith(Codec, { ...valid, items: [counting] });
    expect(isRight(decoded) && decoded.right.items[0]).toEqual({ id: 'a' });
    // Read once, into the copy: the codec never sees the proxy, and the value cannot change under it.
    expect(reads).toBe(1);
    expect(isRight(decoded) && decoded.right.items[0] !== counting).toBe(true);
  });

  it('refuses class instances, functions, symbols, big integers and non-finite numbers', () => {
    for (const [value, expected] of [
      [new Date(0), 'a plain object'],
      [new Map(), 'a plain object'],
      [Object.create({ inherited: 1 }), 'a plain object'],
      [() => 1, 'plain data (JSON)'],
      [Symbol('s'), 'plain data (JSON)'],
      [10n, 'plain data (JSON)'],
      [Number.NaN, 'a finite number'],
      [Number.POSITIVE_INFINITY, 'a finite number'],
    ] as const) {
      const error = refusal({ ...valid, note: value });
      expect(error.issues.map((i) => [i.path, i.expected])).toEqual([['data.note', expected]]);
      expect(() => JSON.stringify(error)).not.toThrow();
    }
  });

  it('refuses NUL and unpaired surrogates in any text and any field name', () => {
    expect(paths({ ...valid, note: 'a\u0000b' })).toEqual(['data.note']);
    expect(paths({ ...valid, note: '\ud83d' })).toEqual(['data.note']);
    expect(paths({ ...valid, 'a\u0000': 1 })).toEqual(['data["a\\u0000"]']);
    expect(isRight(decodeWith(Codec, { ...valid, note: '😀 שלום e\u0301' }))).toBe(true);
  });

  it('refuses nesting deeper than the limit without exhausting the stack', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(refusal({ ...valid, note: deep }).issues).toHaveLength(1);
  });

  it('gives decoded values that inherit from nothing the caller made', () => {
    const input = Object.assign(Object.create(null), valid, {
      items: [Object.assign(Object.create(null), { id: 'a' })],
    });
    const decoded = decodeWith(Codec, input);
    if (!isRight(decoded)) throw new Error('expected a value');
    expect(Object.getPrototypeOf(decoded.right)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(decoded.right.items[0])).toBe(Object.prototype);
    expect(decoded.right).not.toBe(input);
  });
});
