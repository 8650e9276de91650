/**
 * A shadow of what the events said, kept by the property runner independently of the domain's
 * own bookkeeping: which recordings are held (stored and not yet evicted or deleted), in which
 * order they arrived, how many calls were registered, and which periods used the free SMS
 * package. The state must agree with it after every event.
 */

/** A recording the events say is held. */
export interface HeldInModel {
  readonly sizeBytes: number;
  readonly recordedAtMs: number;
  /** Arrival order (ties between equal recorded instants). */
  readonly seq: number;
  pinned: boolean;
}

/** What the runner learned from the events so far. */
export interface Model {
  readonly held: Map<string, HeldInModel>;
  nextSeq: number;
  registered: number;
  /** Period starts (epoch ms) in which the free package was had, bought or renewed. */
  readonly freePackages: Set<number>;
  /** Recordings stored, evicted and deleted, over the whole sequence. */
  stored: number;
  evicted: number;
  deleted: number;
  /** SMS notices sent and SMS spent. */
  smsNotices: number;
  smsSpent: number;
}

/** An empty model. */
export const emptyModel = (): Model => ({
  held: new Map(),
  nextSeq: 0,
  registered: 0,
  freePackages: new Set(),
  stored: 0,
  evicted: 0,
  deleted: 0,
  smsNotices: 0,
  smsSpent: 0,
});

/** Eviction order: recorded instant, then arrival. */
export const evictionOrder = (a: HeldInModel, b: HeldInModel): number =>
  a.recordedAtMs - b.recordedAtMs || a.seq - b.seq;
