/**
 * A string-keyed map kept as plain JSON data in a fixed two-level tree of 64 × 64 buckets.
 * Changing one entry through immer copies two 64-slot arrays and one small bucket, never the
 * whole collection: a state that grows with history (clients seen, recordings stored) stays
 * cheap to update incrementally, and replays mutate it in place at full speed.
 *
 * A bucket is one flat array of `[hash, key, value]` triples (`hash`: the upper 20 bits of the
 * key's hash, whose lower 12 bits chose the bucket). A lookup compares small integers, then one
 * key: no property lookup by key, which costs V8 a search of its table of property names for
 * every key read from JSON, and a few entries scan faster than a `Map` finds one among many.
 * Buckets of the former layout (an object keyed by key, as in older snapshots) are still read,
 * and rewritten in this layout when first changed.
 *
 * Every operation hashes its key once. A caller that works on one key several times (read,
 * then write or delete) hashes it once with {@link keyHash} and passes the hash to the
 * `…Hashed` forms. Through an immer draft that no set or delete has changed yet, a lookup scans
 * the original bucket (no proxy trap per slot) and reads only the value through the draft.
 * @module
 */

import { isDraft, original } from 'immer';

const FAN_OUT = 64;

/** A bucket: `[hash >>> 12, key, value]` triples, one after another. */
export type Bucket<V> = Array<number | string | V>;

/** A bucket as states kept before the flat layout hold it: an object keyed by key. */
type KeyedBucket<V> = Record<string, V>;

/** The map. Treat it as opaque; use the functions of this module. */
export interface ChunkedMap<V> {
  size: number;
  buckets: Array<Array<Bucket<V> | null> | null>;
}

/** A read-only view of a {@link ChunkedMap} (what a `DeepReadonly` state holds). */
export interface ReadonlyChunkedMap<V> {
  readonly size: number;
  readonly buckets: ReadonlyArray<ReadonlyArray<ReadonlyArray<number | string | V> | null> | null>;
}

/**
 * 32-bit FNV-1a of a key: its lower 12 bits choose the bucket. Kept states (snapshots) rely on
 * it, so it never changes.
 */
export const keyHash = (key: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** An empty map. */
export const emptyChunkedMap = <V>(): ChunkedMap<V> => ({ size: 0, buckets: new Array(FAN_OUT).fill(null) });

const own = Object.prototype.hasOwnProperty;

type AnyBucket<V> = ReadonlyArray<number | string | V> | Readonly<KeyedBucket<V>>;

const bucketAt = <V>(map: ReadonlyChunkedMap<V>, h: number): AnyBucket<V> | undefined => {
  const level = map.buckets[h & 63];
  if (level === null || level === undefined) return undefined;
  return level[(h >>> 6) & 63] ?? undefined;
};

/** Index of `key`'s triple in a flat bucket, or -1. */
const indexIn = <V>(bucket: ReadonlyArray<number | string | V>, h: number, key: string): number => {
  const tag = h >>> 12;
  for (let i = 0; i < bucket.length; i += 3) if (bucket[i] === tag && bucket[i + 1] === key) return i;
  return -1;
};

// Drafts of maps that a set or delete changed while their draft lives: their originals may be
// out of date. (Buckets change only through this module, so any other draft's original holds
// what the draft does.)
const changedDrafts = new WeakSet<object>();

/** Where to look a key up: the original of a draft nothing changed yet (plain arrays), else `map`. */
const readable = <V>(map: ReadonlyChunkedMap<V>): ReadonlyChunkedMap<V> =>
  isDraft(map) && !changedDrafts.has(map) ? (original(map as never) as ReadonlyChunkedMap<V>) : map;

/** Index of `key`'s triple in the flat bucket of `h`, -1 when absent, -2 when the bucket is keyed. */
const slotOf = <V>(map: ReadonlyChunkedMap<V>, h: number, key: string): number => {
  const bucket = bucketAt(map, h);
  if (bucket === undefined) return -1;
  if (!Array.isArray(bucket)) return own.call(bucket, key) ? -2 : -1;
  return indexIn(bucket, h, key);
};

/** The value at `key` (whose {@link keyHash} is `h`), or `undefined`. */
export const getHashed = <V>(map: ReadonlyChunkedMap<V>, h: number, key: string): V | undefined => {
  const at = slotOf(readable(map), h, key);
  if (at === -1) return undefined;
  // Read through `map` itself: from a draft, a value its caller changes is a draft too.
  const bucket = bucketAt(map, h);
  return at === -2 ? (bucket as Readonly<KeyedBucket<V>>)[key] : ((bucket as Bucket<V>)[at + 2] as V);
};

/** The value at `key`, or `undefined`. */
export const getEntry = <V>(map: ReadonlyChunkedMap<V>, key: string): V | undefined =>
  getHashed(map, keyHash(key), key);

/** Whether `key` is present. */
export const hasEntry = <V>(map: ReadonlyChunkedMap<V>, key: string): boolean =>
  slotOf(readable(map), keyHash(key), key) !== -1;

/** The flat bucket `h` falls in, made (or rewritten from the former layout) if need be. */
const writableBucket = <V>(map: ChunkedMap<V>, h: number): Bucket<V> => {
  let level = map.buckets[h & 63];
  if (level === null || level === undefined) {
    level = new Array(FAN_OUT).fill(null);
    map.buckets[h & 63] = level;
  }
  const found = level[(h >>> 6) & 63];
  if (Array.isArray(found)) return found;
  const bucket: Bucket<V> = [];
  if (found !== null && found !== undefined) {
    const keyed = found as unknown as KeyedBucket<V>;
    for (const key in keyed) if (own.call(keyed, key)) bucket.push(keyHash(key) >>> 12, key, keyed[key] as V);
  }
  level[(h >>> 6) & 63] = bucket;
  return bucket;
};

/**
 * Where `key` is before a write: its index in the bucket of `h` (-1 when absent, -2 in a keyed
 * bucket), found before anything changes (in the original when `map` is a draft nothing changed
 * yet). The draft is then marked as changed, since the caller writes next.
 */
const slotBeforeWrite = <V>(map: ChunkedMap<V>, h: number, key: string): number => {
  const at = slotOf(readable(map), h, key);
  if (isDraft(map)) changedDrafts.add(map);
  return at;
};

/** Sets `key` (whose {@link keyHash} is `h`) to `value`, mutating `map` (a draft or a private state). */
export const setHashed = <V>(map: ChunkedMap<V>, h: number, key: string, value: V): void => {
  swapHashed(map, h, key, value);
};

/**
 * Sets `key` (whose {@link keyHash} is `h`) to `value` and returns the value it replaced
 * (`undefined` when `key` was absent): one lookup where a read then a write would take two.
 */
export const swapHashed = <V>(map: ChunkedMap<V>, h: number, key: string, value: V): V | undefined => {
  const found = slotBeforeWrite(map, h, key);
  const bucket = writableBucket(map, h);
  // A keyed bucket was just rewritten flat: look again.
  const at = found === -2 ? indexIn(bucket, h, key) : found;
  if (at >= 0) {
    const previous = bucket[at + 2] as V;
    bucket[at + 2] = value;
    return previous;
  }
  bucket.push(h >>> 12, key, value);
  map.size++;
  return undefined;
};

/** Sets `key` to `value`, mutating `map` (a draft or a private state). */
export const setEntry = <V>(map: ChunkedMap<V>, key: string, value: V): void =>
  setHashed(map, keyHash(key), key, value);

/** Removes `key` (whose {@link keyHash} is `h`), mutating `map`. Returns whether it was present. */
export const deleteHashed = <V>(map: ChunkedMap<V>, h: number, key: string): boolean => {
  // Nothing to remove: nothing changes, not even a draft.
  const found = slotOf(readable(map), h, key);
  if (found === -1) return false;
  if (isDraft(map)) changedDrafts.add(map);
  const bucket = writableBucket(map, h);
  const at = found === -2 ? indexIn(bucket, h, key) : found;
  // The last triple moves into the hole: entries have no order.
  const last = bucket.length - 3;
  if (at !== last) {
    bucket[at] = bucket[last] as number;
    bucket[at + 1] = bucket[last + 1] as string;
    bucket[at + 2] = bucket[last + 2] as V;
  }
  bucket.length = last;
  map.size--;
  return true;
};

/** Removes `key`, mutating `map`. Returns whether it was present. */
export const deleteEntry = <V>(map: ChunkedMap<V>, key: string): boolean =>
  deleteHashed(map, keyHash(key), key);

/** Every entry, in no particular order. */
export function* chunkedEntries<V>(map: ReadonlyChunkedMap<V>): Generator<[string, V]> {
  for (const level of map.buckets) {
    if (level === null) continue;
    for (const bucket of level) {
      if (bucket === null) continue;
      if (Array.isArray(bucket)) {
        for (let i = 0; i < bucket.length; i += 3) yield [bucket[i + 1] as string, bucket[i + 2] as V];
      } else {
        const keyed = bucket as unknown as Readonly<KeyedBucket<V>>;
        for (const key in keyed) if (own.call(keyed, key)) yield [key, keyed[key] as V];
      }
    }
  }
}
