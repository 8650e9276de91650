/**
 * A client's record: what the visit card, the suppression window and duplicate detection need
 * of that client's calls, in a bounded size whatever the number of calls.
 * @module
 */
import {
  type ChunkedMap,
  getEntry,
  getHashed,
  keyHash,
  type ReadonlyChunkedMap,
  setHashed,
} from '../kernel/collections/chunked-map.js';
import type { ClientRecord } from './state.js';

/**
 * How many of a client's latest call ids are remembered: a call id registered again after this
 * many newer calls of the same client is no longer recognised as a repeat.
 */
export const RECENT_CALL_IDS = 8;

/** Whether `callId` is among the client's latest calls. */
export const isRecentCall = (
  record: Readonly<{ recentCallIds: readonly string[] }>,
  callId: string,
): boolean => record.recentCallIds.includes(callId);

/** The record of `client` (created empty if the client is new), mutable: drafts and private states only. */
export const clientRecordFor = (clients: ChunkedMap<ClientRecord>, client: string): ClientRecord => {
  // Hashed once for the lookup and, for a new client, the insert.
  const h = keyHash(client);
  const found = getHashed(clients, h, client);
  if (found !== undefined) return found;
  const created: ClientRecord = {
    lastIncomingMs: null,
    lastOutgoingMs: null,
    lastMissedNoticeMs: null,
    lastUnreachedNoticeMs: null,
    recentCallIds: [],
  };
  // A new object under immer is not a draft: mutating it directly is safe.
  setHashed(clients, h, client, created);
  return created;
};

/** The record of `client`, or `undefined` if the account never heard of them. */
export const clientRecordOf = <R>(clients: ReadonlyChunkedMap<R>, client: string): R | undefined =>
  getEntry(clients, client);

/** Remembers `callId` as the client's latest, forgetting the oldest beyond {@link RECENT_CALL_IDS}. */
export const rememberCallId = (record: ClientRecord, callId: string): void => {
  const ids = record.recentCallIds;
  if (ids.length < RECENT_CALL_IDS) {
    ids.push(callId);
    return;
  }
  // A fixed-size window: move the (at most 7) others down, never `shift` a growing array.
  for (let i = 1; i < ids.length; i++) ids[i - 1] = ids[i] as string;
  ids[ids.length - 1] = callId;
};

/** The later of two instants, `null` meaning never. */
export const latest = (current: number | null, atMs: number): number =>
  current === null || atMs > current ? atMs : current;
