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

/** What separates two call ids in {@link ClientRecord.recentCalls}: a line feed. */
const LINE_FEED = 10;

/** Whether `callId` is among the client's latest calls (no allocation: a scan of one short text). */
export const isRecentCall = (record: Readonly<{ recentCalls: string }>, callId: string): boolean => {
  const calls = record.recentCalls;
  const end = callId.length;
  for (let at = calls.indexOf(callId); at !== -1; at = calls.indexOf(callId, at + 1)) {
    const fromStart = at === 0 || calls.charCodeAt(at - 1) === LINE_FEED;
    const toEnd = at + end === calls.length || calls.charCodeAt(at + end) === LINE_FEED;
    if (fromStart && toEnd) return true;
  }
  return false;
};

/** The client's latest call ids, oldest first. */
export const recentCallIdsOf = (record: Readonly<{ recentCalls: string }>): string[] =>
  record.recentCalls === '' ? [] : record.recentCalls.split('\n');

/** The record of a client the account has just heard of: no calls, no notices. */
export const emptyClientRecord = (): ClientRecord => ({
  lastIncomingMs: null,
  lastOutgoingMs: null,
  lastMissedNoticeMs: null,
  lastUnreachedNoticeMs: null,
  recentCalls: '',
  recentCount: 0,
});

/** The record of `client` (created empty if the client is new), mutable: drafts and private states only. */
export const clientRecordFor = (clients: ChunkedMap<ClientRecord>, client: string): ClientRecord => {
  // Hashed once for the lookup and, for a new client, the insert.
  const h = keyHash(client);
  const found = getHashed(clients, h, client);
  if (found !== undefined) return found;
  const created = emptyClientRecord();
  // A new object under immer is not a draft: mutating it directly is safe.
  setHashed(clients, h, client, created);
  return created;
};

/** The record of `client`, or `undefined` if the account never heard of them. */
export const clientRecordOf = <R>(clients: ReadonlyChunkedMap<R>, client: string): R | undefined =>
  getEntry(clients, client);

/** Remembers `callId` as the client's latest, forgetting the oldest beyond {@link RECENT_CALL_IDS}. */
export const rememberCallId = (record: ClientRecord, callId: string): void => {
  const calls = record.recentCalls;
  const count = record.recentCount;
  if (count === 0) {
    record.recentCalls = callId;
    record.recentCount = 1;
  } else if (count < RECENT_CALL_IDS) {
    record.recentCalls = `${calls}\n${callId}`;
    record.recentCount = count + 1;
  } else {
    record.recentCalls = `${calls.slice(calls.indexOf('\n') + 1)}\n${callId}`;
  }
};

/** The later of two instants, `null` meaning never. */
export const latest = (current: number | null, atMs: number): number =>
  current === null || atMs > current ? atMs : current;
