import { describe, expect, it } from 'vitest';
import type { AccountCommand } from '../../src/account/commands.js';
import { findNumber } from '../../src/numbers/find.js';
import { given } from '../../src/testing/index.js';
import { cmd, decider, historyOf, openAccount } from '../tariff/fixtures.js';
import { MKN_1 } from './fixtures.js';

const COUNT = 142;
/** The i-th employee's local digits: 912 345 xx xx (a valid Russian mobile range). */
const digits = (i: number) => `912${String(3_450_000 + i).padStart(7, '0')}`;
const spellings = (d: string) => {
  const [code, a, b, c] = [d.slice(0, 3), d.slice(3, 6), d.slice(6, 8), d.slice(8, 10)];
  return [`8 (${code}) ${a}-${b}-${c}`, `+7 ${code} ${a} ${b} ${c}`, `8${d}`];
};

describe('findNumber: "Всего 142 номера", each found by full phone number in any spelling', () => {
  const adds: AccountCommand[] = [];
  for (let i = 0; i < COUNT; i++) {
    adds.push(
      cmd('AddNumber', {
        number: `+7${digits(i)}`,
        kind: i % 10 === 9 ? 'added' : 'regular',
        fullName: `Сотрудник ${i + 1}`,
        department: i % 2 === 0 ? 'Продажи' : 'Поддержка',
      }),
    );
  }
  const state = given(
    decider,
    historyOf(openAccount(), cmd('AddMultichannelNumber', { number: MKN_1 }), ...adds),
  ).state;

  it('holds 142 numbers', () => {
    expect(Object.keys(state.numbers.users)).toHaveLength(COUNT);
  });

  it('finds each by `8 (912) 345-67-89`, `+7 912 345 67 89` and `89123456789`', () => {
    let found = 0;
    for (let i = 0; i < COUNT; i++) {
      for (const spelling of spellings(digits(i))) {
        const user = findNumber(state, spelling);
        expect(user?.number, spelling).toBe(`+7${digits(i)}`);
        expect(user?.fullName).toBe(`Сотрудник ${i + 1}`);
        found++;
      }
    }
    expect(found).toBe(COUNT * 3);
  });

  it('finds nothing for a number the account does not have, an МКН, or text that is no number', () => {
    expect(findNumber(state, '8 (912) 999-99-99')).toBeUndefined();
    expect(findNumber(state, '8 (495) 123-45-67')).toBeUndefined();
    expect(findNumber(state, 'Иванов')).toBeUndefined();
    expect(findNumber(state, '')).toBeUndefined();
  });
});
