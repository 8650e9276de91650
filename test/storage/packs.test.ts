import { describe, expect, it } from 'vitest';
import { createAccountDecider } from '../../src/account/decider.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { GIB } from '../../src/catalogue/units.js';
import { given } from '../../src/testing/index.js';
import { cmd, ev, MIB, minute, out, PACK, packAdded, setup, stored } from './fixtures.js';

const decider = createAccountDecider();
const Q = 256 * MIB;
const ninePacks = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(packAdded);

describe('AddStoragePack', () => {
  it('adds a pack with the size and price in effect', () => {
    given(decider, setup())
      .when(cmd('AddStoragePack', {}))
      .then([out('StoragePackAdded', { packs: 1, sizeBytes: PACK, monthlyFee: 15000, reason: 'manual' })]);
  });

  it('takes the size and price in effect from the catalogue at decide time', () => {
    const storagePack = { monthlyFee: 20000, sizeBytes: 10 * GIB, maxPacks: 9 };
    given(createAccountDecider({ ...defaultCatalogue, storagePack }), setup())
      .when(cmd('AddStoragePack', {}))
      .then([
        out('StoragePackAdded', { packs: 1, sizeBytes: 10 * GIB, monthlyFee: 20000, reason: 'manual' }),
      ]);
  });

  it('refuses the 10th pack: StoragePackLimitReached', () => {
    given(decider, [...setup(), ...ninePacks])
      .when(cmd('AddStoragePack', {}))
      .thenError('StoragePackLimitReached', (e) => expect(e.details).toEqual({ maxPacks: 9, packs: 9 }));
  });

  it('refuses while the subscription is lapsed: SubscriptionLapsed', () => {
    given(decider, setup({ autoRenewal: false }))
      .when(cmd('AddStoragePack', {}, '2025-05-21T09:00:00+03:00'))
      .thenError('SubscriptionLapsed');
  });
});

describe('RemoveStoragePack', () => {
  const twoGib = [
    ...setup(),
    packAdded(1),
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => stored(`r${n}`, Q, minute(n))),
  ];

  it('removes the last pack when usage fits the smaller quota', () => {
    given(decider, [...setup(), packAdded(1), packAdded(2)])
      .when(cmd('RemoveStoragePack', {}))
      .then([out('StoragePackRemoved', { packs: 1, sizeBytes: PACK })]);
  });

  it('NoStoragePack when none is connected', () => {
    given(decider, setup()).when(cmd('RemoveStoragePack', {})).thenError('NoStoragePack');
  });

  it('WouldEvictRecordings with the count and bytes, without confirmation', () => {
    given(decider, twoGib)
      .when(cmd('RemoveStoragePack', {}))
      .thenError('WouldEvictRecordings', (e) =>
        expect(e.details).toEqual({ field: 'data.confirmEviction', count: 4, bytes: GIB, quotaBytes: GIB }),
      );
  });

  it('with confirmation evicts the oldest in one event, then removes the pack', () => {
    given(decider, twoGib)
      .when(cmd('RemoveStoragePack', { confirmEviction: true }))
      .then((events, state) => {
        expect(events).toEqual([
          out('RecordingsEvicted', {
            reason: 'quota-reduced',
            recordings: ['r1', 'r2', 'r3', 'r4'].map((recordingId) => ({ recordingId, sizeBytes: Q })),
            bytesFreed: GIB,
            forRecordingId: null,
          }),
          out('StoragePackRemoved', { packs: 0, sizeBytes: PACK }),
          out('StorageAlmostFull', { usedBytes: GIB, quotaBytes: GIB }),
        ]);
        expect(state.storage.usedBytes).toBe(GIB);
        expect(state.storage.packs).toEqual([]);
      });
  });

  it('StorageFullOfPinnedRecordings when pinned recordings alone exceed the smaller quota', () => {
    const pinned = [
      ...twoGib,
      ...['r1', 'r2', 'r3', 'r4', 'r5'].map((recordingId) => ev('RecordingPinned', { recordingId })),
    ];
    given(decider, pinned)
      .when(cmd('RemoveStoragePack', { confirmEviction: true }))
      .thenError('StorageFullOfPinnedRecordings', (e) =>
        expect(e.details).toMatchObject({ pinnedBytes: 5 * Q }),
      );
  });
});

describe('SetAutoAddPacks', () => {
  it('switches auto-add; the same value again changes nothing', () => {
    given(decider, setup())
      .when(cmd('SetAutoAddPacks', { enabled: true }))
      .then([out('AutoAddPacksSet', { enabled: true })]);
    given(decider, setup())
      .when(cmd('SetAutoAddPacks', { enabled: false }))
      .thenNothing();
    given(decider, [...setup(), ev('AutoAddPacksSet', { enabled: true })])
      .when(cmd('SetAutoAddPacks', { enabled: false }))
      .then([out('AutoAddPacksSet', { enabled: false })]);
  });
});
