/**
 * The compact snapshot text gives back exactly what plain JSON would: for any JSON value, texts
 * that start with or hold its marks, arrays of short texts and empty ones; and plain JSON text
 * (a snapshot kept before) still reads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packSnapshotText, parseSnapshotText } from '../../src/postgres/snapshot-text.js';
import { fuzzParameters } from '../fuzz/support/outcome.js';

const roundTrip = (value: unknown) => {
  const packed = packSnapshotText(value);
  expect(packed).toBeDefined();
  expect(parseSnapshotText(packed!)).toStrictEqual(JSON.parse(JSON.stringify(value)));
  return packed!;
};

/** Texts that are short, long, empty, or hold the marks the form uses. */
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    '\u007f',
    ',',
    '\u007f\u007f',
    'a,b',
    '\u007fx',
    'call-12345',
    'a-rather-long-identifier',
  ),
  fc.string({ unit: 'binary', maxLength: 14 }),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(text, { maxLength: 6 }),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(text, tie('node'), { maxKeys: 4 }),
  ),
})).node;

describe('compact snapshot text', () => {
  it('decodes to the value plain JSON gives, for any JSON value', () => {
    fc.assert(
      fc.property(value, (v) => void roundTrip(v)),
      fuzzParameters(3_000),
    );
  });

  it('joins arrays of short texts into one text, and keeps everything else as JSON', () => {
    const state = {
      ids: ['call-1', 'call-22'],
      long: ['a-rather-long-identifier'],
      mixed: ['a', 1],
      none: [],
      mark: '\u007fx',
      one: [''],
    };
    const packed = roundTrip(state);
    expect(packed.startsWith('\u007f{')).toBe(true);
    expect(packed).toContain('"ids":"\u007fcall-1,call-22"');
    expect(packed).toContain('"long":["a-rather-long-identifier"]');
    expect(packed).toContain('"mixed":["a",1]');
    expect(packed).toContain('"mark":"\u007f\u007fx"');
    expect(roundTrip([['\u007fa', 'b']])).toContain('["\u007f\u007fa","b"]');
    expect(roundTrip({ commas: ['a,b', 'c'] })).toContain('"commas":["a,b","c"]');
    expect(roundTrip({ at: new Date(0), gone: undefined })).toBe('\u007f{"at":"1970-01-01T00:00:00.000Z"}');
  });

  it('reads plain JSON as JSON, and fails on torn text as JSON.parse does', () => {
    expect(parseSnapshotText('{"ids":["\u007fa"]}')).toEqual({ ids: ['\u007fa'] });
    expect(() => parseSnapshotText('\u007f{"ids": ')).toThrow(SyntaxError);
    expect(packSnapshotText(undefined)).toBeUndefined();
  });
});
