/**
 * Account, tariff and subscription, rule by rule: the tariff «Базовый» of the cabinet's screens, other tariffs from
 * the catalogue, monthly periods paid in advance and anchored on the opening date, auto-renewal,
 * a lapse that refuses paid options, a tariff change that takes effect at once, and a history in
 * which every change is visible.
 */
import { describe, expect, it } from 'vitest';
import { GIB } from '../../src/catalogue/units.js';
import { defaultCatalogue, history, historyLines } from '../../src/index.js';
import { given } from '../../src/testing/index.js';
import {
  accepted,
  cmd,
  DAY_2,
  decider,
  EMPLOYEE,
  historyOf,
  MKN_2,
  OPENED_AT,
  opened,
  PAID_UNTIL,
  refusal,
  staffed,
  stateOf,
  typesOf,
} from './support.js';

describe('the tariff «Базовый»', () => {
  it('is 1 500 ₽ a month, 10 employees and 1 МКН included, 40 ₽ per extra employee, 1 GB of storage', () => {
    const terms = stateOf(opened()).tariff.terms;
    expect(terms).toEqual({
      tariffId: 'basic',
      name: 'Базовый',
      monthlyFee: 150_000,
      includedEmployees: 10,
      includedMultichannelNumbers: 1,
      extraEmployeeFee: 4_000,
      baseStorageBytes: GIB,
    });
  });

  it('other tariffs come from the catalogue, with 5 or 10 GB of base storage', () => {
    const bases = Object.values(defaultCatalogue.tariffs).map((tariff) => tariff.baseStorageBytes / GIB);
    expect(bases.sort((a, b) => a - b)).toEqual([1, 5, 10]);
  });

  it('an unknown tariff is refused, naming the field', () => {
    const error = refusal([], cmd('OpenAccount', { tariffId: 'platinum' }, OPENED_AT));
    expect(error.code).toBe('UnknownTariff');
    expect(error.details).toMatchObject({ field: 'data.tariffId' });
  });
});

describe('the subscription: monthly periods paid in advance, anchored on the opening date', () => {
  it('opened on 21.04.2025, it is paid until 21.05.2025, auto-renewal on by default, in Moscow time', () => {
    const state = stateOf(opened());
    expect(state.tariff.subscription).toMatchObject({
      paidUntil: PAID_UNTIL,
      autoRenewal: true,
      status: 'active',
    });
    expect(state.tariff.timeZone).toBe('Europe/Moscow');
  });

  it('at the end of a period with auto-renewal on, paidUntil moves one calendar month', () => {
    given(decider, opened())
      .when(cmd('RenewSubscription', {}, PAID_UNTIL))
      .then((events, state) => {
        expect(typesOf(events)).toEqual(['SubscriptionRenewed']);
        expect(state.tariff.subscription?.paidUntil).toBe('2025-06-21T10:00:00+03:00');
      });
  });

  it('periods stay anchored on the opening day: opened on 31 January, paid until 28 February, then 31 March', () => {
    const january = historyOf(cmd('OpenAccount', { tariffId: 'basic' }, '2025-01-31T09:00:00+03:00'));
    expect(stateOf(january).tariff.subscription?.paidUntil).toBe('2025-02-28T09:00:00+03:00');
    const renewed = historyOf(january, cmd('RenewSubscription', {}, '2025-02-28T09:00:00+03:00'));
    expect(stateOf(renewed).tariff.subscription?.paidUntil).toBe('2025-03-31T09:00:00+03:00');
  });

  it('with auto-renewal off, the period ends in a lapse', () => {
    const history = historyOf(opened(), cmd('SetAutoRenewal', { enabled: false }, DAY_2));
    given(decider, history)
      .when(cmd('RenewSubscription', {}, PAID_UNTIL))
      .then((events, state) => {
        expect(typesOf(events)).toEqual(['SubscriptionLapsed']);
        expect(state.tariff.subscription?.status).toBe('lapsed');
      });
  });

  it('while lapsed, a command that turns on a paid option is refused until a renewal, which lifts it', () => {
    const lapsed = historyOf(
      opened(),
      cmd('SetAutoRenewal', { enabled: false }, DAY_2),
      cmd('RenewSubscription', {}, PAID_UNTIL),
    );
    const later = '2025-05-22T10:00:00+03:00';
    expect(refusal(lapsed, cmd('EnableRecording', {}, later)).code).toBe('SubscriptionLapsed');
    const paid = historyOf(lapsed, cmd('RenewSubscription', { manual: true }, later));
    expect(typesOf(accepted(paid, cmd('EnableRecording', {}, later)))).toEqual(['RecordingEnabled']);
  });
});

describe('changing the tariff ("СМЕНИТЬ ТАРИФ")', () => {
  it('takes effect at once: the terms and the base storage are the new tariff’s from the change', () => {
    given(decider, opened())
      .when(cmd('ChangeTariff', { tariffId: 'business' }, DAY_2))
      .then((events, state) => {
        expect(typesOf(events)).toEqual(['TariffChanged']);
        expect(state.tariff.terms?.name).toBe('Бизнес');
        expect(state.tariff.terms?.baseStorageBytes).toBe(5 * GIB);
      });
  });

  it('is allowed while the subscription is lapsed (it is billed from the renewal)', () => {
    const lapsed = historyOf(
      opened(),
      cmd('SetAutoRenewal', { enabled: false }, DAY_2),
      cmd('RenewSubscription', {}, PAID_UNTIL),
    );
    expect(typesOf(accepted(lapsed, cmd('ChangeTariff', { tariffId: 'business' }, PAID_UNTIL)))).toEqual([
      'TariffChanged',
    ]);
  });
});

describe('the history ("ПОКАЗАТЬ ИСТОРИЮ")', () => {
  it('shows every change, newest first, with its instant in the account’s zone', () => {
    const events = staffed(
      cmd('AddMultichannelNumber', { number: MKN_2 }, DAY_2),
      cmd('SetMainMultichannelNumber', { number: MKN_2 }, DAY_2),
      cmd('RemoveNumber', { number: EMPLOYEE }, DAY_2),
    );
    const lines = historyLines(history(events), { limit: 1_000 });
    expect(lines).toHaveLength(events.length);
    expect(lines[0]?.type).toBe('NumberRemoved');
    expect(lines.at(-1)?.type).toBe('AccountOpened');
    expect(lines.at(-1)?.at).toBe('21.04.2025 10:00');
    for (const line of lines) expect(line.text.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.text.includes('+7'))).toBe(true);
  });
});
