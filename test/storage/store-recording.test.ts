import { describe, expect, it } from 'vitest';
import { createAccountDecider } from '../../src/account/decider.js';
import { GIB } from '../../src/catalogue/units.js';
import { given } from '../../src/testing/index.js';
import {
  AT,
  cmd,
  ev,
  MIB,
  minute,
  OTHER_MKN,
  out,
  PACK,
  PLAIN_USER,
  packAdded,
  RECORDED_USER,
  recording,
  setup,
  stored,
} from './fixtures.js';

const decider = createAccountDecider();
const Q = 256 * MIB;
/** Base storage full: four 256 MiB recordings, recorded at minutes 1..4. */
const full = [
  ...setup(),
  ...[1, 2, 3, 4].map((n) => stored(`r${n}`, Q, minute(n))),
  ev('StorageAlmostFull', { usedBytes: GIB, quotaBytes: GIB }),
];
const autoAdd = ev('AutoAddPacksSet', { enabled: true });

describe('StoreRecording: when it fits', () => {
  it('stores a recording of an МКН call', () => {
    given(decider, setup())
      .when(cmd('StoreRecording', recording('r1', Q)))
      .then([out('RecordingStored', recording('r1', Q))]);
  });

  it('stores a recording of a user number with the recording option', () => {
    const data = { ...recording('r1', Q), source: { kind: 'user' as const, number: RECORDED_USER } };
    given(decider, setup({ recording: false }))
      .when(cmd('StoreRecording', data))
      .then((events, state) => {
        expect(events.map((e) => e.type)).toEqual(['RecordingStored']);
        expect(state.storage.usedBytes).toBe(Q);
      });
  });
});

describe('StoreRecording: without auto-add the oldest are evicted in one event', () => {
  it('evicts exactly the oldest needed, in one event naming each, then stores', () => {
    given(decider, full)
      .when(cmd('StoreRecording', recording('r5', 600 * MIB, minute(5))))
      .then([
        out('RecordingsEvicted', {
          reason: 'space-needed',
          recordings: [
            { recordingId: 'r1', sizeBytes: Q },
            { recordingId: 'r2', sizeBytes: Q },
            { recordingId: 'r3', sizeBytes: Q },
          ],
          bytesFreed: 3 * Q,
          forRecordingId: 'r5',
        }),
        out('RecordingStored', recording('r5', 600 * MIB, minute(5))),
      ]);
  });

  it('orders by recorded instant, not by arrival: a late arrival is evicted first', () => {
    const late = [
      ...setup(),
      stored('a', Q, minute(10)),
      stored('b', Q, minute(20)),
      stored('late', Q, minute(5)),
    ];
    given(decider, [...late, stored('c', Q, minute(30))])
      .when(cmd('StoreRecording', recording('d', 2 * Q, minute(40))))
      .then((events) => {
        const evicted = events.find((e) => e.type === 'RecordingsEvicted');
        expect(
          evicted?.type === 'RecordingsEvicted' && evicted.data.recordings.map((r) => r.recordingId),
        ).toEqual(['late', 'a']);
      });
  });

  it('breaks ties between equal instants by arrival', () => {
    const same = [...setup(), ...['x', 'y', 'z', 'w'].map((id) => stored(id, Q, minute(1)))];
    given(decider, same)
      .when(cmd('StoreRecording', recording('v', Q, minute(0))))
      .then((events) => {
        const evicted = events[0];
        expect(evicted?.type === 'RecordingsEvicted' && evicted.data.recordings).toEqual([
          { recordingId: 'x', sizeBytes: Q },
        ]);
      });
  });

  it('never evicts a pinned recording', () => {
    given(decider, [...full, ev('RecordingPinned', { recordingId: 'r1' })])
      .when(cmd('StoreRecording', recording('r5', Q, minute(5))))
      .then((events, state) => {
        const evicted = events[0];
        expect(evicted?.type === 'RecordingsEvicted' && evicted.data.recordings).toEqual([
          { recordingId: 'r2', sizeBytes: Q },
        ]);
        expect(state.storage.usedBytes).toBe(GIB);
        expect(state.storage.pinnedBytes).toBe(Q);
      });
  });

  it('evicts again once unpinned, in its place by recorded instant', () => {
    const history = [...full, ev('RecordingPinned', { recordingId: 'r1' }), stored('r0', 1, minute(0))];
    // r0 does not fit: r2 goes (r1 pinned). r1 leaves the hold afterwards.
    const evictR2 = ev('RecordingsEvicted', {
      reason: 'space-needed',
      recordings: [{ recordingId: 'r2', sizeBytes: Q }],
      bytesFreed: Q,
      forRecordingId: 'r0',
    });
    given(decider, [
      ...history.slice(0, -1),
      evictR2,
      history.at(-1)!,
      ev('RecordingUnpinned', { recordingId: 'r1' }),
    ])
      .when(cmd('StoreRecording', recording('r9', Q + 1, minute(9))))
      .then((events) => {
        const evicted = events[0];
        expect(
          evicted?.type === 'RecordingsEvicted' && evicted.data.recordings.map((r) => r.recordingId),
        ).toEqual(['r0', 'r1']);
      });
  });
});

describe('StoreRecording: auto-add', () => {
  it('adds exactly the packs needed, one event each, at the price in effect', () => {
    given(decider, [...full, autoAdd])
      .when(cmd('StoreRecording', recording('big', 6 * GIB, minute(5))))
      .then([
        out('StoragePackAdded', { packs: 1, sizeBytes: PACK, monthlyFee: 15000, reason: 'auto' }),
        out('StoragePackAdded', { packs: 2, sizeBytes: PACK, monthlyFee: 15000, reason: 'auto' }),
        out('RecordingStored', recording('big', 6 * GIB, minute(5))),
      ]);
  });

  it('at 9 packs evicts instead', () => {
    const packs = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(packAdded);
    const filled = [
      ...full,
      ...packs,
      ...[5, 6, 7, 8, 9, 10, 11, 12, 13].map((n) => stored(`p${n}`, PACK, minute(n))),
      ev('StorageAlmostFull', { usedBytes: 46 * GIB, quotaBytes: 46 * GIB }),
    ];
    given(decider, [...filled, autoAdd])
      .when(cmd('StoreRecording', recording('r99', Q, minute(99))))
      .then((events) => {
        expect(events.map((e) => e.type)).toEqual(['RecordingsEvicted', 'RecordingStored']);
        const evicted = events[0];
        expect(evicted?.type === 'RecordingsEvicted' && evicted.data.recordings).toEqual([
          { recordingId: 'r1', sizeBytes: Q },
        ]);
      });
  });

  it('adds what it may, then evicts the rest', () => {
    const eight = [1, 2, 3, 4, 5, 6, 7, 8].map(packAdded);
    const filled = [
      ...full,
      ...eight,
      ...[5, 6, 7, 8, 9, 10, 11, 12].map((n) => stored(`p${n}`, PACK, minute(n))),
      ev('StorageAlmostFull', { usedBytes: 41 * GIB, quotaBytes: 41 * GIB }),
    ];
    given(decider, [...filled, autoAdd])
      .when(cmd('StoreRecording', recording('huge', 5 * GIB + Q, minute(99))))
      .then((events, state) => {
        expect(events.map((e) => e.type)).toEqual([
          'StoragePackAdded',
          'RecordingsEvicted',
          'RecordingStored',
        ]);
        const evicted = events[1];
        expect(evicted?.type === 'RecordingsEvicted' && evicted.data.bytesFreed).toBe(Q);
        expect(state.storage.packs).toHaveLength(9);
      });
  });

  it('stores no new recording while the subscription is lapsed, and keeps the stored ones', () => {
    // Paid until 21.05 09:00 with auto-renewal off: lapsed from then, recorded or not.
    const lapsedFull = [
      ...setup({ autoRenewal: false }),
      ...[1, 2, 3, 4].map((n) => stored(`r${n}`, Q, minute(n))),
      ev('StorageAlmostFull', { usedBytes: GIB, quotaBytes: GIB }),
      autoAdd,
    ];
    const lapsedAt = '2025-06-01T10:00:00+03:00';
    const spec = given(decider, lapsedFull);
    spec
      .when(cmd('StoreRecording', recording('r5', Q, '2025-06-01T09:59:00+03:00'), lapsedAt))
      .thenError('SubscriptionLapsed', (e) =>
        expect(e.details).toEqual({ paidUntil: '2025-05-21T09:00:00+03:00', at: lapsedAt }),
      );
    expect(spec.state.storage.usedBytes).toBe(GIB);
    // One minute before paidUntil the service still runs: a pack is added for it.
    given(decider, lapsedFull)
      .when(cmd('StoreRecording', recording('r5', Q, minute(5)), '2025-05-21T08:59:00+03:00'))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['StoragePackAdded', 'RecordingStored']));
  });

  it('refuses a recordedAt after the report or before the opening, naming the field', () => {
    // Reported at 12:00+03:00 (09:00Z); the account was opened at 09:00+03:00 (06:00Z).
    given(decider, setup())
      .when(cmd('StoreRecording', recording('r1', Q, '2025-04-21T09:00:01Z')))
      .thenError('InstantAfterCommand', (e) =>
        expect(e.details).toEqual({ field: 'data.recordedAt', value: '2025-04-21T09:00:01Z', at: AT }),
      );
    given(decider, setup())
      .when(cmd('StoreRecording', recording('r1', Q, '2025-04-21T05:59:59Z')))
      .thenError('InstantBeforeOpening', (e) =>
        expect(e.details).toEqual({
          field: 'data.recordedAt',
          value: '2025-04-21T05:59:59Z',
          openedAt: '2025-04-21T09:00:00+03:00',
        }),
      );
    // Exactly at the report and exactly at the opening are both fine.
    given(decider, setup())
      .when(cmd('StoreRecording', recording('r1', Q, '2025-04-21T09:00:00Z')))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['RecordingStored']));
    given(decider, setup())
      .when(cmd('StoreRecording', recording('r1', Q, '2025-04-21T06:00:00Z')))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['RecordingStored']));
  });
});

describe('StoreRecording: refusals', () => {
  it('RecordingExists for a duplicate id', () => {
    given(decider, full)
      .when(cmd('StoreRecording', recording('r1', 1)))
      .thenError('RecordingExists', (e) => expect(e.details).toMatchObject({ field: 'data.recordingId' }));
  });

  it('RecordingNotEnabled for an МКН call while recording is off', () => {
    given(decider, setup({ recording: false }))
      .when(cmd('StoreRecording', recording('r1', 1)))
      .thenError('RecordingNotEnabled');
  });

  it('UnknownMultichannelNumber for an МКН not of the account', () => {
    const data = { ...recording('r1', 1), source: { kind: 'multichannel' as const, number: OTHER_MKN } };
    given(decider, setup()).when(cmd('StoreRecording', data)).thenError('UnknownMultichannelNumber');
  });

  it('RecordingNotEnabledForNumber for a user number without the option', () => {
    const data = { ...recording('r1', 1), source: { kind: 'user' as const, number: PLAIN_USER } };
    given(decider, setup()).when(cmd('StoreRecording', data)).thenError('RecordingNotEnabledForNumber');
  });

  it('UnknownNumber for a user number not of the account', () => {
    const data = { ...recording('r1', 1), source: { kind: 'user' as const, number: '+79990001122' } };
    given(decider, setup()).when(cmd('StoreRecording', data)).thenError('UnknownNumber');
  });

  it('RecordingTooLarge beyond the largest possible quota (base + 9 packs)', () => {
    given(decider, [...setup(), autoAdd])
      .when(cmd('StoreRecording', recording('r1', 46 * GIB + 1)))
      .thenError('RecordingTooLarge', (e) =>
        expect(e.details).toMatchObject({
          sizeBytes: 46 * GIB + 1,
          maxQuotaBytes: 46 * GIB,
          reachableQuotaBytes: 46 * GIB,
        }),
      );
  });

  it('RecordingTooLarge beyond the quota it can reach without auto-add', () => {
    given(decider, setup())
      .when(cmd('StoreRecording', recording('r1', 2 * GIB)))
      .thenError('RecordingTooLarge', (e) =>
        expect(e.details).toMatchObject({ maxQuotaBytes: 46 * GIB, reachableQuotaBytes: GIB }),
      );
  });

  it('StorageFullOfPinnedRecordings when evicting every unpinned one is not enough', () => {
    const pinned = [
      ...full,
      ev('RecordingPinned', { recordingId: 'r1' }),
      ev('RecordingPinned', { recordingId: 'r2' }),
    ];
    given(decider, pinned)
      .when(cmd('StoreRecording', recording('r5', 2 * Q + 1, minute(5))))
      .thenError('StorageFullOfPinnedRecordings', (e) =>
        expect(e.details).toMatchObject({ pinnedBytes: 2 * Q, quotaBytes: GIB }),
      );
    given(decider, pinned)
      .when(cmd('StoreRecording', recording('r5', 2 * Q, minute(5))))
      .then((events) => {
        expect(
          events[0]?.type === 'RecordingsEvicted' && events[0].data.recordings.map((r) => r.recordingId),
        ).toEqual(['r3', 'r4']);
      });
  });
});

describe('StorageAlmostFull', () => {
  const alert = (usedBytes: number, quotaBytes = GIB) => out('StorageAlmostFull', { usedBytes, quotaBytes });

  it('fires when usage crosses 90 % upward, once per crossing', () => {
    const first = given(decider, setup())
      .when(cmd('StoreRecording', recording('a', 950 * MIB)))
      .then([out('RecordingStored', recording('a', 950 * MIB)), alert(950 * MIB)]);
    const after = [
      ...setup(),
      ...first.map((e) => ({ ...e, metadata: { ...e.metadata, commandId: 'c-1' } })),
    ];
    given(decider, after)
      .when(cmd('StoreRecording', recording('b', 10 * MIB, minute(1))))
      .then([out('RecordingStored', recording('b', 10 * MIB, minute(1)))]);
    // Below 90 % again re-arms it.
    const dropped = [
      ...after,
      stored('b', 10 * MIB, minute(1)),
      ev('RecordingDeleted', { recordingId: 'a', sizeBytes: 950 * MIB }),
    ];
    given(decider, dropped)
      .when(cmd('StoreRecording', recording('c', 950 * MIB, minute(2))))
      .then([out('RecordingStored', recording('c', 950 * MIB, minute(2))), alert(960 * MIB)]);
  });

  it('does not fire below 90 %', () => {
    given(decider, setup())
      .when(cmd('StoreRecording', recording('a', 900 * MIB)))
      .then([out('RecordingStored', recording('a', 900 * MIB))]);
  });
});
