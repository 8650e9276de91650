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

/** What separates two call ids in a text of them: a line feed. */
const LINE_FEED = 10;

type Calls = Readonly<{ earlierCalls: string; recentCalls: string; recentCount: number }>;

/** Where the `skip`+1-th id of `calls` starts (after `skip` line feeds). */
const startAfter = (calls: string, skip: number): number => {
  let at = 0;
  for (let i = 0; i < skip; i++) at = calls.indexOf('\n', at) + 1;
  return at;
};

/** Whether `callId` is a whole id of `calls` at or after `from` (the start of an id). */
const holds = (calls: string, from: number, callId: string): boolean => {
  const end = callId.length;
  for (let at = calls.indexOf(callId, from); at !== -1; at = calls.indexOf(callId, at + 1)) {
    const fromStart = at === from || calls.charCodeAt(at - 1) === LINE_FEED;
    const toEnd = at + end === calls.length || calls.charCodeAt(at + end) === LINE_FEED;
    if (fromStart && toEnd) return true;
  }
  return false;
};

/** Whether `callId` is among the client's latest calls: a scan of two short texts, no list built. */
export const isRecentCall = (record: Calls, callId: string): boolean =>
  (record.recentCount > 0 && holds(record.recentCalls, 0, callId)) ||
  (record.earlierCalls !== '' &&
    holds(record.earlierCalls, startAfter(record.earlierCalls, record.recentCount), callId));

/** The client's latest call ids, oldest first. */
export const recentCallIdsOf = (record: Calls): string[] => {
  const earlier =
    record.earlierCalls === ''
      ? []
      : record.earlierCalls.slice(startAfter(record.earlierCalls, record.recentCount)).split('\n');
  return record.recentCount === 0 ? earlier : [...earlier, ...record.recentCalls.split('\n')];
};

/** The record of a client the account has just heard of: no calls, no notices. */
export const emptyClientRecord = (): ClientRecord => ({
  lastIncomingMs: null,
  lastOutgoingMs: null,
  lastMissedNoticeMs: null,
  lastUnreachedNoticeMs: null,
  earlierCalls: '',
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
 * Remembers `callId` as the client's latest: one concatenation a call. Every
 * {@link RECENT_CALL_IDS}th call the ids since the last such call become the earlier ones, and
 * the ones before them are dropped (no text is cut or copied).
 */
export const rememberCallId = (record: ClientRecord, callId: string): void => {
  const count = record.recentCount;
  const calls = count === 0 ? callId : `${record.recentCalls}\n${callId}`;
  if (count + 1 === RECENT_CALL_IDS) {
    record.earlierCalls = calls;
    record.recentCalls = '';
    record.recentCount = 0;
  } else {
    record.recentCalls = calls;
    record.recentCount = count + 1;
  }
};

/** The later of two instants, `null` meaning never. */
export const latest = (current: number | null, atMs: number): number =>
  current === null || atMs > current ? atMs : current;
