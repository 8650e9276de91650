/**
 * Recording storage: quota (tariff base + 5 GB packs), the recordings held, and the order in
 * which they are evicted. The part of the state it owns.
 * @module
 */
import { type ChunkedMap, emptyChunkedMap } from '../kernel/collections/chunked-map.js';

/** A connected storage pack, with the size and price in effect when it was added. */
export interface StoragePack {
  sizeBytes: number;
  monthlyFee: number;
}

/** A recording held in storage (what eviction and quota need; the rest is in its event). */
export interface HeldRecording {
  sizeBytes: number;
  /** Recorded instant, epoch ms. */
  recordedAtMs: number;
  /** Arrival order: breaks ties between equal instants, and tells this recording's queue entry apart. */
  seq: number;
  /** Legal hold: never evicted, never deleted. */
  pinned: boolean;
  /** The eviction queue still holds an entry for it (kept while pinned until the head passes it). */
  queued: boolean;
}

/** One queue entry: `[recordingId, recordedAtMs, seq]`. */
export type QueueEntry = [string, number, number];

/** A run of queue entries in eviction order; entries before `start` were consumed. */
export interface QueueChunk {
  start: number;
  entries: QueueEntry[];
}

/**
 * Unpinned recordings in eviction order (recorded instant, then arrival), in numbered chunks:
 * evicting from the head or appending at the tail touches one chunk. `order` lists the chunks'
 * keys (their numbers, as strings) in queue order from index `first`; the chunks live in a
 * {@link ChunkedMap} by key, so an immer update copies one chunk, never the queue. Entries of
 * deleted or pinned recordings stay as tombstones until the head passes them (an entry is live
 * while its recording is held, unpinned and has the entry's `seq`).
 */
export interface EvictionQueue {
  order: string[];
  first: number;
  chunks: ChunkedMap<QueueChunk>;
  nextChunk: number;
}

/** Storage of the account. */
export interface StorageSlice {
  packs: StoragePack[];
  autoAddPacks: boolean;
  usedBytes: number;
  pinnedBytes: number;
  recordings: ChunkedMap<HeldRecording>;
  queue: EvictionQueue;
  nextSeq: number;
  /** The 90 % alert fired; it counts only while usage is still at or above 90 % (then it re-arms). */
  almostFull: boolean;
}

/** An empty eviction queue. */
export const emptyEvictionQueue = (): EvictionQueue => ({
  order: [],
  first: 0,
  chunks: emptyChunkedMap(),
  nextChunk: 0,
});

/** Empty storage. */
export const initialStorageSlice = (): StorageSlice => ({
  packs: [],
  autoAddPacks: false,
  usedBytes: 0,
  pinnedBytes: 0,
  recordings: emptyChunkedMap(),
  queue: emptyEvictionQueue(),
  nextSeq: 0,
  almostFull: false,
});
