import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { roubles } from '../../src/catalogue/units.js';
import { billing } from '../../src/projections/billing.js';
import { explain } from '../../src/projections/billing-explain.js';
import {
  type MonthlyStatementLine,
  type Statement,
  statement,
} from '../../src/projections/billing-statement.js';
import { givenEvents } from '../../src/testing/index.js';
import {
  basicTerms,
  event,
  opened,
  packAdded,
  packRemoved,
  recordingDisabled,
  recordingEnabled,
} from './builders.js';

const openedAt = '2025-04-21T10:00:00+03:00';
const paidUntil = '2025-05-21T10:00:00+03:00';
const open = () => opened(openedAt, { paidUntil });

const termsOf = (tariffId: 'business' | 'corporate') => {
  const t = defaultCatalogue.tariffs[tariffId]!;
  return {
    tariffId,
    name: t.name,
    monthlyFee: t.monthlyFee,
    includedEmployees: t.includedEmployees,
    includedMultichannelNumbers: t.includedMultichannelNumbers,
    extraEmployeeFee: t.extraEmployeeFee,
    baseStorageBytes: t.baseStorageBytes,
  };
};
const changedTo = (tariffId: 'business' | 'corporate' | 'basic', at: string) =>
  event(
    'TariffChanged',
    { previousTariffId: 'basic', tariff: tariffId === 'basic' ? basicTerms : termsOf(tariffId) },
    at,
  );

const monthlyOf = (s: Statement | null, item: string): MonthlyStatementLine[] =>
  (s?.lines ?? []).filter((l): l is MonthlyStatementLine => l.kind === 'monthly' && l.item === item);
const summary = (lines: readonly MonthlyStatementLine[]) =>
  lines.map((l) => [l.detail ?? l.unitPrice, l.quantityDays, l.amount]);

describe('billing: one price per line per day', () => {
  it('bills «Базовый» → «Бизнес» on 11.05 as 20 days of «Базовый» (1 000,00 ₽) and 10 of «Бизнес» (1 166,67 ₽)', () => {
    // Period 21.04–20.05 has 30 days. «Базовый» 21.04–10.05: 1 500 ₽ × 20 / 30 = 1 000,00 ₽.
    // «Бизнес» (3 500 ₽ in the catalogue) 11.05–20.05: 3 500 ₽ × 10 / 30 = 1 166,666… → 1 166,67 ₽.
    expect(defaultCatalogue.tariffs.business?.monthlyFee).toBe(roubles(3500));
    givenEvents(billing, [open(), changedTo('business', '2025-05-11T12:00:00+03:00')]).then((view) => {
      const tariff = monthlyOf(statement(view, '2025-05-11'), 'tariff');
      expect(summary(tariff)).toEqual([
        ['Базовый', 20, 100_000],
        ['Бизнес', 10, 116_667],
      ]);
      expect(explain(tariff[1]!).formula).toBe('3\u00a0500,00 ₽ × 10 / 30 = 1\u00a0166,67 ₽');
      expect(tariff.reduce((days, l) => days + l.quantityDays, 0)).toBe(30);
    });
  });

  it('bills a day with two tariff changes once, on the last one', () => {
    // 11.05: «Бизнес» at 10:00, «Корпоративный» at 15:00. Days: «Базовый» 20, «Корпоративный» 10.
    givenEvents(billing, [
      open(),
      changedTo('business', '2025-05-11T10:00:00+03:00'),
      changedTo('corporate', '2025-05-11T15:00:00+03:00'),
    ]).then((view) => {
      const tariff = monthlyOf(statement(view, '2025-05-11'), 'tariff');
      expect(tariff.map((l) => [l.detail, l.quantityDays])).toEqual([
        ['Базовый', 20],
        ['Корпоративный', 10],
      ]);
      // 7 000 ₽ × 10 / 30 = 2 333,33 ₽.
      expect(tariff[1]?.amount).toBe(233_333);
    });
  });

  it('bills a change back and forth within a day on the tariff the day ends with', () => {
    givenEvents(billing, [
      open(),
      changedTo('business', '2025-05-11T10:00:00+03:00'),
      changedTo('basic', '2025-05-11T18:00:00+03:00'),
    ]).then((view) => {
      const tariff = monthlyOf(statement(view, '2025-05-11'), 'tariff');
      expect(summary(tariff)).toEqual([['Базовый', 30, roubles(1500)]]);
    });
  });

  it('bills a change at midnight on the new tariff from that day', () => {
    givenEvents(billing, [open(), changedTo('business', '2025-05-11T00:00:00+03:00')]).then((view) => {
      const tariff = monthlyOf(statement(view, '2025-05-11'), 'tariff');
      expect(tariff.map((l) => [l.detail, l.quantityDays])).toEqual([
        ['Базовый', 20],
        ['Бизнес', 10],
      ]);
    });
  });

  it('bills a pack replaced at a new price the same day once, at the new price', () => {
    // One pack at 150 ₽ from 01.05; on 10.05 removed at 09:00 and one at 200 ₽ added at 10:00.
    // 150 ₽: 01.05–09.05 = 9 days (45,00 ₽); 200 ₽: 10.05–20.05 = 11 days (73,33 ₽).
    givenEvents(billing, [
      open(),
      packAdded(1, '2025-05-01T12:00:00+03:00'),
      packRemoved(0, '2025-05-10T09:00:00+03:00'),
      packAdded(1, '2025-05-10T10:00:00+03:00', roubles(200)),
    ]).then((view) => {
      const packs = monthlyOf(statement(view, '2025-05-10'), 'storage-packs');
      expect(summary(packs)).toEqual([
        [roubles(150), 9, 4500],
        [roubles(200), 11, 7333],
      ]);
    });
  });

  it('keeps counting the largest quantity of a day: three packs in the morning, one by night, bill three', () => {
    givenEvents(billing, [
      open(),
      packAdded(1, '2025-05-10T08:00:00+03:00'),
      packAdded(2, '2025-05-10T08:01:00+03:00'),
      packAdded(3, '2025-05-10T08:02:00+03:00'),
      packRemoved(1, '2025-05-10T20:00:00+03:00'),
    ]).then((view) => {
      const [packs] = monthlyOf(statement(view, '2025-05-10'), 'storage-packs');
      // 10.05: 3; 11.05–20.05: 1 each → 3 + 10 = 13 pack-days.
      expect(packs?.daily.slice(19)).toEqual([3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
      expect(packs?.quantityDays).toBe(13);
    });
  });

  it('bills units gone by the end of a day at the price they had, the cheapest first', () => {
    // Two packs, at 150 ₽ and 200 ₽, from 01.05; both removed on 10.05 at 12:00, one at 250 ₽
    // added at 13:00. 10.05 held 2 at most: one at the 250 ₽ in effect at its end, the other at
    // the cheaper of those it had before (150 ₽).
    givenEvents(billing, [
      open(),
      packAdded(1, '2025-05-01T12:00:00+03:00'),
      packAdded(2, '2025-05-01T12:01:00+03:00', roubles(200)),
      packRemoved(0, '2025-05-10T12:00:00+03:00'),
      packAdded(1, '2025-05-10T13:00:00+03:00', roubles(250)),
    ]).then((view) => {
      const packs = monthlyOf(statement(view, '2025-05-10'), 'storage-packs');
      expect(packs.map((l) => [l.unitPrice, l.quantityDays])).toEqual([
        [roubles(150), 10],
        [roubles(200), 9],
        [roubles(250), 11],
      ]);
    });
  });

  it('bills recording turned on and off within a day for that day', () => {
    givenEvents(billing, [
      open(),
      recordingEnabled('2025-05-06T10:00:00+03:00'),
      recordingDisabled('2025-05-06T18:00:00+03:00'),
    ]).then((view) => {
      expect(summary(monthlyOf(statement(view, '2025-05-06'), 'recording'))).toEqual([
        [roubles(700), 1, 2333],
      ]);
    });
  });
});
