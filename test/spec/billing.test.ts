/**
 * Billing, rule by rule: prices from the catalogue carried by the events (a later catalogue
 * change never rewrites a bill); the monthly fee = the tariff + employees beyond the included
 * ones + extra МКН + options × the numbers that have them + recording + packs + Telegram per
 * scenario + smart callback; proration by day in the account's zone (a day counts if the thing
 * was active at any moment of it, with the largest quantity that day), rounded half up once per
 * line; one price per replaced line per day (a tariff change bills the old tariff up to the day
 * before); SMS packages as one-off charges; no lapsed day billed.
 */

import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountCommand } from '../../src/account/commands.js';
import type { AccountEvent } from '../../src/account/events.js';
import {
  billing,
  type Catalogue,
  createAccountDecider,
  defaultCatalogue,
  formatRoubles,
  monthlyFee,
  statement,
  statementByIndex,
} from '../../src/index.js';
import {
  CLIENT,
  call,
  cmd,
  DAY_2,
  fact,
  historyOf,
  MKN_2,
  MKN_3,
  OPERATOR,
  opened,
  staffed,
} from './support.js';

/** The first period, 21.04–20.05.2025: 30 days. */
const first = (events: readonly AccountEvent[]) => {
  const statement = statementByIndex(billing(events), 0);
  if (statement === null) throw new Error('no statement');
  return statement;
};
/** The first period's monthly line of `item`. */
const line = (events: readonly AccountEvent[], item: string) =>
  first(events).lines.find((l) => l.kind === 'monthly' && l.item === item);
const fee = (events: readonly AccountEvent[], item: string) =>
  monthlyFee(billing(events)).lines.filter((l) => l.item === item);
const employees = (n: number, at = DAY_2) =>
  Array.from({ length: n }, (_, i) =>
    cmd(
      'AddNumber',
      {
        number: `+7916700${String(i).padStart(4, '0')}`,
        kind: 'regular' as const,
        fullName: `С ${i}`,
        department: '',
      },
      at,
    ),
  );

describe('the monthly fee', () => {
  it('«Базовый» alone is 1 500 ₽', () => {
    expect(monthlyFee(billing(opened())).total).toBe(150_000);
  });

  it('employees beyond the 10 included are charged 40 ₽ each; added numbers are not employees', () => {
    const events = historyOf(
      opened(),
      ...employees(12),
      cmd('AddNumber', { number: '+79031112233', kind: 'added', fullName: 'Склад', department: '' }, DAY_2),
    );
    expect(fee(events, 'extra-employees').map((l) => [l.unitPrice, l.quantity, l.amount])).toEqual([
      [4_000, 2, 8_000],
    ]);
  });

  it('МКН beyond the included one are charged at the catalogue’s price', () => {
    const events = historyOf(
      staffed(),
      cmd('AddMultichannelNumber', { number: MKN_2 }, DAY_2),
      cmd('AddMultichannelNumber', { number: MKN_3 }, DAY_2),
    );
    const [extra] = fee(events, 'extra-multichannel');
    expect(extra).toMatchObject({
      unitPrice: defaultCatalogue.extraMultichannelNumber.monthlyFee,
      quantity: 2,
    });
  });

  it('a per-number option costs its price × the numbers that have it, added to the tariff’s fee', () => {
    const events = staffed(
      cmd('EnableNumberOption', { option: 'shortNumber', numbers: [OPERATOR, '+79161234568'] }, DAY_2),
    );
    const shortNumbers = fee(events, 'number-option').find((l) => l.detail === 'shortNumber');
    expect(shortNumbers).toMatchObject({ unitPrice: 5_000, quantity: 2, amount: 10_000 });
    expect(monthlyFee(billing(events)).total).toBe(150_000 + 10_000 + 10_000);
  });

  it('recording 700 ₽, packs 150 ₽ each, Telegram 300 ₽ per scenario on which it is on', () => {
    const events = historyOf(
      opened(),
      cmd('EnableRecording', {}, DAY_2),
      cmd('AddStoragePack', {}, DAY_2),
      cmd('AddStoragePack', {}, DAY_2),
      cmd(
        'ConfigureNotification',
        { scenario: 'incoming-missed-call', sms: false, telegram: true, text: 'А' },
        DAY_2,
      ),
      cmd(
        'ConfigureNotification',
        { scenario: 'outgoing-unreached', sms: true, telegram: true, text: 'Б' },
        DAY_2,
      ),
      cmd(
        'ConfigureNotification',
        { scenario: 'incoming-visit-card', sms: true, telegram: false, text: 'В' },
        DAY_2,
      ),
    );
    expect(fee(events, 'recording').map((l) => l.amount)).toEqual([70_000]);
    expect(fee(events, 'storage-packs').map((l) => [l.unitPrice, l.quantity])).toEqual([[15_000, 2]]);
    expect(fee(events, 'telegram').reduce((sum, l) => sum + l.amount, 0)).toBe(60_000);
  });
});

describe('events carry the price in effect: a later catalogue never rewrites a bill', () => {
  it('recording enabled at 1 000 ₽ stays 1 000 ₽ after the catalogue goes back to 700 ₽', () => {
    const dearer: Catalogue = { ...defaultCatalogue, recording: { monthlyFee: 100_000 } };
    const decideWith = (catalogue: Catalogue, history: AccountEvent[], command: AccountCommand) => {
      const decider = createAccountDecider(catalogue);
      const result = decider.decide(command, decider.fold(history));
      if (isLeft(result)) throw new Error(result.left.message);
      return [...history, ...result.right];
    };
    const events = decideWith(dearer, opened(), cmd('EnableRecording', {}, DAY_2));
    const later = decideWith(defaultCatalogue, events, cmd('AddStoragePack', {}, DAY_2));
    expect(fee(later, 'recording').map((l) => l.unitPrice)).toEqual([100_000]);
  });
});

describe('proration by day in the account’s zone, rounded half up once per line', () => {
  it('recording from 01.05 bills 20 of the period’s 30 days: 700 × 20 / 30 = 466,67 ₽', () => {
    const events = historyOf(opened(), cmd('EnableRecording', {}, '2025-05-01T23:59:00+03:00'));
    expect(line(events, 'recording')).toMatchObject({ quantityDays: 20, days: 30, amount: 46_667 });
  });

  it('a day counts if the thing was on at any moment of it: on and off within one day bills that day', () => {
    const events = historyOf(
      opened(),
      cmd('EnableRecording', {}, '2025-05-01T10:00:00+03:00'),
      cmd('DisableRecording', {}, '2025-05-01T10:05:00+03:00'),
    );
    expect(line(events, 'recording')).toMatchObject({ quantityDays: 1, amount: 2_333 });
  });

  it('the largest quantity held that day counts', () => {
    // Two packs for five minutes on 01.05, one pack from then to the end of the period.
    const events = historyOf(
      opened(),
      cmd('AddStoragePack', {}, '2025-05-01T10:00:00+03:00'),
      cmd('AddStoragePack', {}, '2025-05-01T10:00:00+03:00'),
      cmd('RemoveStoragePack', {}, '2025-05-01T10:05:00+03:00'),
    );
    // 2 on 01.05, then 1 for 19 days: 21 pack-days × 150 / 30 = 105 ₽.
    expect(line(events, 'storage-packs')).toMatchObject({ quantityDays: 21, amount: 10_500 });
  });

  it('days are the account’s: 23:30 UTC on 30.04 is 01.05 in Moscow', () => {
    const events = historyOf(opened(), cmd('EnableRecording', {}, '2025-04-30T21:30:00Z'));
    expect(line(events, 'recording')).toMatchObject({ quantityDays: 20 });
  });
});

describe('SMS packages are one-off charges', () => {
  it('on purchase, at the package’s price', () => {
    const events = historyOf(opened(), cmd('PurchaseSmsPackage', { size: 1000 }, DAY_2));
    const oneOffs = first(events).lines.filter((l) => l.kind === 'one-off');
    expect(oneOffs.map((l) => l.amount)).toEqual([120_000]);
  });
});

describe('SMS package renewals are one-off charges too', () => {
  it('each automatic renewal is charged at the package’s price', () => {
    const drained = fact(
      'NotificationSent',
      {
        callId: 'drain',
        scenario: 'incoming-missed-call',
        channel: 'sms',
        recipient: CLIENT,
        text: 'А',
        segments: 500,
        smsSpent: 500,
        sendAt: DAY_2,
        deferred: false,
      },
      DAY_2,
    );
    const events = historyOf(
      staffed(),
      cmd('PurchaseSmsPackage', { size: 500 }, DAY_2),
      cmd(
        'ConfigureNotification',
        { scenario: 'incoming-missed-call', sms: true, telegram: false, text: 'А' },
        DAY_2,
      ),
      drained,
      call('c-1', '2025-04-23T12:00:00+03:00'),
    );
    const oneOffs = first(events).lines.filter((l) => l.kind === 'one-off');
    expect(oneOffs.map((l) => (l.kind === 'one-off' ? [l.reason, l.amount] : []))).toEqual([
      ['purchase', 70_000],
      ['auto-renewal', 70_000],
    ]);
  });
});

describe('a removed МКН', () => {
  it('stops its fee that day: added on 21.04, removed on 01.05, it bills 11 days', () => {
    const events = historyOf(
      staffed(),
      cmd('AddMultichannelNumber', { number: MKN_2 }, '2025-04-21T12:00:00+03:00'),
      cmd('RemoveMultichannelNumber', { number: MKN_2 }, '2025-05-01T12:00:00+03:00'),
    );
    expect(line(events, 'extra-multichannel')).toMatchObject({ quantityDays: 11 });
  });
});

describe('one price per replaced line per day', () => {
  it('«Базовый» → «Бизнес» on 11.05 bills 20 days of «Базовый» (1 000,00 ₽) and 10 of «Бизнес» (1 166,67 ₽)', () => {
    const events = historyOf(
      opened(),
      cmd('ChangeTariff', { tariffId: 'business' }, '2025-05-11T12:00:00+03:00'),
    );
    const tariffs = first(events).lines.filter((l) => l.item === 'tariff');
    expect(tariffs.map((l) => (l.kind === 'monthly' ? [l.detail, l.quantityDays, l.amount] : []))).toEqual([
      ['Базовый', 20, 100_000],
      ['Бизнес', 10, 116_667],
    ]);
    expect(formatRoubles(100_000)).toBe('1\u00a0000,00 ₽');
    expect(formatRoubles(116_667)).toBe('1\u00a0166,67 ₽');
  });
});

describe('no day after paidUntil is billed until a renewal', () => {
  const lapsedThenPaid = () =>
    historyOf(
      opened(),
      cmd('EnableRecording', {}, DAY_2),
      cmd('SetAutoRenewal', { enabled: false }, DAY_2),
      cmd('RenewSubscription', {}, '2025-05-21T10:00:00+03:00'),
      cmd('RenewSubscription', { manual: true }, '2025-05-25T10:00:00+03:00'),
    );

  it('the lapse from 21.05 to 24.05 bills nothing', () => {
    const gap = statement(billing(lapsedThenPaid()), '2025-05-23');
    expect(gap).toMatchObject({ status: 'lapsed', total: 0 });
    expect(gap?.period.firstDay).toBe('2025-05-21');
    expect(gap?.lapsedDays).toBe(gap?.period.days);
  });

  it('a late payment starts the next period at its own instant, billed whole; later periods are anchored on it', () => {
    const view = billing(lapsedThenPaid());
    const next = statement(view, '2025-05-26');
    expect(next?.period.firstDay).toBe('2025-05-25');
    expect(next?.startsAfterLapse).toBe(true);
    const tariff = next?.lines.find((l) => l.item === 'tariff');
    expect(tariff).toMatchObject({ quantityDays: next?.period.days, amount: 150_000 });
    expect(next?.lines.find((l) => l.item === 'recording')).toMatchObject({ amount: 70_000 });
  });
});
