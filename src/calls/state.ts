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
   * The client's latest call ids come in blocks of eight, each one text with a line feed between
   * two ids (ids are printable, so none holds one), oldest first: `earlierCalls` is the last
   * whole block (`''` before the eighth call), `recentCalls` the ids since (`''` when none). The
   * latest eight are those of `recentCalls` and the last of `earlierCalls` (read them with
   * `recentCallIdsOf`). Texts rather than lists keep a snapshot of many clients small and quick
   * to read; whole blocks let a call cost one concatenation, never a cut.
   */
  earlierCalls: string;
  /** The ids since the last whole block (see {@link earlierCalls}). */
  recentCalls: string;
  /** How many ids {@link recentCalls} holds, 0 to 7 (kept, so that a call need not count them). */
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
