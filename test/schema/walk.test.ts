import Ajv2020 from 'ajv/dist/2020.js';
import { isRight } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { intRange, strictType } from '../../src/kernel/codecs.js';
import { withJsonSchema } from '../../src/kernel/json-schema.js';
import { withRenamedFields } from '../../src/kernel/renamed-fields.js';
import { toJsonSchema } from '../../src/schema/walk.js';

const ajv = new Ajv2020({ strict: true });
/** What Ajv says of `value` under the schema of `codec`, beside what the codec says. */
const both = (codec: t.Decoder<unknown, unknown>, value: unknown) => [
  ajv.validate(toJsonSchema(codec), value),
  isRight(codec.decode(value)),
];

describe('Given io-ts codecs, the walker reads their structure', () => {
  it('objects: t.type is open, the library strict type is closed, t.partial fields are optional', () => {
    expect(toJsonSchema(t.type({ a: t.string }))).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
      additionalProperties: true,
    });
    const strict = strictType({ a: t.number }, { b: t.boolean });
    expect(toJsonSchema(strict)).toEqual({
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'boolean' } },
      required: ['a'],
      additionalProperties: false,
    });
    expect(both(strict, { a: 1, c: 2 })).toEqual([false, false]);
    expect(toJsonSchema(t.partial({ a: t.null }))).toEqual({
      type: 'object',
      properties: { a: { type: 'null' } },
      additionalProperties: true,
    });
  });

  it('an intersection of open objects is one object; a field that takes undefined is optional', () => {
    const codec = t.intersection([
      t.type({ a: t.string, b: t.union([t.string, t.undefined]) }),
      t.partial({ c: t.number }),
    ]);
    expect(toJsonSchema(codec)).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'number' } },
      required: ['a'],
      additionalProperties: true,
    });
  });

  it('unions, literals, keyof enums, arrays, tuples, records, readonly and exact wrappers', () => {
    expect(toJsonSchema(t.union([t.literal('a'), t.null]))).toEqual({
      anyOf: [{ const: 'a' }, { type: 'null' }],
    });
    expect(toJsonSchema(t.keyof({ x: null, y: null }))).toEqual({ enum: ['x', 'y'] });
    expect(toJsonSchema(t.readonlyArray(t.boolean))).toEqual({ type: 'array', items: { type: 'boolean' } });
    expect(toJsonSchema(t.tuple([t.string, t.number]))).toEqual({
      type: 'array',
      prefixItems: [{ type: 'string' }, { type: 'number' }],
      items: false,
      minItems: 2,
    });
    expect(toJsonSchema(t.record(t.string, t.number))).toEqual({
      type: 'object',
      additionalProperties: { type: 'number' },
      propertyNames: { type: 'string' },
    });
    expect(toJsonSchema(t.readonly(t.exact(t.type({ a: t.string }))))).toEqual(
      toJsonSchema(t.type({ a: t.string })),
    );
    expect(toJsonSchema(t.Int)).toEqual({ type: 'integer' });
  });

  it('a bounded integer says its bounds; Ajv and the codec agree at and past them', () => {
    const months = intRange(1, 12);
    expect(toJsonSchema(months)).toEqual({ type: 'integer', minimum: 1, maximum: 12 });
    for (const value of [0, 1, 12, 13, 1.5, '3']) {
      const [bySchema, byCodec] = both(months, value);
      expect(bySchema).toBe(byCodec);
    }
    expect(both(months, 12)).toEqual([true, true]);
  });

  it('a fragment adds to what the structure says, and a renamed field is refused like any unknown one', () => {
    const list = withJsonSchema(t.array(t.string), { minItems: 1 });
    expect(toJsonSchema(list)).toEqual({ type: 'array', items: { type: 'string' }, minItems: 1 });
    const renamed = withRenamedFields(strictType({ b: t.string }), { a: 'renamed to b' });
    expect(toJsonSchema(renamed)).toEqual(toJsonSchema(strictType({ b: t.string })));
    expect(ajv.validate(toJsonSchema(renamed), { a: 'x' })).toBe(false);
  });
});

describe('Given a codec whose rule is a function and that registered no fragment', () => {
  it('the walker refuses it, naming it, rather than describing it as anything', () => {
    const opaque = new t.Type<string, string, unknown>(
      'a secret rule',
      t.string.is,
      t.string.validate,
      t.identity,
    );
    expect(() => toJsonSchema(t.type({ field: opaque }))).toThrow(
      'no JSON Schema for the codec "a secret rule"',
    );
    const refined = t.refinement(t.string, (s) => s.length > 2, 'LongString');
    expect(() => toJsonSchema(refined)).toThrow('"LongString"');
    expect(toJsonSchema(withJsonSchema(refined, { minLength: 3 }))).toEqual({ type: 'string', minLength: 3 });
  });
});
