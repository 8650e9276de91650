import { describe, expect, it } from 'vitest';
import { GIB, roubles } from '../../src/catalogue/units.js';
import {
  evictedRecordings,
  formatQuota,
  freeBytes,
  heldCount,
  packsMonthlyFee,
  pinnedIds,
  quotaBytes,
  quotaParts,
  quotaUsage,
} from '../../src/projections/index.js';
import { givenEvents } from '../../src/testing/index.js';
import { event, opened, packAdded, packRemoved, recordingStored } from './builders.js';

const at = '2025-04-21T10:00:00+03:00';
const MB = 1024 * 1024;

describe('quotaUsage', () => {
  it("shows the source's dialog: 6.0 ГБ, 1 pack, 150 ₽, free 0.08 of 1 ГБ then 5.00 of 5.00 ГБ", () => {
    // 0.92 GB used: the base part fills first.
    const used = Math.round(0.92 * GIB);
    givenEvents(quotaUsage, [opened(at), packAdded(1, at), recordingStored('r1', used, at)]).then((view) => {
      expect(formatQuota(view)).toEqual({
        volume: 'Объем: 6.0 ГБ',
        packs: 'Подключено пакетов: 1',
        monthlyCharge: 'Плата в месяц: 150 ₽',
        parts: ['свободно 0.08 из 1 ГБ', 'свободно 5.00 из 5.00 ГБ'],
      });
      expect([quotaBytes(view), view.usedBytes, freeBytes(view)]).toEqual([6 * GIB, used, 6 * GIB - used]);
      expect(packsMonthlyFee(view)).toBe(roubles(150));
    });
  });

  it('fills the base part first, then each pack in order', () => {
    const events = [opened(at), packAdded(1, at), packAdded(2, at), recordingStored('r1', 3 * GIB, at)];
    givenEvents(quotaUsage, events).then((view) => {
      expect(quotaParts(view).map((p) => [p.kind, p.index, p.usedBytes / GIB, p.freeBytes / GIB])).toEqual([
        ['base', 0, 1, 0],
        ['pack', 1, 2, 3],
        ['pack', 2, 0, 5],
      ]);
    });
  });

  it('counts recordings held, pinned and evicted with their ids, and deleted ones', () => {
    const events = [
      opened(at),
      recordingStored('r1', 100 * MB, at),
      recordingStored('r2', 200 * MB, at),
      recordingStored('r3', 300 * MB, at),
      event('RecordingPinned', { recordingId: 'r3' }, at),
      event(
        'RecordingsEvicted',
        {
          reason: 'space-needed',
          recordings: [{ recordingId: 'r1', sizeBytes: 100 * MB }],
          bytesFreed: 100 * MB,
          forRecordingId: 'r4',
        },
        at,
        'system',
      ),
      event('RecordingDeleted', { recordingId: 'r2', sizeBytes: 200 * MB }, at),
    ];
    givenEvents(quotaUsage, events).then((view) => {
      expect(heldCount(view)).toBe(1);
      expect(view.usedBytes).toBe(300 * MB);
      expect(pinnedIds(view)).toEqual(['r3']);
      expect([view.pinnedCount, view.pinnedBytes, view.deletedCount]).toEqual([1, 300 * MB, 1]);
      expect(evictedRecordings(view)).toEqual([
        { recordingId: 'r1', sizeBytes: 100 * MB, reason: 'space-needed', at },
      ]);
    });
  });

  it('unpins, and a removed pack leaves the quota', () => {
    const events = [
      opened(at),
      packAdded(1, at),
      packRemoved(0, at),
      recordingStored('r1', MB, at),
      event('RecordingPinned', { recordingId: 'r1' }, at),
      event('RecordingUnpinned', { recordingId: 'r1' }, at),
    ];
    givenEvents(quotaUsage, events).then((view) => {
      expect(quotaBytes(view)).toBe(GIB);
      expect(pinnedIds(view)).toEqual([]);
      expect(view.pinnedBytes).toBe(0);
    });
  });

  it('raises the 90 % alert and re-arms it once usage is back under 90 %', () => {
    const full = [
      opened(at),
      recordingStored('r1', Math.round(0.95 * GIB), at),
      event('StorageAlmostFull', { usedBytes: Math.round(0.95 * GIB), quotaBytes: GIB }, at, 'system'),
    ];
    givenEvents(quotaUsage, full).then((view) =>
      expect(view.alert).toEqual({ active: true, lastAt: at, fired: 1 }),
    );
    givenEvents(quotaUsage, [...full, packAdded(1, at)]).then((view) => {
      expect(view.alert.active).toBe(false);
      expect(view.alert.fired).toBe(1);
    });
  });

  it('takes the base storage of a new tariff', () => {
    const business = {
      ...opened(at).data.tariff,
      tariffId: 'business',
      name: 'Бизнес',
      baseStorageBytes: 5 * GIB,
    };
    givenEvents(quotaUsage, [
      opened(at),
      event('TariffChanged', { previousTariffId: 'basic', tariff: business }, at),
    ]).then((view) => expect(formatQuota(view).parts).toEqual(['свободно 5.00 из 5 ГБ']));
  });
});
