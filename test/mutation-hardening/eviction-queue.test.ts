/**
 * The eviction queue at the scale where its chunks matter: thousands of recordings, late
 * arrivals that make a chunk split, legal holds and deletions leaving tombstones, and enough
 * evictions to compact the chunk directory. After every change the live walk must list exactly
 * the unpinned recordings, oldest first (recorded instant, then arrival), each once.
 */
import { describe, expect, it } from 'vitest';
import { evolveAccount } from '../../src/account/decider.js';
import type { AccountEvent } from '../../src/account/events.js';
import { type AccountStateDraft, initialAccountState } from '../../src/account/state.js';
import { getEntry } from '../../src/kernel/collections/chunked-map.js';
import { planEviction } from '../../src/storage/eviction.js';
import { CHUNK, walkLive } from '../../src/storage/eviction-queue.js';
import { ev, MKN, opened } from './support.js';

const BASE = Date.parse('2025-02-01T00:00:00Z');

/** A seeded generator (the same sequence every run). */
const lcg = (seed: number) => () => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return seed / 2 ** 32;
};

interface Held {
  at: number;
  seq: number;
  pinned: boolean;
}

/** A private account state with the events applied in place (replay speed), and a model of it. */
const harness = () => {
  const state: AccountStateDraft = initialAccountState();
  const model = new Map<string, Held>();
  let seq = 0;
  const apply = (event: AccountEvent) => evolveAccount(state, event);
  apply(opened());
  apply(ev('MultichannelNumberAdded', { number: MKN, main: true, extraMonthlyFee: 0 }));
  return {
    state,
    store(id: string, atMs: number) {
      const recordedAt = new Date(atMs).toISOString();
      apply(
        ev('RecordingStored', {
          recordingId: id,
          callId: id,
          source: { kind: 'multichannel', number: MKN },
          sizeBytes: 1,
          durationSeconds: 1,
          recordedAt,
        }),
      );
      model.set(id, { at: atMs, seq: seq++, pinned: false });
    },
    evictOldest(count: number) {
      const plan = planEviction(state.storage, count);
      if (plan === undefined) throw new Error('nothing to evict');
      apply(
        ev('RecordingsEvicted', {
          reason: 'quota-reduced',
          recordings: plan.recordings,
          bytesFreed: plan.bytesFreed,
          forRecordingId: null,
        }),
      );
      for (const r of plan.recordings) model.delete(r.recordingId);
      return plan.recordings.map((r) => r.recordingId);
    },
    remove(id: string) {
      apply(ev('RecordingDeleted', { recordingId: id, sizeBytes: 1 }));
      model.delete(id);
    },
    hold(id: string, pinned: boolean) {
      apply(ev(pinned ? 'RecordingPinned' : 'RecordingUnpinned', { recordingId: id }));
      const held = model.get(id);
      if (held !== undefined) held.pinned = pinned;
    },
    /** The live walk equals the model's unpinned recordings in eviction order. */
    check(where: string) {
      const walked: string[] = [];
      walkLive(state.storage, (id) => {
        walked.push(id);
        return true;
      });
      const expected = [...model]
        .filter(([, h]) => !h.pinned)
        .sort(([, a], [, b]) => a.at - b.at || a.seq - b.seq)
        .map(([id]) => id);
      expect(walked, where).toEqual(expected);
      expect(state.storage.usedBytes, where).toBe(model.size);
    },
    model,
  };
};

describe('the eviction queue at scale', () => {
  it('keeps eviction order through late arrivals that split a chunk', () => {
    const h = harness();
    for (let i = 0; i < CHUNK + 50; i++) h.store(`a-${i}`, BASE + i * 60_000);
    // Late arrivals all land in the first chunk, growing it past twice its size: it splits.
    for (let i = 0; i < 2 * CHUNK + 20; i++) h.store(`late-${i}`, BASE + 30_000 + (i % (CHUNK - 1)) * 60_000);
    h.check('after late arrivals');
    expect(h.state.storage.queue.order.length).toBeGreaterThan(2);
    expect(h.evictOldest(3)).toEqual(['a-0', 'late-0', 'late-255']);
    h.check('after evicting the head');
  });

  it('walks past tombstones of deleted and pinned recordings, and queues unpinned ones again', () => {
    const h = harness();
    const random = lcg(7);
    for (let i = 0; i < 1500; i++) h.store(`r-${i}`, BASE + Math.floor(random() * 1_000_000) * 1000);
    for (let i = 0; i < 1500; i += 7) h.remove(`r-${i}`);
    for (let i = 3; i < 1500; i += 11) if (h.model.has(`r-${i}`)) h.hold(`r-${i}`, true);
    h.check('after deletions and holds');
    h.evictOldest(400);
    h.check('after an eviction past pinned entries');
    for (let i = 3; i < 1500; i += 22) if (h.model.has(`r-${i}`)) h.hold(`r-${i}`, false);
    h.check('after some holds are lifted');
    for (let i = 0; i < 1500; i += 1) {
      const held = getEntry(h.state.storage.recordings, `r-${i}`);
      if (held !== undefined) expect(held.queued || held.pinned).toBe(true);
    }
    h.evictOldest(h.state.storage.usedBytes - h.state.storage.pinnedBytes);
    h.check('after evicting every unpinned recording');
  });

  it('compacts its chunk directory as the head moves on, and stays in order', () => {
    const h = harness();
    const total = 40 * CHUNK;
    for (let i = 0; i < total; i++) h.store(`r-${i}`, BASE + i * 1000);
    let evicted = 0;
    while (evicted < total - CHUNK) {
      h.evictOldest(CHUNK - 1);
      evicted += CHUNK - 1;
      expect(h.state.storage.queue.first).toBeLessThanOrEqual(32);
    }
    h.check('after evicting most of them');
    expect(h.state.storage.queue.order.length).toBeLessThan(40);
    for (let i = 0; i < 10; i++) h.store(`new-${i}`, BASE + (total + i) * 1000);
    h.check('after new arrivals');
  });
});
