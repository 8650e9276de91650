import { describe, expect, it } from 'vitest';
import { createAccountDecider as createAccountDeciderWith } from '../../src/account/decider.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { GIB, roubles } from '../../src/catalogue/units.js';
import { given } from '../../src/testing/index.js';
import { decider, detailsOf, evt, expectMalformed, historyOf, OPENED_AT, openAccount } from './fixtures.js';

const basicTerms = {
  tariffId: 'basic',
  name: 'Базовый',
  monthlyFee: roubles(1500),
  includedEmployees: 10,
  includedMultichannelNumbers: 1,
  extraEmployeeFee: roubles(40),
  baseStorageBytes: 1 * GIB,
};

describe('OpenAccount', () => {
  it('opens on «Базовый» in Moscow, paid for one calendar month, auto-renewal on, with the terms in effect', () => {
    const open = openAccount();
    given(decider, [])
      .when(open)
      .then([
        evt(
          'AccountOpened',
          {
            accountId: 'acc-1',
            tariff: basicTerms,
            timeZone: 'Europe/Moscow',
            openedAt: OPENED_AT,
            periodStart: OPENED_AT,
            paidUntil: '2025-05-21T10:00:00+03:00',
            autoRenewal: true,
          },
          open,
        ),
      ]);
  });

  it('folds into the tariff slice: terms, zone and an active subscription', () => {
    const state = given(decider, historyOf(openAccount('business', OPENED_AT, { autoRenewal: false }))).state;
    expect(state.tariff.accountId).toBe('acc-1');
    expect(state.tariff.openedAt).toBe(OPENED_AT);
    expect(state.tariff.terms?.baseStorageBytes).toBe(5 * GIB);
    expect(state.tariff.terms?.monthlyFee).toBe(defaultCatalogue.tariffs.business?.monthlyFee);
    expect(state.tariff.subscription).toEqual({
      anchor: OPENED_AT,
      periodStart: OPENED_AT,
      periodStartMs: Date.parse(OPENED_AT),
      previousPeriodStart: null,
      previousPeriodStartMs: 0,
      paidUntil: '2025-05-21T10:00:00+03:00',
      paidUntilMs: Date.parse('2025-05-21T10:00:00+03:00'),
      autoRenewal: false,
      status: 'active',
    });
    expect(state.timeline.latestAt).toBe(OPENED_AT);
  });

  it('computes the first period in the account time zone (an instant given in UTC)', () => {
    const open = openAccount('basic', '2025-01-31T22:30:00Z', { timeZone: 'Europe/Berlin' });
    given(decider, [])
      .when(open)
      .then((events) => {
        const data = events[0]?.type === 'AccountOpened' ? events[0].data : undefined;
        // 23:30 on Jan 31 in Berlin: one month later is Feb 28, 23:30 local.
        expect(data?.paidUntil).toBe('2025-02-28T23:30:00+01:00');
        expect(data?.timeZone).toBe('Europe/Berlin');
      });
  });

  it('carries the price in effect: a replaced catalogue changes new accounts only', () => {
    const { tariffId: _id, ...basic } = { ...basicTerms, monthlyFee: roubles(1700) };
    const expensive = createAccountDeciderWith({
      ...defaultCatalogue,
      tariffs: { ...defaultCatalogue.tariffs, basic },
    });
    given(expensive, [])
      .when(openAccount())
      .then((events) => {
        expect(events[0]?.type === 'AccountOpened' && events[0].data.tariff.monthlyFee).toBe(roubles(1700));
      });
  });

  it('refuses opening twice: AccountAlreadyOpened', () => {
    given(decider, historyOf(openAccount()))
      .when(openAccount('business'))
      .thenError('AccountAlreadyOpened', (error) => expect(detailsOf(error).accountId).toBe('acc-1'));
  });

  it('refuses a tariff the catalogue does not have: UnknownTariff naming data.tariffId', () => {
    given(decider, [])
      .when(openAccount('platinum'))
      .thenError('UnknownTariff', (error) => {
        expect(detailsOf(error).field).toBe('data.tariffId');
        expect(detailsOf(error).tariffId).toBe('platinum');
        expect(error.message).toContain('platinum');
      });
    // An inherited property of a plain object is not a tariff either.
    given(decider, []).when(openAccount('constructor')).thenError('UnknownTariff');
  });

  it('refuses malformed payloads naming the field', () => {
    expectMalformed('OpenAccount', { tariffId: 5 }, 'data.tariffId');
    expectMalformed('OpenAccount', { tariffId: 'basic', timeZone: 'Mars/Olympus' }, 'data.timeZone');
    expectMalformed('OpenAccount', { tariffId: 'basic', autoRenewal: 'yes' }, 'data.autoRenewal');
    expectMalformed('OpenAccount', { tariffId: 'basic', tarif: 'x' }, 'data.tarif');
  });
});
