/**
 * The fast path for numbers already in E.164 form gives exactly what the full parse gives, on a
 * corpus of real and impossible numbers of many countries and on random E.164-shaped texts,
 * the first time and every time after.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePhoneNumber, normalisePhoneNumberSlowly } from '../../src/numbers/phone-number.js';

const CORPUS = [
  '+79123456789', // Russian mobile
  '+74951234567', // Moscow
  '+78123456789', // St Petersburg
  '+78005553535', // toll-free, the 8 is not a trunk prefix here
  '+73012345678',
  '+70123456789', // no such Russian range
  '+76123456789',
  '+77012345678', // Kazakhstan shares +7
  '+77172123456',
  '+789123456789', // a trunk 8 written after +7
  '+7912345678', // one digit short
  '+791234567890', // one digit long
  '+12025550123', // United States
  '+12025550',
  '+442079460958', // United Kingdom
  '+4915112345678', // Germany
  '+390612345678', // Italy keeps its leading 0
  '+33612345678',
  '+8613812345678', // China
  '+380441234567', // Ukraine
  '+375291234567', // Belarus
  '+998901234567', // Uzbekistan
  '+99890123456789',
  '+882345678901', // international networks
  '+80012345678', // universal freephone
  '+999123456789', // unassigned country code
  '+1',
  '+12',
  '+123456789012345',
];

describe('phone numbers in E.164 form', () => {
  it('take the fast path to the same answer as the full parse, on a corpus of countries', () => {
    for (const number of CORPUS) {
      const slow = normalisePhoneNumberSlowly(number);
      // Twice: the first answer is worked out, the second remembered.
      expect(normalisePhoneNumber(number), number).toBe(slow);
      expect(normalisePhoneNumber(number), number).toBe(slow);
    }
    expect(normalisePhoneNumber('+79123456789')).toBe('+79123456789');
    expect(normalisePhoneNumber('+70123456789')).toBeUndefined();
  });

  it('take the fast path to the same answer as the full parse, for 20 000 random E.164 texts', () => {
    const e164 = fc.oneof(
      fc.stringMatching(/^\+7\d{10}$/),
      fc.stringMatching(/^\+[1-9]\d{1,14}$/),
      fc.constantFrom(...CORPUS),
    );
    fc.assert(
      fc.property(e164, (number) => {
        const slow = normalisePhoneNumberSlowly(number);
        expect(normalisePhoneNumber(number)).toBe(slow);
        expect(normalisePhoneNumber(number)).toBe(slow);
      }),
      { numRuns: 20_000 },
    );
  });

  it('keep giving the answers of the full parse with more numbers than are remembered', () => {
    // 120 000 numbers, more than the answers kept; then some of the first (forgotten), some of the
    // last (remembered) and some looked up again in between (moved to the newer answers).
    const numbers = Array.from({ length: 120_000 }, (_, i) => `+79${String(160_000_000 + i * 7)}`);
    const answers = numbers.map(normalisePhoneNumber);
    const again = [...numbers.slice(0, 500), ...numbers.slice(60_000, 60_500), ...numbers.slice(-500)];
    for (const number of again)
      expect(normalisePhoneNumber(number), number).toBe(normalisePhoneNumberSlowly(number));
    for (const i of [0, 1, 59_999, 60_000, 119_999])
      expect(answers[i], numbers[i]).toBe(normalisePhoneNumberSlowly(numbers[i] as string));
    expect(answers.filter((answer) => answer !== undefined).length).toBeGreaterThan(100_000);
  });

  it('leave other spellings to the full parse', () => {
    for (const spelled of ['8 (912) 345-67-89', '+7 912 345 67 89', '89123456789', '+7-912-345-67-89 '])
      expect(normalisePhoneNumber(spelled)).toBe('+79123456789');
    expect(normalisePhoneNumber('+7 (912) 345-67-89'.padEnd(65, ' '))).toBeUndefined();
  });
});
