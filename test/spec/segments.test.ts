/**
 * SMS segment counting, rule by rule: GSM-7 when every character is in the GSM 03.38 default
 * alphabet or its extension table, else UCS-2; GSM-7 160 septets in one SMS and 153 per part,
 * extension characters 2 septets never split across parts; UCS-2 70 code units in one SMS and
 * 67 per part, characters outside the BMP 2 units never split; the 210-character limit counts
 * code points.
 */
import { describe, expect, it } from 'vitest';
import { countSmsSegments } from '../../src/index.js';

const count = (text: string) => countSmsSegments(text);

describe('which encoding', () => {
  it('the default alphabet and the extension table are GSM-7', () => {
    const text = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà^{}\\[~]|€\f';
    expect(count(text).encoding).toBe('GSM-7');
  });

  it.each(['Привет', 'naïve', 'ç', '😀', '«кавычки»', 'a\u00A0b', 'emoji ☺'])('%j takes UCS-2', (text) => {
    expect(count(text).encoding).toBe('UCS-2');
  });

  it('one Cyrillic letter makes the whole text UCS-2', () => {
    expect(count(`${'a'.repeat(100)}Ж`)).toEqual({ encoding: 'UCS-2', segments: 2, characters: 101 });
  });
});

describe('GSM-7: 160 septets in one SMS, 153 per part', () => {
  it.each([
    [1, 1],
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
    [459, 3],
    [460, 4],
  ])('%i characters of the default alphabet take %i SMS', (length, segments) => {
    expect(count('a'.repeat(length))).toEqual({ encoding: 'GSM-7', segments, characters: length });
  });

  it.each(['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f'])('%j takes 2 septets', (char) => {
    expect(count(char.repeat(80)).segments).toBe(1);
    expect(count(char.repeat(81)).segments).toBe(2);
    expect(count(`${'a'.repeat(159)}${char}`).segments).toBe(2);
  });

  it('an extension character is never split across parts', () => {
    // 152 + 2 + 152 = 306 septets would fit 2 parts of 153 if the € could be split; it cannot:
    // part 1 holds 152, part 2 the € and 151, part 3 the last one.
    expect(count(`${'a'.repeat(152)}€${'a'.repeat(152)}`).segments).toBe(3);
    expect(count(`${'a'.repeat(151)}€${'a'.repeat(153)}`).segments).toBe(2);
  });
});

describe('UCS-2: 70 code units in one SMS, 67 per part', () => {
  it.each([
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
    [201, 3],
    [202, 4],
  ])('%i Cyrillic letters take %i SMS', (length, segments) => {
    expect(count('Ж'.repeat(length))).toEqual({ encoding: 'UCS-2', segments, characters: length });
  });

  it('a character outside the BMP takes 2 code units: 35 emoji fit one SMS, 36 do not', () => {
    expect(count('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', segments: 1, characters: 35 });
    // 33 per part (66 units; a 34th would need 68): 36 take 2 parts.
    expect(count('😀'.repeat(36))).toEqual({ encoding: 'UCS-2', segments: 2, characters: 36 });
  });

  it('a surrogate pair is never split across parts', () => {
    // 66 + 2 + 66 = 134 units would fit 2 parts of 67 if the emoji could be split; it cannot.
    expect(count(`${'Ж'.repeat(66)}😀${'Ж'.repeat(66)}`).segments).toBe(3);
    expect(count(`${'Ж'.repeat(65)}😀${'Ж'.repeat(67)}`).segments).toBe(2);
  });
});

describe('characters are code points, as a person sees them', () => {
  it('an emoji is one character; the dialog’s text counts as the dialog shows', () => {
    expect(count('😀').characters).toBe(1);
    expect(count('Здравствуйтесь, спасибо за ваш звонок.')).toEqual({
      encoding: 'UCS-2',
      segments: 1,
      characters: 38,
    });
  });

  it('the empty text takes no SMS', () => {
    expect(count('')).toEqual({ encoding: 'GSM-7', segments: 0, characters: 0 });
  });

  it('210 characters of each kind: 2 GSM-7 SMS, 4 UCS-2 SMS, 210 emoji in 7', () => {
    expect(count('a'.repeat(210))).toEqual({ encoding: 'GSM-7', segments: 2, characters: 210 });
    expect(count('Ж'.repeat(210))).toEqual({ encoding: 'UCS-2', segments: 4, characters: 210 });
    expect(count('😀'.repeat(210))).toEqual({ encoding: 'UCS-2', segments: 7, characters: 210 });
  });
});
