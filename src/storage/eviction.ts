/**
 * Planning an eviction: which of the oldest unpinned recordings go to free some bytes. Used by
 * `StoreRecording`, `RemoveStoragePack` and `ChangeTariff`; it reads the state and changes
 * nothing (the `RecordingsEvicted` event does, when applied).
 * @module
 */
import type { AccountState } from '../account/state.js';
import { walkLive } from './eviction-queue.js';

/** The recordings an eviction would delete, oldest first, and the bytes that frees. */
export interface EvictionPlan {
  recordings: { recordingId: string; sizeBytes: number }[];
  bytesFreed: number;
}

/**
 * The oldest unpinned recordings (by recorded instant, then arrival) whose deletion frees at
 * least `bytesToFree` bytes, or `undefined` when all unpinned recordings together are not
 * enough. Nothing to free gives an empty plan. Cost: the recordings it names plus tombstones
 * between them; the refusal is O(1).
 */
export const planEviction = (
  storage: AccountState['storage'],
  bytesToFree: number,
): EvictionPlan | undefined => {
  const recordings: EvictionPlan['recordings'] = [];
  if (bytesToFree <= 0) return { recordings, bytesFreed: 0 };
  if (storage.usedBytes - storage.pinnedBytes < bytesToFree) return undefined;
  let bytesFreed = 0;
  walkLive(storage, (recordingId, held) => {
    recordings.push({ recordingId, sizeBytes: held.sizeBytes });
    bytesFreed += held.sizeBytes;
    return bytesFreed < bytesToFree;
  });
  return { recordings, bytesFreed };
};
