/**
 * The eviction queue (see {@link EvictionQueue}): appending, sorted insertion of late arrivals,
 * consuming the head, and a read-only walk over live entries. Every operation touches one chunk
 * (two when a chunk splits); the chunk directory changes only once per {@link CHUNK} entries.
 * @module
 */
import { deleteEntry, getEntry, setEntry } from '../kernel/collections/chunked-map.js';
import type { DeepReadonly } from '../kernel/decider.js';
import type { EvictionQueue, HeldRecording, QueueChunk, QueueEntry, StorageSlice } from './state.js';

/** Entries a chunk takes by appending; a chunk grown by late arrivals splits past twice that. */
export const CHUNK = 256;

type ReadonlyQueue = DeepReadonly<EvictionQueue>;
type ReadonlyEntry = Readonly<QueueEntry>;
// DeepReadonly turns tuples into arrays of their union; a chunk keeps its entries' tuple type.
interface ReadonlyChunk {
  readonly start: number;
  readonly entries: readonly ReadonlyEntry[];
}

/** Eviction order: recorded instant, then arrival. */
const compare = (a: ReadonlyEntry, b: ReadonlyEntry): number => a[1] - b[1] || a[2] - b[2];

const chunkAt = (queue: ReadonlyQueue, index: number): ReadonlyChunk =>
  getEntry(queue.chunks, queue.order[index] as string) as unknown as ReadonlyChunk;

const lastOf = (chunk: ReadonlyChunk): ReadonlyEntry =>
  chunk.entries[chunk.entries.length - 1] as ReadonlyEntry;

/**
 * Visits live entries from the head, oldest first, without changing anything, until `visit`
 * returns `false`.
 */
export const walkLive = (
  storage: DeepReadonly<StorageSlice>,
  visit: (recordingId: string, held: Readonly<HeldRecording>) => boolean,
): void => {
  const { queue, recordings } = storage;
  for (let i = queue.first; i < queue.order.length; i++) {
    const chunk = chunkAt(queue, i);
    for (let j = chunk.start; j < chunk.entries.length; j++) {
      const entry = chunk.entries[j] as ReadonlyEntry;
      const held = getEntry(recordings, entry[0]);
      if (held === undefined || held.pinned || held.seq !== entry[2]) continue;
      if (!visit(entry[0], held)) return;
    }
  }
};

const newChunk = (queue: EvictionQueue, entries: QueueEntry[]): string => {
  const key = String(queue.nextChunk++);
  setEntry(queue.chunks, key, { start: 0, entries });
  return key;
};

/** First index in `[from, entries.length)` whose entry comes after `entry`. */
const positionIn = (entries: readonly ReadonlyEntry[], from: number, entry: QueueEntry): number => {
  let low = from;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(entries[mid] as ReadonlyEntry, entry) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
};

/** Inserts an entry in eviction order (an append unless it was recorded before the tail). */
export const enqueue = (queue: EvictionQueue, entry: QueueEntry): void => {
  const last = queue.order.length - 1;
  if (last < queue.first) {
    queue.order.push(newChunk(queue, [entry]));
    return;
  }
  const tail = chunkAt(queue, last) as unknown as QueueChunk;
  if (compare(lastOf(tail), entry) <= 0) {
    if (tail.entries.length < CHUNK) tail.entries.push(entry);
    else queue.order.push(newChunk(queue, [entry]));
    return;
  }
  // A late arrival: the first chunk whose last entry comes after it (binary search over chunks).
  let low = queue.first;
  let high = last;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(lastOf(chunkAt(queue, mid)), entry) <= 0) low = mid + 1;
    else high = mid;
  }
  const chunk = chunkAt(queue, low) as unknown as QueueChunk;
  chunk.entries.splice(positionIn(chunk.entries, chunk.start, entry), 0, entry);
  if (chunk.entries.length - chunk.start > 2 * CHUNK) {
    const live = chunk.entries.slice(chunk.start);
    const half = live.length >>> 1;
    chunk.entries = live.slice(0, half);
    chunk.start = 0;
    queue.order.splice(low + 1, 0, newChunk(queue, live.slice(half)));
  }
};

/**
 * Consumes dead entries at the head (evicted, deleted, pinned), so that the head is live or the
 * queue is empty. A pinned recording whose entry is consumed is marked not queued: unpinning
 * it queues it again. Each entry is consumed once: O(1) amortised.
 */
export const dropDeadHead = (storage: StorageSlice): void => {
  const { queue, recordings } = storage;
  while (queue.first < queue.order.length) {
    const key = queue.order[queue.first] as string;
    const chunk = getEntry(queue.chunks, key) as QueueChunk;
    while (chunk.start < chunk.entries.length) {
      const entry = chunk.entries[chunk.start] as QueueEntry;
      const held = getEntry(recordings, entry[0]);
      if (held !== undefined && held.seq === entry[2]) {
        if (!held.pinned) return;
        held.queued = false;
      }
      chunk.start++;
    }
    deleteEntry(queue.chunks, key);
    queue.first++;
    // Drop consumed chunk numbers in one go once they are half the directory (amortised O(1)).
    if (queue.first >= 32 && queue.first * 2 >= queue.order.length) {
      queue.order.splice(0, queue.first);
      queue.first = 0;
    }
  }
};
