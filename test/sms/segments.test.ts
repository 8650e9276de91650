import { describe, expect, it } from 'vitest';
import { GSM_DEFAULT_CHARACTERS, GSM_EXTENSION_CHARACTERS } from '../../src/sms/gsm-alphabet.js';
import { countCodePoints, countSmsSegments } from '../../src/sms/segments.js';

const a = (n: number) => 'a'.repeat(n);
const ya = (n: number) => 'я'.repeat(n);

describe('countSmsSegments: the seed texts', () => {
  it('counts the source screen texts: 38 characters, 1 SMS; the 65 of the first screen is its text without the typo', () => {
    expect(countSmsSegments('Здравствуйтесь, спасибо за ваш звонок.')).toEqual({
      encoding: 'UCS-2',
      segments: 1,
      characters: 38,
    });
    // The screen shows «65 символов» under a text of 67 code points: «Здравствуйтесь» has two
    // letters more than «Здравствуйте». The counts agree with the second screen's 38 (typo included).
    expect(countSmsSegments('Здравствуйтесь, спасибо за ваш звонок. Наш оператор перезвонит вам.')).toEqual({
      encoding: 'UCS-2',
      segments: 1,
      characters: 67,
    });
    expect(countSmsSegments('Здравствуйте, спасибо за ваш звонок. Наш оператор перезвонит вам.')).toEqual({
      encoding: 'UCS-2',
      segments: 1,
      characters: 65,
    });
  });

  it('210 Cyrillic characters take 4 SMS (67 per part), not 3', () => {
    expect(countSmsSegments(ya(210))).toEqual({ encoding: 'UCS-2', segments: 4, characters: 210 });
  });

  it('the empty text takes 0 SMS in GSM-7', () => {
    expect(countSmsSegments('')).toEqual({ encoding: 'GSM-7', segments: 0, characters: 0 });
  });
});

describe('countSmsSegments: GSM-7 boundaries', () => {
  it.each([
    [1, 1],
    [153, 1],
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
    [459, 3],
    [460, 4],
  ])('%i septets take %i SMS', (length, segments) => {
    expect(countSmsSegments(a(length))).toEqual({ encoding: 'GSM-7', segments, characters: length });
  });

  it('an extension character takes 2 septets', () => {
    expect(countSmsSegments(`${a(158)}€`)).toEqual({ encoding: 'GSM-7', segments: 1, characters: 159 });
    expect(countSmsSegments(`${a(159)}€`)).toEqual({ encoding: 'GSM-7', segments: 2, characters: 160 });
    expect(countSmsSegments(`${a(80)}${'{'.repeat(40)}`).segments).toBe(1);
    expect(countSmsSegments(`${a(81)}${'{'.repeat(40)}`).segments).toBe(2);
  });

  it('an extension character on a part boundary moves whole to the next part', () => {
    // 306 septets would fit 2 parts of 153, but the euro sign at septets 153–154 may not be split.
    expect(countSmsSegments(`${a(152)}€${a(152)}`)).toEqual({
      encoding: 'GSM-7',
      segments: 3,
      characters: 305,
    });
    // Not on the boundary: 2 parts.
    expect(countSmsSegments(`${a(151)}€${a(153)}`).segments).toBe(2);
    expect(countSmsSegments(`${a(153)}€${a(151)}`).segments).toBe(2);
  });

  it('knows the whole default alphabet and extension table, and nothing else', () => {
    expect(countSmsSegments(GSM_DEFAULT_CHARACTERS)).toEqual({
      encoding: 'GSM-7',
      segments: 1,
      characters: GSM_DEFAULT_CHARACTERS.length,
    });
    const extension = countSmsSegments(GSM_EXTENSION_CHARACTERS);
    expect(extension.encoding).toBe('GSM-7');
    expect(GSM_EXTENSION_CHARACTERS).toHaveLength(10);
    expect(countSmsSegments(`${a(140)}${GSM_EXTENSION_CHARACTERS}`).segments).toBe(1);
    expect(countSmsSegments(`${a(141)}${GSM_EXTENSION_CHARACTERS}`).segments).toBe(2);
    // Greek capital alpha looks like Latin A but is not in the alphabet; of the c-cedillas only Ç is.
    for (const outside of ['`', 'ç', 'á', '\u0391', '\t', '\u00a0', 'я', '✓']) {
      expect(countSmsSegments(`abc${outside}`).encoding, JSON.stringify(outside)).toBe('UCS-2');
    }
    for (const inside of ['@', '£', '¥', 'Δ', 'Ç', 'ß', '¿', '§', '\n', '\r', '_']) {
      expect(countSmsSegments(`abc${inside}`).encoding, JSON.stringify(inside)).toBe('GSM-7');
    }
  });
});

describe('countSmsSegments: UCS-2 boundaries', () => {
  it.each([
    [1, 1],
    [67, 1],
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
    [201, 3],
    [202, 4],
  ])('%i Cyrillic characters take %i SMS', (length, segments) => {
    expect(countSmsSegments(ya(length))).toEqual({ encoding: 'UCS-2', segments, characters: length });
  });

  it('one non-GSM character switches the whole text to UCS-2', () => {
    expect(countSmsSegments(`${a(100)}я`)).toEqual({ encoding: 'UCS-2', segments: 2, characters: 101 });
  });

  it('an emoji takes 2 code units and counts as one character', () => {
    expect(countSmsSegments(`${ya(68)}😀`)).toEqual({ encoding: 'UCS-2', segments: 1, characters: 69 });
    expect(countSmsSegments(`${ya(69)}😀`)).toEqual({ encoding: 'UCS-2', segments: 2, characters: 70 });
  });

  it('an emoji on a part boundary is never split', () => {
    // 134 code units would fit 2 parts of 67, but the pair at units 67–68 moves whole.
    expect(countSmsSegments(`${ya(66)}😀${ya(66)}`)).toEqual({
      encoding: 'UCS-2',
      segments: 3,
      characters: 133,
    });
    expect(countSmsSegments(`${ya(65)}😀${ya(67)}`).segments).toBe(2);
    expect(countSmsSegments('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', segments: 1, characters: 35 });
    // 36 emoji: 33 whole pairs per part (66 units), so 2 parts.
    expect(countSmsSegments('😀'.repeat(36)).segments).toBe(2);
    expect(countSmsSegments('😀'.repeat(67)).segments).toBe(3);
  });

  it('a lone surrogate is one character of one code unit', () => {
    expect(countSmsSegments('\ud83d')).toEqual({ encoding: 'UCS-2', segments: 1, characters: 1 });
    expect(countSmsSegments(`a\ude00b`)).toEqual({ encoding: 'UCS-2', segments: 1, characters: 3 });
  });
});

describe('countCodePoints', () => {
  it('counts what the 210-character limit counts', () => {
    expect(countCodePoints('')).toBe(0);
    expect(countCodePoints('😀я€')).toBe(3);
    expect(countCodePoints('🇷🇺')).toBe(2);
    expect(countCodePoints('\ud83d')).toBe(1);
  });
});
