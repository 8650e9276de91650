/**
 * `quotaUsage`: the recording storage as the PBX's dialog shows it — quota (tariff base +
 * 5 GB packs), used and free bytes, packs and their monthly charge, recordings held, pinned and
 * evicted, and the 90 % alert. See `quota-parts.ts` for the per-part view and its formatting.
 * @module
 */
import type { AccountEvent } from '../account/events.js';
import {
  type ChunkedMap,
  deleteEntry,
  emptyChunkedMap,
  getEntry,
  setEntry,
} from '../kernel/collections/chunked-map.js';
import { type ChunkedList, emptyChunkedList, pushItem } from './chunked-list.js';
import { createProjection } from './projection.js';

/** A recording held in storage. */
export interface HeldRecordingView {
  sizeBytes: number;
  pinned: boolean;
}

/** A recording deleted to make room or because the quota was cut. */
export interface EvictedRecordingView {
  recordingId: string;
  sizeBytes: number;
  reason: 'space-needed' | 'quota-reduced';
  /** Instant of the eviction (the event's `metadata.at`). */
  at: string;
}

/** The 90 % alert: `active` from `StorageAlmostFull` until usage drops below 90 % of the quota. */
export interface StorageAlertView {
  active: boolean;
  /** When it last fired. */
  lastAt: string | null;
  /** How many times it fired. */
  fired: number;
}

/** The quota usage view (mutable form; callers get it read-only). */
export interface QuotaUsageDraft {
  /** The tariff's base storage, bytes (0 until the account is opened). */
  baseBytes: number;
  /** Connected packs in order, each with its size and the price in effect when added. */
  packs: { sizeBytes: number; monthlyFee: number }[];
  usedBytes: number;
  /** Recordings held, by id. */
  held: ChunkedMap<HeldRecordingView>;
  pinnedCount: number;
  pinnedBytes: number;
  /** Every recording evicted, in order. */
  evicted: ChunkedList<EvictedRecordingView>;
  /** Recordings deleted on request. */
  deletedCount: number;
  alert: StorageAlertView;
}

const initial = (): QuotaUsageDraft => ({
  baseBytes: 0,
  packs: [],
  usedBytes: 0,
  held: emptyChunkedMap(),
  pinnedCount: 0,
  pinnedBytes: 0,
  evicted: emptyChunkedList(),
  deletedCount: 0,
  alert: { active: false, lastAt: null, fired: 0 },
});

const quotaOf = (view: QuotaUsageDraft): number => {
  let quota = view.baseBytes;
  for (const pack of view.packs) quota += pack.sizeBytes;
  return quota;
};

const release = (view: QuotaUsageDraft, recordingId: string, sizeBytes: number): void => {
  const held = getEntry(view.held, recordingId);
  if (held?.pinned === true) {
    view.pinnedCount -= 1;
    view.pinnedBytes -= held.sizeBytes;
  }
  if (deleteEntry(view.held, recordingId)) view.usedBytes -= sizeBytes;
};

const setPinned = (view: QuotaUsageDraft, recordingId: string, pinned: boolean): void => {
  const held = getEntry(view.held, recordingId);
  if (held === undefined || held.pinned === pinned) return;
  setEntry(view.held, recordingId, { sizeBytes: held.sizeBytes, pinned });
  view.pinnedCount += pinned ? 1 : -1;
  view.pinnedBytes += pinned ? held.sizeBytes : -held.sizeBytes;
};

const recipe = (view: QuotaUsageDraft, event: AccountEvent): void => {
  switch (event.type) {
    case 'AccountOpened':
    case 'TariffChanged':
      view.baseBytes = event.data.tariff.baseStorageBytes;
      break;
    case 'StoragePackAdded':
      view.packs.push({ sizeBytes: event.data.sizeBytes, monthlyFee: event.data.monthlyFee });
      break;
    case 'StoragePackRemoved':
      while (view.packs.length > event.data.packs) view.packs.pop();
      break;
    case 'RecordingStored':
      setEntry(view.held, event.data.recordingId, { sizeBytes: event.data.sizeBytes, pinned: false });
      view.usedBytes += event.data.sizeBytes;
      break;
    case 'RecordingsEvicted':
      for (const r of event.data.recordings) {
        release(view, r.recordingId, r.sizeBytes);
        const evicted = {
          recordingId: r.recordingId,
          sizeBytes: r.sizeBytes,
          reason: event.data.reason,
          at: event.metadata.at,
        };
        pushItem(view.evicted, evicted);
      }
      break;
    case 'RecordingDeleted':
      release(view, event.data.recordingId, event.data.sizeBytes);
      view.deletedCount += 1;
      break;
    case 'RecordingPinned':
      setPinned(view, event.data.recordingId, true);
      return;
    case 'RecordingUnpinned':
      setPinned(view, event.data.recordingId, false);
      return;
    case 'StorageAlmostFull':
      view.alert.active = true;
      view.alert.lastAt = event.metadata.at;
      view.alert.fired += 1;
      return;
    default:
      return;
  }
  // Re-arm once usage is back under 90 % of the quota (integer comparison).
  if (view.alert.active && view.usedBytes * 10 < quotaOf(view) * 9) view.alert.active = false;
};

/** Storage quota usage: quota, used, free, packs, recordings held / pinned / evicted, 90 % alert. */
export const quotaUsage = createProjection({ name: 'quotaUsage', initial: initial(), recipe });

/** The storage dialog's data: quota, usage, packs and their charge, recordings held, pinned and evicted. */
export type QuotaUsage = typeof quotaUsage.initial;
