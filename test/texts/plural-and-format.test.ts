import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatMoney,
  formatPrice,
  THOUSANDS_SEPARATOR_RU,
} from '../../src/projections/format.js';
import {
  countRu,
  MINUTE_FORMS,
  MINUTE_FORMS_ACCUSATIVE,
  NUMBER_FORMS,
  NUMBER_FORMS_GENITIVE,
  pluralRu,
  type RussianForms,
} from '../../src/projections/plural.js';

/** The rule written from the digits as text: how a grammar book states it. */
const expectedForm = (n: number, forms: RussianForms): string => {
  const digits = String(n);
  const tens = digits.length >= 2 ? digits[digits.length - 2] : '0';
  const last = digits[digits.length - 1];
  if (tens === '1') return forms[2];
  if (last === '1') return forms[0];
  if (last === '2' || last === '3' || last === '4') return forms[1];
  return forms[2];
};

const NOUNS: Array<[string, RussianForms]> = [
  ['номер', NUMBER_FORMS],
  ['номера (родительный)', NUMBER_FORMS_GENITIVE],
  ['минута', MINUTE_FORMS],
  ['минуту (винительный)', MINUTE_FORMS_ACCUSATIVE],
];

describe('Russian plural and case after numbers', () => {
  for (const [name, forms] of NOUNS) {
    it(`follows the rule for «${name}» from 0 to 1 000`, () => {
      for (let n = 0; n <= 1000; n++) expect(pluralRu(n, forms), String(n)).toBe(expectedForm(n, forms));
    });
  }

  it('says 11–14 with the many-form, 21, 101 with the one-form, 111 with the many-form', () => {
    expect([11, 12, 13, 14].map((n) => countRu(n, MINUTE_FORMS))).toEqual([
      '11 минут',
      '12 минут',
      '13 минут',
      '14 минут',
    ]);
    expect([1, 21, 101, 111, 2, 22, 5, 0].map((n) => countRu(n, MINUTE_FORMS))).toEqual([
      '1 минута',
      '21 минута',
      '101 минута',
      '111 минут',
      '2 минуты',
      '22 минуты',
      '5 минут',
      '0 минут',
    ]);
    expect([1, 21, 2, 5].map((n) => countRu(n, MINUTE_FORMS_ACCUSATIVE))).toEqual([
      '1 минуту',
      '21 минуту',
      '2 минуты',
      '5 минут',
    ]);
    expect([1, 2, 5, 21].map((n) => countRu(n, NUMBER_FORMS_GENITIVE))).toEqual([
      '1 номера',
      '2 номеров',
      '5 номеров',
      '21 номера',
    ]);
    expect(countRu(1001, NUMBER_FORMS)).toBe('1\u00a0001 номер');
  });
});

describe('numbers and money for people', () => {
  it('groups thousands with a no-break space in Russian and a comma in English, from 1 000 on', () => {
    expect(THOUSANDS_SEPARATOR_RU).toBe('\u00a0');
    expect([0, 999, 1000, 3000, 12_345, 1_234_567].map((n) => formatCount(n))).toEqual([
      '0',
      '999',
      '1\u00a0000',
      '3\u00a0000',
      '12\u00a0345',
      '1\u00a0234\u00a0567',
    ]);
    expect(formatCount(1_234_567, 'en')).toBe('1,234,567');
    expect(formatCount(-1500)).toBe('-1\u00a0500');
  });

  it('shows kopecks after a decimal comma in Russian, a point in English', () => {
    expect(formatMoney(150_000)).toBe('1\u00a0500,00 ₽');
    expect(formatMoney(116_667)).toBe('1\u00a0166,67 ₽');
    expect(formatMoney(5)).toBe('0,05 ₽');
    expect(formatMoney(150_000, 'en')).toBe('₽1,500.00');
    expect(formatPrice(150_000)).toBe('1\u00a0500 ₽');
    expect(formatPrice(15_050)).toBe('150,50 ₽');
    expect(formatPrice(15_050, 'en')).toBe('₽150.50');
    expect(formatMoney(-150_000)).toBe('-1\u00a0500,00 ₽');
  });

  it('agrees with the Russian and English conventions of Intl on whole roubles', () => {
    for (const roubles of [0, 7, 999, 1000, 1500, 65_432, 1_000_000]) {
      const ru = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' }).format(roubles);
      expect(formatMoney(roubles * 100)).toBe(ru.replace(/\u00a0₽$/, ' ₽'));
      const en = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: 'RUB',
        currencyDisplay: 'narrowSymbol',
      }).format(roubles);
      expect(formatMoney(roubles * 100, 'en')).toBe(en);
    }
  });
});
