/**
 * Which shard a stream lives on, by default: rendezvous hashing over the shard ids. Every
 * process computes the same answer from the stream id and the list of ids alone, and adding a
 * shard moves only the streams that now hash highest to it (about one in n + 1). To add a shard
 * for new accounts only, keep the assignment instead (see `shardOf` of the sharded store).
 * @module
 */

/** 32-bit FNV-1a, then a final avalanche, of a shard id and a stream id. */
const weight = (shardId: string, streamId: string): number => {
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  };
  mix(shardId);
  hash ^= 0xff; // a separator no id can produce on its own
  hash = Math.imul(hash, 0x01000193);
  mix(streamId);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
};

/** The default assignment: the shard whose id and the stream id hash highest (ties: the first). */
export const rendezvousShardOf =
  (shardIds: readonly string[]) =>
  (streamId: string): string => {
    let best = shardIds[0]!;
    let top = -1;
    for (const id of shardIds) {
      const w = weight(id, streamId);
      if (w > top) {
        top = w;
        best = id;
      }
    }
    return best;
  };
