import { isLeft } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { decodeWith, Id, Instant, intRange, strictType } from '../../src/kernel/index.js';

const Codec = strictType(
  { months: intRange(1, 12), items: t.array(t.type({ id: Id })), at: Instant },
  { note: t.string },
);

const messages = (input: unknown) => {
  const result = decodeWith(Codec, input, 'data');
  return isLeft(result) ? result.left.issues.map((issue) => issue.message) : [];
};

describe('validation errors', () => {
  it('name the failing path and value', () => {
    expect(messages({ months: 13, items: [], at: '2025-01-01T00:00:00Z' })).toEqual([
      'data.months: expected an integer from 1 to 12, got 13',
    ]);
  });

  it('name array elements by index and nested fields by name', () => {
    expect(messages({ months: 1, items: [{ id: 'a' }, { id: '' }], at: '2025-01-01T00:00:00Z' })).toEqual([
      'data.items[1].id: expected an id (1 to 200 printable characters), got ""',
    ]);
  });

  it('report a missing field, an unknown field and a bad instant, all at once', () => {
    expect(messages({ items: [], at: '2025-13-01T00:00:00Z', colour: 'red' })).toEqual([
      'data.colour: no such field, got "red"',
    ]);
    expect(messages({ items: [], at: 'yesterday' })).toEqual([
      'data.months: expected an integer from 1 to 12, got undefined',
      'data.at: expected an ISO-8601 instant with offset, got "yesterday"',
    ]);
  });

  it('refuse instants without an offset, and ids that would change a prototype', () => {
    expect(Instant.is('2025-04-21T10:00:00')).toBe(false);
    expect(Instant.is('2025-04-21T10:00:00+03:00')).toBe(true);
    expect(Id.is('__proto__')).toBe(false);
  });

  it('shorten huge values in messages', () => {
    const [message] = messages({ months: 'x'.repeat(10_000), items: [], at: '2025-01-01T00:00:00Z' });
    expect(message!.length).toBeLessThan(160);
  });
});
