import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { reject } from '../../src/account/decision.js';
import {
  type AccountDomainError,
  type AccountErrorCode,
  type AccountErrorDetails,
  accountError,
  accountErrorCodes,
  isAccountErrorCode,
} from '../../src/account/errors.js';
import { cmd, decider, opened } from '../calls/fixtures.js';

/** The details of an error, read through a `switch` as a consuming service would write it. */
const figureOf = (error: AccountDomainError): number | string => {
  switch (error.code) {
    case 'StoragePackLimitReached':
      return error.details.maxPacks;
    case 'InstantOutOfOrder':
      return error.details.latest;
    case 'SubscriptionLapsed':
      return error.details.paidUntil;
    case 'FreeSmsPackageUsed':
      return error.details.periodEnd;
    default:
      return error.code;
  }
};

describe('the table of account error codes', () => {
  it('lists every code once, and only codes of the table pass isAccountErrorCode', () => {
    expect(new Set(accountErrorCodes).size).toBe(accountErrorCodes.length);
    for (const code of [
      'InstantOutOfOrder',
      'SubscriptionLapsed',
      'FreeSmsPackageUsed',
      'MultichannelNumberIsMain',
      'LastMultichannelNumber',
      'InstantAfterCommand',
      'InstantBeforeOpening',
      'StoragePackLimitReached',
    ]) {
      expect(isAccountErrorCode(code)).toBe(true);
    }
    expect(isAccountErrorCode('StoragePackLimitReachd')).toBe(false);
    expect(isAccountErrorCode('toString')).toBe(false);
  });

  it('narrowing on code types the details (read here as a service would)', () => {
    const error = accountError('StoragePackLimitReached', 'at most 9', { maxPacks: 9, packs: 9 });
    expect(figureOf(error)).toBe(9);
    const lapsed = accountError('SubscriptionLapsed', 'not paid', {
      paidUntil: '2025-05-21T10:00:00+03:00',
      at: '2025-05-22T10:00:00+03:00',
    });
    expect(figureOf(lapsed)).toBe('2025-05-21T10:00:00+03:00');
    expectTypeOf<AccountDomainError['code']>().toEqualTypeOf<AccountErrorCode>();
    expectTypeOf<Extract<AccountDomainError, { code: 'InstantOutOfOrder' }>['details']>().toEqualTypeOf<
      AccountErrorDetails['InstantOutOfOrder']
    >();
    expectTypeOf<AccountErrorDetails['FreeSmsPackageUsed']>().toHaveProperty('periodStart');
  });

  it('a refusal from the decider is typed by the table', () => {
    const result = decider.decide(cmd('AddStoragePack', {}), decider.fold(opened()));
    expect(isLeft(result)).toBe(false);
    const refused = decider.decide(cmd('ChangeTariff', { tariffId: 'basic' }), decider.fold(opened()));
    if (!isLeft(refused)) throw new Error('expected a refusal');
    expectTypeOf(refused.left).toEqualTypeOf<AccountDomainError>();
    if (refused.left.code === 'TariffUnchanged') expect(refused.left.details.tariffId).toBe('basic');
    else throw new Error(`unexpected ${refused.left.code}`);
  });

  it('a misspelt code or details of the wrong shape do not compile', () => {
    // @ts-expect-error: no such code
    const misspelt = accountError('StoragePackLimitReachd', 'typo', { maxPacks: 9, packs: 9 });
    // @ts-expect-error: details of another code
    const wrongDetails = accountError('StoragePackLimitReached', 'wrong', { field: 'data.size' });
    // @ts-expect-error: reject is typed by the same table
    const rejected = reject('NoSuchCode', 'typo', {});
    // @ts-expect-error: a missing detail
    const missing = reject('InstantOutOfOrder', 'late', { field: 'metadata.at', at: '2025-01-01T00:00:00Z' });
    expect([misspelt.code, wrongDetails.code, isLeft(rejected), isLeft(missing)]).toEqual([
      'StoragePackLimitReachd',
      'StoragePackLimitReached',
      true,
      true,
    ]);
  });
});
