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

/** Ids the text may hold before it drops the ones past {@link RECENT_CALL_IDS} (all at once). */
const HELD_AT_MOST = 2 * RECENT_CALL_IDS - 1;

/** Where the `skip`+1-th id of `calls` starts (after `skip` line feeds). */
const startAfter = (calls: string, skip: number): number => {
  let at = 0;
  for (let i = 0; i < skip; i++) at = calls.indexOf('\n', at) + 1;
  return at;
};

/** Where the latest {@link RECENT_CALL_IDS} ids start in the record's text. */
const recentStart = (record: Readonly<{ recentCalls: string; recentCount: number }>): number =>
  record.recentCount > RECENT_CALL_IDS
    ? startAfter(record.recentCalls, record.recentCount - RECENT_CALL_IDS)
    : 0;

/** Whether `callId` is among the client's latest calls (no allocation: a scan of one short text). */
export const isRecentCall = (
  record: Readonly<{ recentCalls: string; recentCount: number }>,
  callId: string,
): boolean => {
  const calls = record.recentCalls;
  const end = callId.length;
  const from = recentStart(record);
  for (let at = calls.indexOf(callId, from); at !== -1; at = calls.indexOf(callId, at + 1)) {
    const fromStart = at === from || calls.charCodeAt(at - 1) === LINE_FEED;
    const toEnd = at + end === calls.length || calls.charCodeAt(at + end) === LINE_FEED;
    if (fromStart && toEnd) return true;
  }
  return false;
};

/** The client's latest call ids, oldest first. */
export const recentCallIdsOf = (record: Readonly<{ recentCalls: string; recentCount: number }>): string[] =>
  record.recentCalls === '' ? [] : record.recentCalls.slice(recentStart(record)).split('\n');

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

/**
 * Remembers `callId` as the client's latest. The text grows by one id a call and drops the ids
 * past the latest {@link RECENT_CALL_IDS} once in that many calls: a call then costs one
 * concatenation, where cutting the oldest id off every time costs a copy of the whole text.
 */
export const rememberCallId = (record: ClientRecord, callId: string): void => {
  const count = record.recentCount;
  if (count === 0) {
    record.recentCalls = callId;
    record.recentCount = 1;
  } else if (count < HELD_AT_MOST) {
    record.recentCalls = `${record.recentCalls}\n${callId}`;
    record.recentCount = count + 1;
  } else {
    const calls = record.recentCalls;
    record.recentCalls = `${calls.slice(startAfter(calls, count - RECENT_CALL_IDS + 1))}\n${callId}`;
    record.recentCount = RECENT_CALL_IDS;
  }
};

/** The later of two instants, `null` meaning never. */
export const latest = (current: number | null, atMs: number): number =>
  current === null || atMs > current ? atMs : current;
