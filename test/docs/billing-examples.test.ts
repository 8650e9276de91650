/**
 * The worked examples of docs/billing.md, computed: each figure the page gives is what the
 * decider and the billing projection produce.
 */
import { describe, expect, it } from 'vitest';
import {
  type AccountCommand,
  type AccountEvent,
  billing,
  type Catalogue,
  createAccountDecider,
  defaultCatalogue,
  explain,
  lineLabel,
  monthlyFee,
  statement,
} from '../../src/index.js';

type Step = readonly [type: string, data: unknown, at: string, catalogue?: Catalogue];

/** The events of `steps`, each decided on the state the ones before it left. */
const history = (steps: readonly Step[]): AccountEvent[] => {
  const events: AccountEvent[] = [];
  let state = createAccountDecider().initialState;
  steps.forEach(([type, data, at, catalogue], i) => {
    const decider = createAccountDecider(catalogue ?? defaultCatalogue);
    const metadata = { commandId: `c${i}`, accountId: 'acme', at, actor: 'admin' };
    const decided = decider.decide({ type, data, metadata } as unknown as AccountCommand, state);
    if (decided._tag === 'Left') throw new Error(`${type}: ${decided.left.message}`);
    for (const event of decided.right) {
      state = decider.evolve(state, event);
      events.push(event);
    }
  });
  return events;
};

const OPEN: Step = ['OpenAccount', { tariffId: 'basic' }, '2025-04-21T10:00:00+03:00'];
const telegram = (scenario: string, on: boolean, at: string): Step => [
  'ConfigureNotification',
  { scenario, sms: false, telegram: on, text: 'Мы перезвоним' },
  at,
];

/** The lines of the statement of 21.04–20.05: label, Σ quantity-days, amount in kopecks. */
const lines = (steps: readonly Step[], at = '2025-05-01') => {
  const s = statement(billing.fold(history(steps)), at);
  return s?.lines.map((l) => [lineLabel(l), l.kind === 'monthly' ? l.quantityDays : 'one-off', l.amount]);
};

const TARIFF = ['Тариф «Базовый»', 30, 150_000];
const RECORDING = 'Запись и хранение входящих вызовов на многоканальные номера';

describe('docs/billing.md, worked examples (period 21 April – 20 May, 30 days)', () => {
  it('the monthly fee of «Базовый» with recording, a pack and Telegram on one scenario: 2 650 ₽', () => {
    const at = '2025-04-21T11:00:00+03:00';
    const fee = monthlyFee(
      billing.fold(
        history([
          OPEN,
          ['EnableRecording', {}, at],
          ['AddStoragePack', {}, at],
          telegram('incoming-missed-call', true, at),
        ]),
      ),
    );
    expect(fee.lines.map((l) => [lineLabel(l), l.amount])).toEqual([
      ['Тариф «Базовый»', 150_000],
      [RECORDING, 70_000],
      ['Дополнительный пакет хранения +5 ГБ', 15_000],
      ['Уведомления в Telegram (за сценарий)', 30_000],
    ]);
    expect(fee.total).toBe(265_000);
  });

  it('each row of the table', () => {
    expect(lines([OPEN])).toEqual([TARIFF]);
    expect(lines([OPEN, ['EnableRecording', {}, '2025-05-06T15:30:00+03:00']])).toEqual([
      TARIFF,
      [RECORDING, 15, 35_000],
    ]);
    expect(
      lines([
        OPEN,
        ['AddStoragePack', {}, '2025-05-10T09:00:00+03:00'],
        ['RemoveStoragePack', {}, '2025-05-10T18:00:00+03:00'],
      ]),
    ).toEqual([TARIFF, ['Дополнительный пакет хранения +5 ГБ', 1, 500]]);
    const at900 = { ...defaultCatalogue, recording: { monthlyFee: 90_000 } };
    expect(
      lines([
        OPEN,
        ['EnableRecording', {}, '2025-05-06T10:00:00+03:00'],
        ['DisableRecording', {}, '2025-05-15T10:00:00+03:00'],
        ['EnableRecording', {}, '2025-05-15T11:00:00+03:00', at900],
      ]),
    ).toEqual([TARIFF, [RECORDING, 9, 21_000], [RECORDING, 6, 18_000]]);
    expect(lines([OPEN, ['ChangeTariff', { tariffId: 'business' }, '2025-05-11T12:00:00+03:00']])).toEqual([
      ['Тариф «Базовый»', 20, 100_000],
      ['Тариф «Бизнес»', 10, 116_667],
    ]);
    expect(
      lines([
        OPEN,
        telegram('incoming-missed-call', true, '2025-04-25T10:00:00+03:00'),
        telegram('outgoing-unreached', true, '2025-04-25T10:00:00+03:00'),
        telegram('outgoing-unreached', false, '2025-04-25T15:00:00+03:00'),
      ]),
    ).toEqual([TARIFF, ['Уведомления в Telegram (за сценарий)', 27, 27_000]]);
    expect(lines([OPEN, ['PurchaseSmsPackage', { size: 3000 }, '2025-05-12T10:00:00+03:00']])).toEqual([
      TARIFF,
      ['Пакет 3\u00a0000 SMS', 'one-off', 300_000],
    ]);
  });

  it('recording from 6 May explains as 700,00 ₽ × 15 / 30 = 350,00 ₽', () => {
    const s = statement(
      billing.fold(history([OPEN, ['EnableRecording', {}, '2025-05-06T15:30:00+03:00']])),
      '2025-05-01',
    );
    const line = s?.lines.find((l) => lineLabel(l) === RECORDING);
    expect(line && explain(line).formula).toBe('700,00 ₽ × 15 / 30 = 350,00 ₽');
  });

  it('a lapse from 21 May and a payment on 25 May: 30 paid days, 4 unpaid, then 31 from the payment', () => {
    const view = billing.fold(
      history([
        ['OpenAccount', { tariffId: 'basic', autoRenewal: false }, '2025-04-21T10:00:00+03:00'],
        ['EnableRecording', {}, '2025-05-06T15:30:00+03:00'],
        ['RenewSubscription', {}, '2025-05-21T10:00:00+03:00'],
        ['RenewSubscription', { manual: true }, '2025-05-25T12:00:00+03:00'],
      ]),
    );
    const stretch = (at: string) => {
      const s = statement(view, at);
      return s && [s.period.firstDay, s.period.lastDay, s.status, s.total, s.lapseBefore?.days ?? null];
    };
    expect(stretch('2025-05-01')).toEqual(['2025-04-21', '2025-05-20', 'paid', 185_000, null]);
    expect(stretch('2025-05-22')).toEqual(['2025-05-21', '2025-05-24', 'lapsed', 0, null]);
    expect(stretch('2025-05-26')).toEqual(['2025-05-25', '2025-06-24', 'paid', 220_000, 4]);
  });
});
