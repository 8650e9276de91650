import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../src/account/events.js';
import { GIB, roubles } from '../../src/catalogue/units.js';
import { given } from '../../src/testing/index.js';
import { cmd, decider, detailsOf, evt, expectMalformed, historyOf, openAccount } from './fixtures.js';

const HALF = GIB / 2;
const basicTerms = {
  tariffId: 'basic',
  name: 'Базовый',
  monthlyFee: roubles(1500),
  includedEmployees: 10,
  includedMultichannelNumbers: 1,
  extraEmployeeFee: roubles(40),
  baseStorageBytes: GIB,
};

// Metadata for events given directly (storage's own commands are tested by its owner).
const telephony = cmd('SetAutoAddPacks', { enabled: false });
const stored = (recordingId: string, recordedAt: string): AccountEvent =>
  evt(
    'RecordingStored',
    {
      recordingId,
      callId: `call-${recordingId}`,
      source: { kind: 'multichannel', number: '+74950000000' },
      sizeBytes: HALF,
      durationSeconds: 60,
      recordedAt,
    },
    telephony,
  );
const pinned = (recordingId: string): AccountEvent => evt('RecordingPinned', { recordingId }, telephony);

/** «Корпоративный» (10 GB) holding 2 GB: r2 is the oldest recorded though it arrived second. */
const corporateWithRecordings = (...extra: AccountEvent[]): AccountEvent[] => [
  ...historyOf(openAccount('corporate')),
  stored('r1', '2025-04-22T10:00:00+03:00'),
  stored('r2', '2025-04-20T10:00:00+03:00'),
  stored('r3', '2025-04-23T10:00:00+03:00'),
  stored('r4', '2025-04-24T10:00:00+03:00'),
  ...extra,
];

describe('ChangeTariff', () => {
  it('changes at once and carries the new terms in effect', () => {
    const change = cmd('ChangeTariff', { tariffId: 'basic' }, '2025-04-25T12:00:00+03:00');
    given(decider, historyOf(openAccount('business')))
      .when(change)
      .then((events, state) => {
        expect(events).toEqual([
          evt('TariffChanged', { previousTariffId: 'business', tariff: basicTerms }, change),
        ]);
        expect(state.tariff.terms).toEqual(basicTerms);
      });
  });

  it('refuses an unknown tariff (UnknownTariff naming data.tariffId) and the current one (TariffUnchanged)', () => {
    given(decider, historyOf(openAccount()))
      .when(cmd('ChangeTariff', { tariffId: 'gold' }))
      .thenError('UnknownTariff', (error) => expect(detailsOf(error).field).toBe('data.tariffId'));
    given(decider, historyOf(openAccount()))
      .when(cmd('ChangeTariff', { tariffId: 'basic' }))
      .thenError('TariffUnchanged', (error) => expect(detailsOf(error).tariffId).toBe('basic'));
  });

  it('less base storage below usage: refused with the count and bytes it would evict', () => {
    given(decider, corporateWithRecordings())
      .when(cmd('ChangeTariff', { tariffId: 'basic' }))
      .thenError('WouldEvictRecordings', (error) => {
        expect(detailsOf(error)).toMatchObject({ count: 2, bytes: GIB, quotaBytes: GIB });
      });
  });

  it('with confirmation: the oldest recordings are evicted in one event before the change, then the 90 % alert', () => {
    const change = cmd('ChangeTariff', { tariffId: 'basic', confirmEviction: true });
    given(decider, corporateWithRecordings())
      .when(change)
      .then((events, state) => {
        expect(events).toEqual([
          evt(
            'RecordingsEvicted',
            {
              reason: 'quota-reduced',
              recordings: [
                { recordingId: 'r2', sizeBytes: HALF },
                { recordingId: 'r1', sizeBytes: HALF },
              ],
              bytesFreed: GIB,
              forRecordingId: null,
            },
            change,
          ),
          evt('TariffChanged', { previousTariffId: 'corporate', tariff: basicTerms }, change),
          evt('StorageAlmostFull', { usedBytes: GIB, quotaBytes: GIB }, change),
        ]);
        expect(state.storage.usedBytes).toBe(GIB);
      });
  });

  it('pinned recordings are never evicted: the next oldest go instead', () => {
    given(decider, corporateWithRecordings(pinned('r2')))
      .when(cmd('ChangeTariff', { tariffId: 'basic', confirmEviction: true }))
      .then((events) => {
        const evicted = events[0]?.type === 'RecordingsEvicted' ? events[0].data.recordings : [];
        expect(evicted.map((r) => r.recordingId)).toEqual(['r1', 'r3']);
      });
  });

  it('refuses when pinned recordings alone exceed the new quota: StorageFullOfPinnedRecordings', () => {
    given(decider, corporateWithRecordings(pinned('r1'), pinned('r2'), pinned('r3')))
      .when(cmd('ChangeTariff', { tariffId: 'basic', confirmEviction: true }))
      .thenError('StorageFullOfPinnedRecordings', (error) => {
        expect(detailsOf(error)).toMatchObject({
          quotaBytes: GIB,
          usedBytes: 2 * GIB,
          pinnedBytes: 3 * HALF,
        });
      });
  });

  it('counts connected packs in the new quota: no eviction when base + packs still hold the usage', () => {
    const pack = evt(
      'StoragePackAdded',
      { packs: 1, sizeBytes: 5 * GIB, monthlyFee: roubles(150), reason: 'manual' },
      telephony,
    );
    const change = cmd('ChangeTariff', { tariffId: 'basic' });
    given(decider, corporateWithRecordings(pack))
      .when(change)
      .then([evt('TariffChanged', { previousTariffId: 'corporate', tariff: basicTerms }, change)]);
  });

  it('refuses malformed payloads naming the field', () => {
    expectMalformed('ChangeTariff', {}, 'data.tariffId');
    expectMalformed('ChangeTariff', { tariffId: 'basic', confirmEviction: false }, 'data.confirmEviction');
  });
});
