/**
 * Storage at its edges: a recording of exactly the quota, one byte more, pinned recordings that
 * leave exactly room, auto-add when the recording just fits, exactly 90 %, a tariff change that
 * exactly fits, the 90 % alert re-armed by a manual pack or a deletion, and evolutions that must
 * stay consistent for any log (a pinned recording released, legal hold taken off twice).
 */
import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../src/account/events.js';
import { getEntry } from '../../src/kernel/collections/chunked-map.js';
import { planEviction } from '../../src/storage/eviction.js';
import { accepted, cmd, ev, GIB, MIB, MKN, opened, refused, stateOf, typesOf, USER } from './support.js';

const PACK = 5 * GIB;
const recordingOn = (options: { tariffId?: string } = {}): AccountEvent[] => [
  opened(options),
  ev('MultichannelNumberAdded', { number: MKN, main: true, extraMonthlyFee: 0 }),
  ev('RecordingEnabled', { notice: true, liabilityAcknowledged: false, monthlyFee: 70000 }),
];
const autoAdd = ev('AutoAddPacksSet', { enabled: true });
const source = { kind: 'multichannel' as const, number: MKN };
const stored = (recordingId: string, sizeBytes: number, recordedAt = '2025-02-01T09:00:00+03:00') =>
  ev('RecordingStored', {
    recordingId,
    callId: `call-${recordingId}`,
    source,
    sizeBytes,
    durationSeconds: 60,
    recordedAt,
  });
const store = (recordingId: string, sizeBytes: number) =>
  cmd('StoreRecording', {
    recordingId,
    callId: `call-${recordingId}`,
    source,
    sizeBytes,
    durationSeconds: 60,
    recordedAt: '2025-02-01T09:30:00+03:00',
  });

describe('storing at the edges of the quota', () => {
  it('stores a recording of exactly the quota, and refuses one byte more', () => {
    expect(typesOf(accepted(recordingOn(), store('r-1', GIB)))).toEqual([
      'RecordingStored',
      'StorageAlmostFull',
    ]);
    const tooLarge = refused(recordingOn(), store('r-1', GIB + 1));
    expect(tooLarge).toMatchObject({
      code: 'RecordingTooLarge',
      details: { reachableQuotaBytes: GIB, maxQuotaBytes: GIB + 9 * PACK },
    });
    expect(tooLarge.message).toContain(String(GIB + 1));
  });

  it('reaches every pack with auto-add, and no further', () => {
    const events = accepted([...recordingOn(), autoAdd], store('r-1', GIB + 9 * PACK));
    expect(typesOf(events)).toEqual([
      ...Array(9).fill('StoragePackAdded'),
      'RecordingStored',
      'StorageAlmostFull',
    ]);
    expect(refused([...recordingOn(), autoAdd], store('r-1', GIB + 9 * PACK + 1)).code).toBe(
      'RecordingTooLarge',
    );
  });

  it('adds no pack for a recording that just fits', () => {
    expect(typesOf(accepted([...recordingOn(), autoAdd], store('r-1', GIB)))).toEqual([
      'RecordingStored',
      'StorageAlmostFull',
    ]);
    expect(typesOf(accepted([...recordingOn(), autoAdd, stored('r-0', GIB - 1)], store('r-1', 1)))).toEqual([
      'RecordingStored',
      'StorageAlmostFull',
    ]);
    expect(typesOf(accepted([...recordingOn(), autoAdd, stored('r-0', GIB)], store('r-1', 1)))).toEqual([
      'StoragePackAdded',
      'RecordingStored',
    ]);
  });

  it('refuses what pinned recordings leave no room for, and stores what exactly fits beside them', () => {
    const pinned = [
      ...recordingOn(),
      stored('r-0', 600 * MIB),
      ev('RecordingPinned', { recordingId: 'r-0' }),
    ];
    const full = refused(pinned, store('r-1', 424 * MIB + 1));
    expect(full).toMatchObject({
      code: 'StorageFullOfPinnedRecordings',
      details: { field: 'data.sizeBytes', pinnedBytes: 600 * MIB },
    });
    expect(typesOf(accepted(pinned, store('r-1', 424 * MIB)))).toEqual([
      'RecordingStored',
      'StorageAlmostFull',
    ]);
  });

  it('raises the alert at exactly 90 % of a quota that divides by ten', () => {
    const round = ev('AccountOpened', {
      accountId: 'acc-1',
      tariff: {
        tariffId: 'round',
        name: 'Round',
        monthlyFee: 0,
        includedEmployees: 0,
        includedMultichannelNumbers: 1,
        extraEmployeeFee: 0,
        baseStorageBytes: 1_000_000_000,
      },
      timeZone: 'Europe/Moscow',
      openedAt: '2025-01-31T09:00:00+03:00',
      periodStart: '2025-01-31T09:00:00+03:00',
      paidUntil: '2025-02-28T09:00:00+03:00',
      autoRenewal: true,
    });
    const history = [round, ...recordingOn().slice(1)];
    expect(typesOf(accepted(history, store('r-1', 900_000_000)))).toEqual([
      'RecordingStored',
      'StorageAlmostFull',
    ]);
    expect(typesOf(accepted(history, store('r-1', 899_999_999)))).toEqual(['RecordingStored']);
  });

  it('raises the alert from exactly 90 % of the quota', () => {
    const ninety = Math.ceil((GIB * 9) / 10);
    expect(typesOf(accepted(recordingOn(), store('r-1', ninety)))).toEqual([
      'RecordingStored',
      'StorageAlmostFull',
    ]);
    expect(typesOf(accepted(recordingOn(), store('r-1', ninety - 1)))).toEqual(['RecordingStored']);
  });

  it('changes to a tariff whose storage exactly holds what is used, without confirmation', () => {
    const business = [...recordingOn({ tariffId: 'business' }), stored('r-1', GIB)];
    expect(typesOf(accepted(business, cmd('ChangeTariff', { tariffId: 'basic' })))).toEqual([
      'TariffChanged',
      'StorageAlmostFull',
    ]);
    const over = [...business, stored('r-2', 1)];
    const error = refused(over, cmd('ChangeTariff', { tariffId: 'basic' }));
    expect(error).toMatchObject({
      code: 'WouldEvictRecordings',
      details: { count: 1, bytes: GIB, field: 'data.confirmEviction' },
    });
    expect(error.message).toContain('1 recording');
    expect(error.message).toContain(String(GIB));
  });

  it('names the field to blame when the source cannot record', () => {
    const off = [opened(), ev('MultichannelNumberAdded', { number: MKN, main: true, extraMonthlyFee: 0 })];
    expect(refused(off, store('r-1', 1))).toMatchObject({
      code: 'RecordingNotEnabled',
      details: { field: 'data.source' },
    });
    const unknown = cmd('StoreRecording', {
      recordingId: 'r-1',
      callId: 'c',
      source: { kind: 'multichannel', number: '+74957654321' },
      sizeBytes: 1,
      durationSeconds: 1,
      recordedAt: '2025-02-01T09:30:00+03:00',
    });
    expect(refused(recordingOn(), unknown)).toMatchObject({
      code: 'UnknownMultichannelNumber',
      details: { field: 'data.source.number', number: '+74957654321' },
    });
    const user = (number: string) =>
      cmd('StoreRecording', {
        recordingId: 'r-1',
        callId: 'c',
        source: { kind: 'user', number },
        sizeBytes: 1,
        durationSeconds: 1,
        recordedAt: '2025-02-01T09:30:00+03:00',
      });
    expect(refused(recordingOn(), user(USER))).toMatchObject({
      code: 'UnknownNumber',
      details: { field: 'data.source.number', number: USER },
    });
    const plain = [
      ...recordingOn(),
      ev('NumberAdded', { number: USER, kind: 'regular', fullName: 'Иван', department: '' }),
    ];
    expect(refused(plain, user(USER))).toMatchObject({
      code: 'RecordingNotEnabledForNumber',
      details: { field: 'data.source.number', number: USER },
    });
    const pinned = [...recordingOn(), stored('r-0', 1), ev('RecordingPinned', { recordingId: 'r-0' })];
    expect(refused(pinned, cmd('DeleteRecording', { recordingId: 'r-0' }))).toMatchObject({
      code: 'RecordingPinned',
      details: { field: 'data.recordingId', recordingId: 'r-0' },
    });
  });
});

describe('the 90 % alert and the evolutions', () => {
  const alerted = [
    ...recordingOn(),
    stored('r-1', 500 * MIB),
    stored('r-2', 450 * MIB),
    ev('StorageAlmostFull', { usedBytes: 950 * MIB, quotaBytes: GIB }),
  ];
  const pack = (reason: 'manual' | 'auto') =>
    ev('StoragePackAdded', { packs: 1, sizeBytes: PACK, monthlyFee: 15000, reason });

  it('re-arms after a manual pack or a deletion that takes usage below 90 %, not after an automatic pack', () => {
    expect(stateOf(alerted).storage.almostFull).toBe(true);
    expect(stateOf([...alerted, pack('manual')]).storage.almostFull).toBe(false);
    expect(stateOf([...alerted, pack('auto')]).storage.almostFull).toBe(true);
    expect(
      stateOf([...alerted, ev('RecordingDeleted', { recordingId: 'r-2', sizeBytes: 450 * MIB })]).storage
        .almostFull,
    ).toBe(false);
    const stillFull = [
      ...alerted,
      stored('r-3', 10 * MIB),
      ev('RecordingDeleted', { recordingId: 'r-3', sizeBytes: 10 * MIB }),
    ];
    expect(stateOf(stillFull).storage.almostFull).toBe(true);
  });

  it('releases a pinned recording whatever the log says, and counts its bytes out', () => {
    const state = stateOf([
      ...recordingOn(),
      stored('r-1', 100),
      ev('RecordingPinned', { recordingId: 'r-1' }),
      ev('RecordingDeleted', { recordingId: 'r-1', sizeBytes: 100 }),
    ]);
    expect(state.storage).toMatchObject({ usedBytes: 0, pinnedBytes: 0 });
    const restored = stateOf([
      ...recordingOn(),
      stored('r-1', 100),
      ev('RecordingPinned', { recordingId: 'r-1' }),
      stored('r-1', 70),
    ]);
    expect(restored.storage).toMatchObject({ usedBytes: 70, pinnedBytes: 0 });
  });

  it('ignores holds on unknown or not-held recordings, and queues a recording once however often it is pinned', () => {
    const log = [
      ...recordingOn(),
      stored('r-1', 100, '2025-02-01T08:00:00+03:00'),
      stored('r-2', 200, '2025-02-01T09:00:00+03:00'),
      ev('RecordingUnpinned', { recordingId: 'r-x' }),
      ev('RecordingPinned', { recordingId: 'r-x' }),
      ev('RecordingUnpinned', { recordingId: 'r-2' }),
      ev('RecordingPinned', { recordingId: 'r-1' }),
      ev('RecordingUnpinned', { recordingId: 'r-1' }),
      ev('RecordingPinned', { recordingId: 'r-1' }),
      ev('RecordingUnpinned', { recordingId: 'r-1' }),
      ev('RecordingPinned', { recordingId: 'r-1' }),
      ev('RecordingUnpinned', { recordingId: 'r-1' }),
    ];
    const state = stateOf(log);
    expect(state.storage).toMatchObject({ usedBytes: 300, pinnedBytes: 0 });
    expect(getEntry(state.storage.recordings, 'r-1')).toMatchObject({ pinned: false, queued: true });
    expect(planEviction(state.storage, 300)?.recordings).toEqual([
      { recordingId: 'r-1', sizeBytes: 100 },
      { recordingId: 'r-2', sizeBytes: 200 },
    ]);
  });
});
