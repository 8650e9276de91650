/**
 * Recording storage, rule by rule: the quota (the tariff's base storage + 5 GB per pack, at most
 * 9 packs at 150 ₽ a month), packs added automatically one at a time while a recording does not
 * fit, the oldest recordings evicted otherwise (recorded instant, then arrival) in one event
 * naming them all, a recording larger than the whole possible quota refused, and no quota cut
 * that would delete recordings without an explicit confirmation. Usage reads as the storage dialog.
 */
import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../src/account/events.js';
import { GIB } from '../../src/catalogue/units.js';
import { formatQuota, quotaUsage } from '../../src/index.js';
import { given } from '../../src/testing/index.js';
import {
  accepted,
  cmd,
  DAY_2,
  decider,
  historyOf,
  MIB,
  ofType,
  recording,
  refusal,
  staffed,
  stateOf,
  typesOf,
} from './support.js';

const AT = '2025-04-23T12:00:00+03:00';
/** Recording is on; the storage is «Базовый»'s 1 GB. */
const recordingOn = (...more: Parameters<typeof historyOf>) =>
  historyOf(staffed(cmd('EnableRecording', {}, DAY_2)), ...more);
/** `n` packs added by hand. */
const packs = (n: number) => Array.from({ length: n }, () => cmd('AddStoragePack', {}, DAY_2));
const quotaOf = (events: readonly AccountEvent[]) => {
  const state = stateOf(events);
  return (
    (state.tariff.terms?.baseStorageBytes ?? 0) + state.storage.packs.reduce((s, p) => s + p.sizeBytes, 0)
  );
};

describe('the quota: base storage + 5 GB per pack, at most 9 packs at 150 ₽ a month', () => {
  it('«Базовый» with one pack holds 6 GB; a pack carries its size and its price', () => {
    given(decider, recordingOn())
      .when(cmd('AddStoragePack', {}, DAY_2))
      .then((events, state) => {
        expect(ofType(events, 'StoragePackAdded')[0]?.data).toEqual({
          packs: 1,
          sizeBytes: 5 * GIB,
          monthlyFee: 15_000,
          reason: 'manual',
        });
        expect(state.storage.packs).toHaveLength(1);
      });
    expect(quotaOf(recordingOn(...packs(1)))).toBe(6 * GIB);
  });

  it('a tenth pack is refused', () => {
    const nine = recordingOn(...packs(9));
    expect(quotaOf(nine)).toBe(46 * GIB);
    const error = refusal(nine, cmd('AddStoragePack', {}, DAY_2));
    expect(error.code).toBe('StoragePackLimitReached');
    expect(error.details).toMatchObject({ maxPacks: 9 });
  });

  it('packs can be removed at any time (empty storage: nothing to confirm)', () => {
    given(decider, recordingOn(...packs(2)))
      .when(cmd('RemoveStoragePack', {}, DAY_2))
      .then((events, state) => {
        expect(typesOf(events)).toEqual(['StoragePackRemoved']);
        expect(state.storage.packs).toHaveLength(1);
      });
  });
});

describe('auto-adding packs when storage fills', () => {
  it('adds one 5 GB pack at a time while the recording does not fit, then stores it', () => {
    // 900 MB held of 1 GB; an 8 GB recording needs 7.9 GB more: two packs (11 GB), one event each.
    const history = recordingOn(
      cmd('SetAutoAddPacks', { enabled: true }, DAY_2),
      recording('r-1', 900 * MIB, DAY_2),
    );
    given(decider, history)
      .when(recording('r-2', 8 * GIB, AT))
      .then((events, state) => {
        expect(typesOf(events)).toEqual(['StoragePackAdded', 'StoragePackAdded', 'RecordingStored']);
        expect(ofType(events, 'StoragePackAdded').map((e) => [e.data.packs, e.data.reason])).toEqual([
          [1, 'auto'],
          [2, 'auto'],
        ]);
        expect(state.storage.usedBytes).toBe(900 * MIB + 8 * GIB);
      });
  });

  it('adds nothing when the recording fits', () => {
    const history = recordingOn(cmd('SetAutoAddPacks', { enabled: true }, DAY_2));
    expect(typesOf(accepted(history, recording('r-1', 100 * MIB, AT)))).toEqual(['RecordingStored']);
  });

  it('with one pack left to add, it is added, then the oldest recordings make the rest of the room', () => {
    // 8 packs: 41 GB, 40 GB held. A 7 GB recording: the 9th pack (46 GB) is not enough for 47 GB,
    // so the oldest (r-old, 30 GB) goes: 10 + 7 = 17 GB held.
    const history = recordingOn(
      cmd('SetAutoAddPacks', { enabled: true }, DAY_2),
      ...packs(8),
      recording('r-old', 30 * GIB, '2025-04-22T13:00:00+03:00'),
      recording('r-new', 10 * GIB, '2025-04-22T14:00:00+03:00'),
    );
    given(decider, history)
      .when(recording('r-3', 7 * GIB, AT))
      .then((events, state) => {
        expect(typesOf(events)).toEqual(['StoragePackAdded', 'RecordingsEvicted', 'RecordingStored']);
        expect(ofType(events, 'RecordingsEvicted')[0]?.data.recordings.map((r) => r.recordingId)).toEqual([
          'r-old',
        ]);
        expect(state.storage.packs).toHaveLength(9);
        expect(state.storage.usedBytes).toBe(17 * GIB);
      });
  });

  it('at 9 packs, the oldest recordings are evicted instead', () => {
    const full = recordingOn(
      cmd('SetAutoAddPacks', { enabled: true }, DAY_2),
      ...packs(9),
      recording('r-old', 40 * GIB, '2025-04-22T13:00:00+03:00'),
      recording('r-new', 5 * GIB, '2025-04-22T14:00:00+03:00'),
    );
    given(decider, full)
      .when(recording('r-3', 2 * GIB, AT))
      .then((events) => {
        expect(typesOf(events)).toEqual(['RecordingsEvicted', 'RecordingStored']);
        expect(ofType(events, 'RecordingsEvicted')[0]?.data.recordings).toEqual([
          { recordingId: 'r-old', sizeBytes: 40 * GIB },
        ]);
      });
  });
});

describe('without auto-add, the oldest recordings make room', () => {
  // Reported in another order than recorded: eviction goes by the recorded instant, then arrival.
  const filled = () =>
    recordingOn(
      recording('r-b', 300 * MIB, '2025-04-22T13:00:00+03:00', AT),
      recording('r-a', 300 * MIB, '2025-04-22T12:30:00+03:00', AT),
      recording('r-c', 300 * MIB, '2025-04-22T13:00:00+03:00', AT),
      recording('r-d', 100 * MIB, '2025-04-22T14:00:00+03:00', AT),
    );

  it('evicts by recorded instant, then by arrival, in one event naming them all, before storing', () => {
    // 1000 MB held of 1024 MB; 700 MB more need 676 MB freed: r-a, then r-b (same instant as
    // r-c, arrived first), then r-c.
    given(decider, filled())
      .when(recording('r-e', 700 * MIB, AT))
      .then((events, state) => {
        expect(typesOf(events)).toEqual(['RecordingsEvicted', 'RecordingStored']);
        expect(ofType(events, 'RecordingsEvicted')[0]?.data).toEqual({
          reason: 'space-needed',
          recordings: [
            { recordingId: 'r-a', sizeBytes: 300 * MIB },
            { recordingId: 'r-b', sizeBytes: 300 * MIB },
            { recordingId: 'r-c', sizeBytes: 300 * MIB },
          ],
          bytesFreed: 900 * MIB,
          forRecordingId: 'r-e',
        });
        expect(state.storage.usedBytes).toBe(800 * MIB);
      });
  });

  it('evicts nothing more than needed', () => {
    given(decider, filled())
      .when(recording('r-e', 100 * MIB, AT))
      .then((events) => {
        expect(ofType(events, 'RecordingsEvicted')[0]?.data.recordings.map((r) => r.recordingId)).toEqual([
          'r-a',
        ]);
      });
  });
});

describe('a recording larger than the whole possible quota', () => {
  it('is refused, naming the size and the largest quota (base + 9 packs = 46 GB)', () => {
    const history = recordingOn(cmd('SetAutoAddPacks', { enabled: true }, DAY_2));
    const error = refusal(history, recording('r-huge', 46 * GIB + 1, AT));
    expect(error.code).toBe('RecordingTooLarge');
    expect(error.details).toMatchObject({
      field: 'data.sizeBytes',
      sizeBytes: 46 * GIB + 1,
      maxQuotaBytes: 46 * GIB,
    });
  });

  it('exactly the whole possible quota fits, with every pack added', () => {
    const history = recordingOn(cmd('SetAutoAddPacks', { enabled: true }, DAY_2));
    const events = accepted(history, recording('r-all', 46 * GIB, AT));
    expect(ofType(events, 'StoragePackAdded')).toHaveLength(9);
    expect(ofType(events, 'RecordingStored')).toHaveLength(1);
  });
});

describe('cutting the quota below usage needs an explicit confirmation', () => {
  // 1 pack (6 GB), 5.5 GB held in 3 recordings.
  const held = () =>
    recordingOn(
      ...packs(1),
      recording('r-1', 2 * GIB, '2025-04-22T13:00:00+03:00', AT),
      recording('r-2', 2 * GIB, '2025-04-22T14:00:00+03:00', AT),
      recording('r-3', 1.5 * GIB, '2025-04-22T15:00:00+03:00', AT),
    );

  it('removing a pack is refused with the count and bytes it would evict; nothing changes', () => {
    const error = refusal(held(), cmd('RemoveStoragePack', {}, AT));
    expect(error.code).toBe('WouldEvictRecordings');
    expect(error.details).toMatchObject({ count: 3, bytes: 5.5 * GIB, field: 'data.confirmEviction' });
  });

  it('confirmed, the evicted recordings are named in one event before the pack goes', () => {
    given(decider, held())
      .when(cmd('RemoveStoragePack', { confirmEviction: true }, AT))
      .then((events, state) => {
        expect(typesOf(events).slice(0, 2)).toEqual(['RecordingsEvicted', 'StoragePackRemoved']);
        expect(ofType(events, 'RecordingsEvicted')[0]?.data).toMatchObject({
          reason: 'quota-reduced',
          bytesFreed: 5.5 * GIB,
        });
        expect(state.storage.usedBytes).toBe(0);
      });
  });

  it('a tariff with less base storage is refused the same way unless confirmed', () => {
    const onBusiness = historyOf(
      staffed(cmd('ChangeTariff', { tariffId: 'business' }, DAY_2), cmd('EnableRecording', {}, DAY_2)),
      recording('r-1', 3 * GIB, '2025-04-22T13:00:00+03:00', AT),
      recording('r-2', 1 * GIB, '2025-04-22T14:00:00+03:00', AT),
    );
    const error = refusal(onBusiness, cmd('ChangeTariff', { tariffId: 'basic' }, AT));
    expect(error.code).toBe('WouldEvictRecordings');
    expect(error.details).toMatchObject({ count: 1, bytes: 3 * GIB });
    const events = accepted(
      onBusiness,
      cmd('ChangeTariff', { tariffId: 'basic', confirmEviction: true }, AT),
    );
    expect(typesOf(events).slice(0, 2)).toEqual(['RecordingsEvicted', 'TariffChanged']);
  });
});

describe('usage as the storage dialog shows it', () => {
  it('«Объем: 6.0 ГБ», 1 pack, 150 ₽ a month, then free space per part: base first, then each pack', () => {
    // 0.92 GB held: the base part has 0.08 GB free, the pack all of its 5 GB.
    const events = recordingOn(...packs(1), recording('r-1', Math.round(0.92 * GIB), AT));
    const text = formatQuota(quotaUsage(events));
    expect(text.volume).toBe('Объем: 6.0 ГБ');
    expect(text.packs).toBe('Подключено пакетов: 1');
    expect(text.monthlyCharge).toMatch(/^Плата в месяц: 150(,00)? ₽$/);
    expect(text.parts).toEqual(['свободно 0.08 из 1 ГБ', 'свободно 5.00 из 5.00 ГБ']);
  });

  it('a recording fills the base part first, then the packs in order', () => {
    const events = recordingOn(...packs(2), recording('r-1', 3 * GIB, AT));
    expect(formatQuota(quotaUsage(events)).parts).toEqual([
      'свободно 0.00 из 1 ГБ',
      'свободно 3.00 из 5.00 ГБ',
      'свободно 5.00 из 5.00 ГБ',
    ]);
  });
});
