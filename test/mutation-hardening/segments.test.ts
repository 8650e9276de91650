/**
 * SMS segment counting at its boundaries, against a reference written here from SPEC section 4:
 * greedy packing of whole characters (a surrogate pair or an extension character never split),
 * 160 / 153 septets and 70 / 67 code units. Every surrogate boundary (U+D800, U+DBFF, U+DC00,
 * U+DFFF) and every length from 1 to 480 of several alphabets.
 */
import { describe, expect, it } from 'vitest';
import { GSM_DEFAULT_CHARACTERS, GSM_EXTENSION_CHARACTERS } from '../../src/sms/gsm-alphabet.js';
import { countCodePoints, countSmsSegments } from '../../src/sms/segments.js';

const septetsOf = new Map<string, number>();
for (const c of GSM_DEFAULT_CHARACTERS) septetsOf.set(c, 1);
for (const c of GSM_EXTENSION_CHARACTERS) septetsOf.set(c, 2);

/** Characters as SPEC counts them: code points, a lone surrogate being one. */
const characters = (text: string): string[] => [...text];

const pack = (sizes: number[], single: number, part: number): number => {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= single) return 1;
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      parts++;
      used = size;
    } else used += size;
  }
  return parts;
};

const reference = (text: string) => {
  const chars = characters(text);
  if (chars.length === 0) return { encoding: 'GSM-7', segments: 0, characters: 0 };
  if (chars.every((c) => septetsOf.has(c)))
    return {
      encoding: 'GSM-7',
      segments: pack(
        chars.map((c) => septetsOf.get(c) ?? 0),
        160,
        153,
      ),
      characters: chars.length,
    };
  return {
    encoding: 'UCS-2',
    segments: pack(
      chars.map((c) => c.length),
      70,
      67,
    ),
    characters: chars.length,
  };
};

const alphabets = ['a', '€', 'я', '😀', 'a€', 'я😀', '😀я', 'ab€', '{a', '\ud83d', '\ude00a'];

describe('countSmsSegments at its boundaries', () => {
  it('agrees with the reference for every length up to 480 of mixed alphabets', () => {
    for (const unit of alphabets) {
      for (let n = 1; n * unit.length <= 480; n++) {
        const text = unit.repeat(n);
        expect(countSmsSegments(text), `${JSON.stringify(unit)} × ${n}`).toEqual(reference(text));
      }
    }
  });

  it('pairs exactly the surrogates D800–DBFF followed by DC00–DFFF', () => {
    const pairs = ['\ud800\udc00', '\udbff\udfff', '\ud800\udfff', '\udbff\udc00'];
    for (const pair of pairs) {
      expect(countSmsSegments(pair)).toEqual({ encoding: 'UCS-2', segments: 1, characters: 1 });
      expect(countCodePoints(pair)).toBe(1);
      // 35 pairs are 70 code units: one SMS; a 36th makes two parts of at most 33 pairs.
      expect(countSmsSegments(pair.repeat(35)).segments).toBe(1);
      expect(countSmsSegments(pair.repeat(36)).segments).toBe(2);
      expect(countSmsSegments(`a${pair.repeat(34)}`).segments).toBe(1);
    }
    const notPairs = [
      '\ud7ff\udc00',
      '\ue000\udc00',
      '\ud800\udbff',
      '\ud800\ue000',
      '\udc00\ud800',
      'a\udc00',
      '\ud800a',
    ];
    for (const text of notPairs) {
      expect(countSmsSegments(text).characters, JSON.stringify(text)).toBe(2);
      expect(countCodePoints(text)).toBe(2);
    }
    expect(countCodePoints('\ud800')).toBe(1);
    expect(countCodePoints('x\ud800')).toBe(2);
    expect(countSmsSegments('x\ud800').characters).toBe(2);
  });

  it('never splits a pair: 66 code units a part when a pair would straddle', () => {
    // 66 letters then pairs: the first pair does not fit the 67th unit, so it starts part 2.
    const text = 'я'.repeat(66) + '😀'.repeat(3);
    expect(countSmsSegments(text)).toEqual({ encoding: 'UCS-2', segments: 2, characters: 69 });
    expect(countSmsSegments('я'.repeat(67) + '😀'.repeat(34)).segments).toBe(3);
    expect(countSmsSegments('я'.repeat(65) + '😀'.repeat(1)).segments).toBe(1);
  });

  it('takes U+20AC (€) as an extension character and U+20AD as UCS-2', () => {
    expect(countSmsSegments('€')).toEqual({ encoding: 'GSM-7', segments: 1, characters: 1 });
    expect(countSmsSegments('\u20ad')).toEqual({ encoding: 'UCS-2', segments: 1, characters: 1 });
    expect(countSmsSegments(`${'a'.repeat(159)}€`).segments).toBe(2);
    expect(countSmsSegments(`${'a'.repeat(158)}€`).segments).toBe(1);
  });
});
