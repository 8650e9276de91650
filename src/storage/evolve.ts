/**
 * Evolutions of recording storage: O(1) amortised per event in replay, and bounded through
 * immer (one chunk of the queue, one bucket of the recordings map).
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import type { AccountStateDraft } from '../account/state.js';
import { deleteHashed, getEntry, getHashed, keyHash, swapHashed } from '../kernel/collections/chunked-map.js';
import { eventInstantMs } from '../kernel/event-instant.js';
import type { storageEvents } from './events.js';
import { dropDeadHead, enqueue } from './eviction-queue.js';
import { atLeastNinetyPercent } from './quota.js';
import type { HeldRecording, StorageSlice } from './state.js';

type Owned = keyof typeof storageEvents;

/**
 * Forgets a held recording (whose id hashes to `h`) and the bytes it took; its queue entry
 * becomes a tombstone.
 */
const releaseHashed = (storage: StorageSlice, h: number, recordingId: string): void => {
  const held = getHashed(storage.recordings, h, recordingId);
  if (held === undefined) return;
  storage.usedBytes -= held.sizeBytes;
  if (held.pinned) storage.pinnedBytes -= held.sizeBytes;
  deleteHashed(storage.recordings, h, recordingId);
};

/** Forgets a held recording and the bytes it took; its queue entry becomes a tombstone. */
const release = (storage: StorageSlice, recordingId: string): void =>
  releaseHashed(storage, keyHash(recordingId), recordingId);

/** Re-arms the 90 % alert after a standalone change that leaves usage below 90 %. */
const rearm = (draft: AccountStateDraft): void => {
  const storage = draft.storage;
  let quota = draft.tariff.terms?.baseStorageBytes ?? 0;
  for (const pack of storage.packs) quota += pack.sizeBytes;
  if (!atLeastNinetyPercent(storage.usedBytes, quota)) storage.almostFull = false;
};

/** Evolutions of this capability, by event type. */
export const storageEvolutions: Evolutions<Owned> = {
  StoragePackAdded: (draft, { data }) => {
    draft.storage.packs.push({ sizeBytes: data.sizeBytes, monthlyFee: data.monthlyFee });
    if (data.reason === 'manual') rearm(draft);
  },
  StoragePackRemoved: (draft) => {
    draft.storage.packs.pop();
  },
  AutoAddPacksSet: (draft, { data }) => {
    draft.storage.autoAddPacks = data.enabled;
  },
  RecordingStored: (draft, { data }) => {
    const storage = draft.storage;
    const seq = storage.nextSeq++;
    const recordedAtMs = eventInstantMs(data.recordedAt);
    const held: HeldRecording = { sizeBytes: data.sizeBytes, recordedAtMs, seq, pinned: false, queued: true };
    // A recording stored again replaces the one held under its id (whose queue entry is now stale).
    const replaced = swapHashed(storage.recordings, keyHash(data.recordingId), data.recordingId, held);
    if (replaced !== undefined) {
      storage.usedBytes -= replaced.sizeBytes;
      if (replaced.pinned) storage.pinnedBytes -= replaced.sizeBytes;
    }
    enqueue(storage.queue, [data.recordingId, recordedAtMs, seq]);
    storage.usedBytes += data.sizeBytes;
  },
  RecordingsEvicted: (draft, { data }) => {
    const storage = draft.storage;
    for (const recording of data.recordings) release(storage, recording.recordingId);
    dropDeadHead(storage);
  },
  RecordingDeleted: (draft, { data }) => {
    release(draft.storage, data.recordingId);
    dropDeadHead(draft.storage);
    rearm(draft);
  },
  RecordingPinned: (draft, { data }) => {
    const storage = draft.storage;
    const held = getEntry(storage.recordings, data.recordingId);
    if (held === undefined || held.pinned) return;
    held.pinned = true;
    storage.pinnedBytes += held.sizeBytes;
    dropDeadHead(storage);
  },
  RecordingUnpinned: (draft, { data }) => {
    const storage = draft.storage;
    const held = getEntry(storage.recordings, data.recordingId);
    if (held === undefined || !held.pinned) return;
    held.pinned = false;
    storage.pinnedBytes -= held.sizeBytes;
    // Its old entry still stands in the queue unless the head passed it while pinned.
    if (!held.queued) {
      held.queued = true;
      enqueue(storage.queue, [data.recordingId, held.recordedAtMs, held.seq]);
    }
  },
  StorageAlmostFull: (draft) => {
    draft.storage.almostFull = true;
  },
};
