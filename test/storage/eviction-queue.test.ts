import { describe, expect, it } from 'vitest';
import { createAccountDecider, evolveAccount } from '../../src/account/decider.js';
import type { AccountEvent } from '../../src/account/events.js';
import { type AccountState, type AccountStateDraft, initialAccountState } from '../../src/account/state.js';
import { getEntry } from '../../src/kernel/collections/chunked-map.js';
import { deepFreeze } from '../../src/kernel/decider.js';
import { planEviction } from '../../src/storage/eviction.js';
import { CHUNK } from '../../src/storage/eviction-queue.js';
import { ev, minute, setup, stored } from './fixtures.js';

const decider = createAccountDecider();

/** A deterministic pseudo-random sequence (LCG), so failures reproduce. */
const random = (seed: number) => () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

interface Modelled {
  id: string;
  at: number;
  seq: number;
  size: number;
  pinned: boolean;
  gone: boolean;
}

/** Eviction order by the definition: unpinned, by recorded instant, then arrival. */
const expectedOrder = (model: Modelled[]) =>
  model
    .filter((r) => !r.pinned && !r.gone)
    .sort((a, b) => a.at - b.at || a.seq - b.seq)
    .map((r) => r.id);

const queueOrder = (state: AccountState) =>
  planEviction(state.storage, state.storage.usedBytes - state.storage.pinnedBytes)?.recordings.map(
    (r) => r.recordingId,
  );

/** Live entries per chunk, head to tail. */
const liveChunkSizes = (state: AccountStateDraft): number[] => {
  const { queue } = state.storage;
  return queue.order.slice(queue.first).map((key) => {
    const chunk = getEntry(queue.chunks, key);
    return chunk === undefined ? -1 : chunk.entries.length - chunk.start;
  });
};

describe('eviction queue', () => {
  it('keeps eviction order through late arrivals, deletes, pins, unpins and evictions', () => {
    const next = random(42);
    const state = initialAccountState();
    const history: AccountEvent[] = [];
    const apply = (event: AccountEvent) => {
      history.push(event);
      evolveAccount(state, event);
    };
    for (const event of setup()) apply(event);
    const model: Modelled[] = [];
    for (let i = 0; i < 4000; i++) {
      const roll = next();
      const live = model.filter((r) => !r.gone);
      const pick = live[Math.floor(next() * live.length)];
      if (roll < 0.7 || pick === undefined) {
        // Mostly in order, with a quarter arriving late (recorded before the tail) and many ties.
        const at = next() < 0.75 ? Math.floor(i / 4) : Math.floor(next() * (i / 4 + 1));
        const record: Modelled = {
          id: `r${i}`,
          at,
          seq: model.length,
          size: 1 + Math.floor(next() * 100),
          pinned: false,
          gone: false,
        };
        model.push(record);
        apply(stored(record.id, record.size, minute(at)));
      } else if (roll < 0.8 && !pick.pinned) {
        pick.gone = true;
        apply(ev('RecordingDeleted', { recordingId: pick.id, sizeBytes: pick.size }));
      } else if (roll < 0.88) {
        pick.pinned = !pick.pinned;
        apply(ev(pick.pinned ? 'RecordingPinned' : 'RecordingUnpinned', { recordingId: pick.id }));
      } else {
        const plan = planEviction(state.storage, 1 + Math.floor(next() * 300));
        if (plan === undefined) continue;
        const ids = plan.recordings.map((r) => r.recordingId);
        expect(ids).toEqual(expectedOrder(model).slice(0, ids.length));
        for (const id of ids) (model.find((r) => r.id === id) as Modelled).gone = true;
        apply(
          ev('RecordingsEvicted', {
            reason: 'space-needed',
            recordings: plan.recordings,
            bytesFreed: plan.bytesFreed,
            forRecordingId: null,
          }),
        );
      }
    }
    expect(queueOrder(state)).toEqual(expectedOrder(model));
    const storage = state.storage;
    expect(storage.usedBytes).toBe(model.filter((r) => !r.gone).reduce((sum, r) => sum + r.size, 0));
    expect(storage.pinnedBytes).toBe(
      model.filter((r) => !r.gone && r.pinned).reduce((sum, r) => sum + r.size, 0),
    );
    for (const size of liveChunkSizes(state)) {
      expect(size).toBeGreaterThan(0);
      expect(size).toBeLessThanOrEqual(2 * CHUNK);
    }
    // Replay at full speed equals step-by-step evolution through immer.
    const stepByStep = history.reduce(decider.evolve, decider.initialState);
    expect(decider.fold(history)).toEqual(stepByStep);
    expect(stepByStep).toEqual(state);
  });

  it('splits a chunk grown by late arrivals and keeps the order', () => {
    const state = initialAccountState();
    for (const event of setup()) evolveAccount(state, event);
    const n = 3 * CHUNK;
    // Every arrival is recorded before the previous one: each lands at the head.
    for (let i = 0; i < n; i++) evolveAccount(state, stored(`r${i}`, 1, minute(n - i)));
    expect(queueOrder(state)).toEqual(Array.from({ length: n }, (_, i) => `r${n - 1 - i}`));
    const sizes = liveChunkSizes(state);
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2 * CHUNK);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
  });

  it('a re-stored id is queued once, at its new instant (the old entry stays dead)', () => {
    const state = decider.fold([
      ...setup(),
      stored('a', 10, minute(1)),
      stored('b', 10, minute(2)),
      ev('RecordingDeleted', { recordingId: 'a', sizeBytes: 10 }),
      stored('a', 10, minute(3)),
      ev('RecordingPinned', { recordingId: 'b' }),
      ev('RecordingUnpinned', { recordingId: 'b' }),
    ]);
    expect(queueOrder(state)).toEqual(['b', 'a']);
  });

  it('consumes the head on eviction and drops emptied chunks', () => {
    const state = initialAccountState();
    for (const event of setup()) evolveAccount(state, event);
    const n = 4 * CHUNK;
    for (let i = 0; i < n; i++) evolveAccount(state, stored(`r${i}`, 1, minute(i)));
    const plan = planEviction(state.storage, 3 * CHUNK);
    evolveAccount(
      state,
      ev('RecordingsEvicted', {
        reason: 'space-needed',
        recordings: plan!.recordings,
        bytesFreed: plan!.bytesFreed,
        forRecordingId: null,
      }),
    );
    expect(state.storage.queue.chunks.size).toBe(1);
    expect(queueOrder(state)?.[0]).toBe(`r${3 * CHUNK}`);
  });
});

describe('planEviction', () => {
  const state = decider.fold([
    ...setup(),
    stored('a', 10, minute(1)),
    stored('b', 20, minute(2)),
    stored('c', 30, minute(3)),
    ev('RecordingPinned', { recordingId: 'a' }),
  ]);

  it('names the oldest unpinned until enough is freed', () => {
    expect(planEviction(state.storage, 25)).toEqual({
      recordings: [
        { recordingId: 'b', sizeBytes: 20 },
        { recordingId: 'c', sizeBytes: 30 },
      ],
      bytesFreed: 50,
    });
    expect(planEviction(state.storage, 0)).toEqual({ recordings: [], bytesFreed: 0 });
  });

  it('is undefined when unpinned recordings are not enough', () => {
    expect(planEviction(state.storage, 51)).toBeUndefined();
  });

  it('reads without changing anything', () => {
    const frozen = deepFreeze(structuredClone(state));
    expect(() => planEviction(frozen.storage, 50)).not.toThrow();
    expect(frozen).toEqual(state);
  });
});

describe('evolve through immer', () => {
  it('leaves the old state unchanged', () => {
    const before = decider.fold([...setup(), stored('a', 10, minute(1)), stored('b', 20, minute(2))]);
    const snapshot = structuredClone(before);
    deepFreeze(before);
    let after = decider.evolve(before, stored('c', 5, minute(0)));
    after = decider.evolve(after, ev('RecordingPinned', { recordingId: 'a' }));
    after = decider.evolve(
      after,
      ev('RecordingsEvicted', {
        reason: 'quota-reduced',
        recordings: [{ recordingId: 'c', sizeBytes: 5 }],
        bytesFreed: 5,
        forRecordingId: null,
      }),
    );
    expect(before).toEqual(snapshot);
    expect(after.storage.usedBytes).toBe(30);
    expect(after.storage.pinnedBytes).toBe(10);
    expect(before.storage.usedBytes).toBe(30);
  });
});
