/**
 * A string-keyed map kept as plain JSON data in a fixed two-level tree of 64 × 64 buckets.
 * Changing one entry through immer copies two 64-slot arrays and one small bucket, never the
 * whole collection: a state that grows with history (clients seen, recordings stored) stays
 * cheap to update incrementally, and replays mutate it in place at full speed.
 * @module
 */

const FAN_OUT = 64;

/** A bucket: the entries whose key hashes to it. */
export type Bucket<V> = Record<string, V>;

/** The map. Treat it as opaque; use the functions of this module. */
export interface ChunkedMap<V> {
  size: number;
  buckets: Array<Array<Bucket<V> | null> | null>;
}

/** 32-bit FNV-1a of a string. */
const hash = (key: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** A read-only view of a {@link ChunkedMap} (what a `DeepReadonly` state holds). */
export interface ReadonlyChunkedMap<V> {
  readonly size: number;
  readonly buckets: ReadonlyArray<ReadonlyArray<Readonly<Record<string, V>> | null> | null>;
}

/** An empty map. */
export const emptyChunkedMap = <V>(): ChunkedMap<V> => ({ size: 0, buckets: new Array(FAN_OUT).fill(null) });

const own = Object.prototype.hasOwnProperty;

const bucketOf = <V>(map: ReadonlyChunkedMap<V>, key: string): Readonly<Bucket<V>> | undefined => {
  const h = hash(key);
  return map.buckets[h & 63]?.[(h >>> 6) & 63] ?? undefined;
};

/** The value at `key`, or `undefined`. */
export const getEntry = <V>(map: ReadonlyChunkedMap<V>, key: string): V | undefined => {
  const bucket = bucketOf(map, key);
  return bucket !== undefined && own.call(bucket, key) ? bucket[key] : undefined;
};

/** Whether `key` is present. */
export const hasEntry = <V>(map: ReadonlyChunkedMap<V>, key: string): boolean => {
  const bucket = bucketOf(map, key);
  return bucket !== undefined && own.call(bucket, key);
};

/** Sets `key` to `value`, mutating `map` (a draft or a private state). */
export const setEntry = <V>(map: ChunkedMap<V>, key: string, value: V): void => {
  const h = hash(key);
  let level = map.buckets[h & 63];
  if (level === null || level === undefined) {
    level = new Array(FAN_OUT).fill(null);
    map.buckets[h & 63] = level;
  }
  let bucket = level[(h >>> 6) & 63];
  if (bucket === null || bucket === undefined) {
    // No prototype: keys like "__proto__" are plain entries.
    bucket = Object.create(null) as Bucket<V>;
    level[(h >>> 6) & 63] = bucket;
  }
  if (!own.call(bucket, key)) map.size++;
  bucket[key] = value;
};

/** Removes `key`, mutating `map`. Returns whether it was present. */
export const deleteEntry = <V>(map: ChunkedMap<V>, key: string): boolean => {
  const h = hash(key);
  const bucket = map.buckets[h & 63]?.[(h >>> 6) & 63];
  if (bucket === null || bucket === undefined || !own.call(bucket, key)) return false;
  delete bucket[key];
  map.size--;
  return true;
};

/** Every entry, in no particular order. */
export function* chunkedEntries<V>(map: ReadonlyChunkedMap<V>): Generator<[string, V]> {
  for (const level of map.buckets) {
    if (level === null) continue;
    for (const bucket of level) {
      if (bucket === null) continue;
      for (const key in bucket) yield [key, bucket[key] as V];
    }
  }
}
