/**
 * Calls registered by the telephony side: per client, what the visit card, the suppression
 * window and duplicate detection need. Memory grows with distinct clients, not with calls.
 * @module
 */
import { type ChunkedMap, emptyChunkedMap } from '../kernel/collections/chunked-map.js';

/** What the account remembers of one client. */
export interface ClientRecord {
  /** Last incoming call to an МКН, epoch ms (direct calls do not count for the visit card). */
  lastIncomingMs: number | null;
  /** Last outgoing call, epoch ms. */
  lastOutgoingMs: number | null;
  /** Last missed-call notice, epoch ms (suppression window). */
  lastMissedNoticeMs: number | null;
  /** Last unreached notice, epoch ms (suppression window). */
  lastUnreachedNoticeMs: number | null;
  /**
   * Ids of this client's latest calls, oldest first, with a line feed between two (ids are
   * printable, so none holds one): one text rather than a list, so a snapshot of many clients
   * stays small and quick to read. It holds the latest eight and up to seven before them, which
   * count for nothing: the text sheds them all at once every eighth call rather than one id a
   * call (read it with `recentCallIdsOf`). `''` before the first call.
   */
  recentCalls: string;
  /** How many ids {@link recentCalls} holds, the ones past the latest eight included (at most 15). */
  recentCount: number;
}

/** Calls of the account. */
export interface CallsSlice {
  clients: ChunkedMap<ClientRecord>;
  /** Calls registered so far. */
  registered: number;
}

/** No calls yet. */
export const initialCallsSlice = (): CallsSlice => ({ clients: emptyChunkedMap(), registered: 0 });
