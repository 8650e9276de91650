import { describe, expect, it } from 'vitest';
import { roubles } from '../../src/catalogue/units.js';
import { billing } from '../../src/projections/billing.js';
import { monthlyFee } from '../../src/projections/billing-fee.js';
import { givenEvents } from '../../src/testing/index.js';
import {
  event,
  numberAdded,
  numberRemoved,
  opened,
  optionDisabled,
  optionEnabled,
  packAdded,
  packRemoved,
  recordingEnabled,
  telegram,
} from './builders.js';

const at = '2025-04-21T10:00:00+03:00';
const employees = (from: number, to: number, kind: 'regular' | 'added' = 'regular') =>
  Array.from({ length: to - from + 1 }, (_, i) => numberAdded(from + i, at, kind));

const mustShow1 = [
  opened(at),
  ...employees(1, 10),
  recordingEnabled(at),
  packAdded(1, at),
  telegram('incoming-missed-call', true, at),
];

describe('billing: the monthly fee', () => {
  it('«Базовый» with 10 employees, recording on, 1 pack and Telegram on one scenario costs 2 650 ₽ a month', () => {
    givenEvents(billing, mustShow1).then((view) => {
      const fee = monthlyFee(view);
      expect(fee.total).toBe(roubles(2650));
      expect(fee.lines.map((l) => [l.item, l.unitPrice, l.quantity, l.amount])).toEqual([
        ['tariff', roubles(1500), 1, roubles(1500)],
        ['recording', roubles(700), 1, roubles(700)],
        ['storage-packs', roubles(150), 1, roubles(150)],
        ['telegram', roubles(300), 1, roubles(300)],
      ]);
    });
  });

  it('with 142 regular numbers it costs 5 280 ₽ more: 132 employees beyond the included 10 at 40 ₽', () => {
    givenEvents(billing, [...mustShow1, ...employees(11, 142)]).then((view) => {
      const fee = monthlyFee(view);
      expect(fee.total).toBe(roubles(2650 + 5280));
      expect(fee.lines.find((l) => l.item === 'extra-employees')).toMatchObject({
        unitPrice: roubles(40),
        quantity: 132,
        amount: roubles(5280),
      });
    });
  });

  it('does not count `added` numbers as employees', () => {
    givenEvents(billing, [...mustShow1, ...employees(11, 30, 'added')]).then((view) => {
      expect(monthlyFee(view).total).toBe(roubles(2650));
    });
  });

  it('drops an employee line when numbers are removed back to the included count', () => {
    givenEvents(billing, [
      ...mustShow1,
      ...employees(11, 12),
      numberRemoved(12, at),
      numberRemoved(11, at),
    ]).then((view) => expect(monthlyFee(view).total).toBe(roubles(2650)));
  });

  it('bills each per-number option × the numbers that have it, at the price each was turned on at', () => {
    const events = [
      opened(at),
      ...employees(1, 5),
      optionEnabled('recording', [1, 2, 3], at, roubles(150)),
      optionEnabled('recording', [4], at, roubles(180)),
      optionEnabled('callerId', [1, 2], at, roubles(100)),
      optionDisabled('callerId', [2], at),
      numberRemoved(3, at, ['recording']),
    ];
    givenEvents(billing, events).then((view) => {
      const lines = monthlyFee(view).lines.filter((l) => l.item === 'number-option');
      expect(lines.map((l) => [l.detail, l.unitPrice, l.quantity])).toEqual([
        ['callerId', roubles(100), 1],
        ['recording', roubles(150), 2],
        ['recording', roubles(180), 1],
      ]);
    });
  });

  it('bills extra МКН beyond the included one, Telegram per scenario, packs by count, smart callback', () => {
    const events = [
      opened(at),
      event(
        'MultichannelNumberAdded',
        { number: '+74950000001', main: true, extraMonthlyFee: roubles(500) },
        at,
      ),
      event(
        'MultichannelNumberAdded',
        { number: '+74950000002', main: false, extraMonthlyFee: roubles(500) },
        at,
      ),
      telegram('incoming-missed-call', true, at),
      telegram('outgoing-visit-card', true, at),
      telegram('incoming-visit-card', false, at),
      packAdded(1, at),
      packAdded(2, at),
      packAdded(3, at),
      packRemoved(2, at),
      event('SmartCallbackEnabled', { windowMinutes: 60, monthlyFee: roubles(400) }, at),
    ];
    givenEvents(billing, events).then((view) => {
      expect(monthlyFee(view).lines.map((l) => [l.item, l.quantity, l.amount])).toEqual([
        ['tariff', 1, roubles(1500)],
        ['extra-multichannel', 1, roubles(500)],
        ['storage-packs', 2, roubles(300)],
        ['telegram', 2, roubles(600)],
        ['smart-callback', 1, roubles(400)],
      ]);
    });
  });

  it('takes the new tariff at once on a change, with its own included count and employee fee', () => {
    const business = {
      ...opened(at).data.tariff,
      tariffId: 'business',
      name: 'Бизнес',
      monthlyFee: roubles(3500),
      includedEmployees: 25,
    };
    const events = [
      opened(at),
      ...employees(1, 30),
      event('TariffChanged', { previousTariffId: 'basic', tariff: business }, at),
    ];
    givenEvents(billing, events).then((view) => {
      expect(monthlyFee(view).lines.map((l) => [l.item, l.detail, l.quantity, l.amount])).toEqual([
        ['tariff', 'Бизнес', 1, roubles(3500)],
        ['extra-employees', null, 5, roubles(200)],
      ]);
    });
  });
});
