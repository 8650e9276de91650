import { describe, expect, it } from 'vitest';
import { roubles } from '../../src/catalogue/units.js';
import {
  countRu,
  findNumbers,
  formatNumberCount,
  numberOptions,
  numberRows,
  totalNumbersRu,
} from '../../src/projections/index.js';
import { givenEvents } from '../../src/testing/index.js';
import { event, numberAdded, numberRemoved, optionDisabled, optionEnabled, phone } from './builders.js';

const at = '2025-04-21T10:00:00+03:00';

describe('Russian plurals', () => {
  it('says 1 номер, 2 номера, 5 номеров, 11 номеров, 21 номер, 142 номера', () => {
    const forms = ['номер', 'номера', 'номеров'] as const;
    expect([1, 2, 5, 11, 12, 14, 21, 22, 25, 100, 111, 142, 0].map((n) => countRu(n, forms))).toEqual([
      '1 номер',
      '2 номера',
      '5 номеров',
      '11 номеров',
      '12 номеров',
      '14 номеров',
      '21 номер',
      '22 номера',
      '25 номеров',
      '100 номеров',
      '111 номеров',
      '142 номера',
      '0 номеров',
    ]);
    expect(totalNumbersRu(142)).toBe('Всего 142 номера');
  });
});

describe('numberOptions', () => {
  const staff = Array.from({ length: 142 }, (_, i) =>
    numberAdded(i + 1, at, i === 141 ? 'added' : 'regular'),
  );
  const ivanova = event(
    'NumberAdded',
    { number: '+79123456789', kind: 'regular', fullName: 'Иванова Алёна', department: 'Поддержка' },
    at,
  );

  it('lists every number with its name, department and kind: Всего 142 номера', () => {
    givenEvents(numberOptions, staff).then((view) => {
      expect(formatNumberCount(view)).toBe('Всего 142 номера');
      const rows = numberRows(view);
      expect(rows[0]).toEqual({
        number: phone(1),
        fullName: 'Сотрудник 1',
        department: 'Продажи',
        kind: 'regular',
        seq: 0,
        callerId: null,
        recording: null,
        shortNumber: null,
        melody: null,
      });
      expect(rows.at(-1)?.kind).toBe('added');
    });
  });

  it('shows each option per number and per option the count and monthly sum', () => {
    const events = [
      ...staff.slice(0, 5),
      optionEnabled('callerId', [1, 2, 3], at, roubles(100)),
      optionEnabled('recording', [1], at, roubles(150)),
      optionEnabled('recording', [2], at, roubles(180)),
      optionEnabled('shortNumber', [4], at, roubles(50)),
      event('ShortNumberAssigned', { number: phone(4), shortNumber: '1204', previous: null }, at),
      event('CallerIdNumberSet', { number: phone(2), multichannelNumber: '+74950000002' }, at),
      event('MelodyUploaded', { melodyId: 'm1', name: 'Весна' }, at),
      optionEnabled('melody', [5], at, roubles(50)),
      event('NumberMelodySet', { number: phone(5), melodyId: 'm1' }, at),
      optionDisabled('callerId', [3], at),
      numberRemoved(1, at, ['callerId', 'recording']),
    ];
    givenEvents(numberOptions, events).then((view) => {
      expect(view.totals).toEqual({
        callerId: { count: 1, monthlySum: roubles(100) },
        recording: { count: 1, monthlySum: roubles(180) },
        shortNumber: { count: 1, monthlySum: roubles(50) },
        melody: { count: 1, monthlySum: roubles(50) },
      });
      const [two, three, four, five] = numberRows(view);
      expect(two?.callerId).toEqual({ monthlyFee: roubles(100), multichannelNumber: '+74950000002' });
      expect(three?.callerId).toBeNull();
      expect(four?.shortNumber).toEqual({ monthlyFee: roubles(50), code: '1204' });
      expect(five?.melody).toEqual({ monthlyFee: roubles(50), melodyId: 'm1' });
    });
  });

  it('finds a number by its full number in any common spelling', () => {
    givenEvents(numberOptions, [...staff.slice(0, 3), ivanova]).then((view) => {
      for (const spelling of ['+79123456789', '8 (912) 345-67-89', '+7 912 345 67 89', '89123456789']) {
        expect(
          findNumbers(view, spelling).map((r) => r.fullName),
          spelling,
        ).toEqual(['Иванова Алёна']);
      }
    });
  });

  it('finds numbers by a part of the number or of the name (beyond the source)', () => {
    givenEvents(numberOptions, [...staff.slice(0, 12), ivanova]).then((view) => {
      expect(findNumbers(view, '345-67').map((r) => r.number)).toEqual(['+79123456789']);
      expect(findNumbers(view, '0000011').map((r) => r.number)).toEqual([phone(11)]);
      expect(findNumbers(view, '8912000001').map((r) => r.number)).toEqual([10, 11, 12].map(phone));
      expect(findNumbers(view, 'алена').map((r) => r.number)).toEqual(['+79123456789']);
      expect(findNumbers(view, 'СОТРУДНИК 1').length).toBe(4);
      expect(findNumbers(view, 'Петров')).toEqual([]);
      expect(findNumbers(view, '  ')).toHaveLength(13);
    });
  });
});
