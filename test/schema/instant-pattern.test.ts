import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs } from '../../src/kernel/codecs.js';
import { INSTANT_PATTERN } from '../../src/kernel/instant-pattern.js';

const pattern = new RegExp(INSTANT_PATTERN, 'u');
const admitted = (s: string) => !Number.isNaN(instantMs(s));

/** Texts of the instant's shape with every field drawn past its range. */
const shaped = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.option(fc.tuple(fc.integer({ min: 0, max: 61 }), fc.option(fc.stringMatching(/^\d{1,10}$/)))),
    fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 60 })),
    ),
  )
  .map(([year, month, day, hour, minute, seconds, offset]) => {
    const two = (n: number) => String(n).padStart(2, '0');
    const secs = seconds === null ? '' : `:${two(seconds[0])}${seconds[1] === null ? '' : `.${seconds[1]}`}`;
    const zone = offset === 'Z' ? 'Z' : `${offset[0]}${two(offset[1])}:${two(offset[2])}`;
    return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}${secs}${zone}`;
  });

describe('Given the instant pattern of the schemas', () => {
  it('admits exactly the instants the codec’s parser admits', () => {
    fc.assert(
      fc.property(fc.oneof(shaped, fc.string({ maxLength: 40 })), (text) => {
        expect(pattern.test(text)).toBe(admitted(text));
      }),
      { numRuns: 50_000, seed: 21 },
    );
  });

  it('knows leap days: 2024 and 2000 have 29 February, 2025 and 1900 do not', () => {
    for (const [text, ok] of [
      ['2024-02-29T12:00Z', true],
      ['2000-02-29T12:00:00+03:00', true],
      ['0000-02-29T00:00Z', true],
      ['2025-02-29T12:00Z', false],
      ['1900-02-29T12:00Z', false],
      ['2025-04-31T12:00Z', false],
      ['2025-04-30T24:00Z', false],
      ['2025-04-30T23:59:60Z', false],
      ['2025-04-30T23:59:59.123456789+18:00', true],
      ['2025-04-30T23:59:59.1234567890Z', false],
      ['2025-04-30T23:59+18:01', false],
    ] as const) {
      expect([text, pattern.test(text)]).toEqual([text, ok]);
      expect([text, admitted(text)]).toEqual([text, ok]);
    }
  });
});
