/**
 * Recording storage: quota (tariff base + 5 GB packs), the recordings held, and the order in
 * which they are evicted. The part of the state it owns.
 * @module
 */
import { type ChunkedMap, emptyChunkedMap } from '../kernel/collections/chunked-map.js';

/** A connected storage pack, with the price in effect when it was added. */
export interface StoragePack {
  sizeBytes: number;
  monthlyFee: number;
}

/** A recording held in storage (what eviction and quota need; the rest is in its event). */
export interface HeldRecording {
  sizeBytes: number;
  /** Recorded instant, epoch ms. */
  recordedAtMs: number;
  /** Arrival order, breaks ties between equal instants. */
  seq: number;
  pinned: boolean;
}

/**
 * Unpinned recordings in eviction order (recorded instant, then arrival), in chunks keyed by
 * number so that evicting from the head or appending at the tail touches one chunk.
 */
export interface EvictionQueue {
  head: number;
  tail: number;
  chunks: Record<number, QueueEntry[]>;
}

/** One queue entry: `[recordingId, recordedAtMs, seq]`. */
export type QueueEntry = [string, number, number];

/** Storage of the account. */
export interface StorageSlice {
  packs: StoragePack[];
  autoAddPacks: boolean;
  usedBytes: number;
  pinnedBytes: number;
  recordings: ChunkedMap<HeldRecording>;
  queue: EvictionQueue;
  nextSeq: number;
  /** Usage is at or above 90 % of the quota (the alert fired and has not re-armed). */
  almostFull: boolean;
}

/** Empty storage. */
export const initialStorageSlice = (): StorageSlice => ({
  packs: [],
  autoAddPacks: false,
  usedBytes: 0,
  pinnedBytes: 0,
  recordings: emptyChunkedMap(),
  queue: { head: 0, tail: 0, chunks: {} },
  nextSeq: 0,
  almostFull: false,
});
