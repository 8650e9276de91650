/**
 * The examples of docs/testing.md: how a service tests its use of the library with
 * `pbx-options/testing` (given / when / then). This file runs in the suite, so the guide cannot rot.
 */
// #region decider
import { describe, expect, it } from 'vitest';
import { type AccountEvent, createAccountDecider, formatQuota, quotaUsage } from '../../src/index.js';
import { given, givenEvents } from '../../src/testing/index.js';

const decider = createAccountDecider(); // or with your catalogue: createAccountDecider(myCatalogue)
const meta = { commandId: 'c-1', accountId: 'acme', at: '2025-04-21T10:00:00+03:00', actor: 'admin' };
const event = { at: meta.at, commandId: meta.commandId, actor: meta.actor };

const opened = decider.decide(
  { type: 'OpenAccount', data: { tariffId: 'basic' }, metadata: meta },
  decider.initialState,
);
const history: AccountEvent[] = opened._tag === 'Right' ? [...opened.right] : [];

describe('storage packs', () => {
  it('adds a 5 GB pack at the catalogue price', () => {
    given(decider, history)
      .when({ type: 'AddStoragePack', data: {}, metadata: meta })
      .then([
        {
          type: 'StoragePackAdded',
          data: { packs: 1, sizeBytes: 5 * 1024 ** 3, monthlyFee: 15_000, reason: 'manual' },
          metadata: event,
        },
      ]);
  });

  it('refuses a tenth pack', () => {
    const nine = Array.from(
      { length: 9 },
      (_, i): AccountEvent => ({
        type: 'StoragePackAdded',
        data: { packs: i + 1, sizeBytes: 5 * 1024 ** 3, monthlyFee: 15_000, reason: 'manual' },
        metadata: event,
      }),
    );
    given(decider, [...history, ...nine])
      .when({ type: 'AddStoragePack', data: {}, metadata: meta })
      .thenError('StoragePackLimitReached', (error) => expect(error.message).toContain('9'));
  });

  it('changes nothing when auto-add is already on', () => {
    const on: AccountEvent = { type: 'AutoAddPacksSet', data: { enabled: true }, metadata: event };
    given(decider, [...history, on])
      .when({ type: 'SetAutoAddPacks', data: { enabled: true }, metadata: meta })
      .thenNothing();
  });
});
// #endregion decider

// #region projection
describe('the storage dialog', () => {
  it('shows the base part and a pack', () => {
    const pack: AccountEvent = {
      type: 'StoragePackAdded',
      data: { packs: 1, sizeBytes: 5 * 1024 ** 3, monthlyFee: 15_000, reason: 'manual' },
      metadata: event,
    };
    givenEvents(quotaUsage, [...history, pack]).then((view) => {
      expect(formatQuota(view)).toEqual({
        volume: 'Объем: 6.0 ГБ',
        packs: 'Подключено пакетов: 1',
        monthlyCharge: 'Плата в месяц: 150 ₽',
        parts: ['свободно 1.00 из 1 ГБ', 'свободно 5.00 из 5.00 ГБ'],
      });
    });
  });
});
// #endregion projection
