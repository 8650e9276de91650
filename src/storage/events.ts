/**
 * Events of recording storage.
 * @module
 */
import * as t from 'io-ts';
import { Id, Instant, NonNegativeInt, PositiveInt } from '../kernel/codecs.js';
import { PhoneNumber } from '../numbers/phone-number.js';

/** Where a recording came from: an МКН call, or a user number with the recording option. */
export const RecordingSource = t.union(
  [
    t.type({ kind: t.literal('multichannel'), number: PhoneNumber }),
    t.type({ kind: t.literal('user'), number: PhoneNumber }),
  ],
  'RecordingSource',
);

/** Event payload codecs of this capability, by event type. */
export const storageEvents = {
  /** A 5 GB pack was connected (`auto`: added because a recording did not fit). `packs`: count after. */
  StoragePackAdded: t.type({
    packs: PositiveInt,
    sizeBytes: PositiveInt,
    monthlyFee: NonNegativeInt,
    reason: t.keyof({ manual: null, auto: null }),
  }),
  /** The last pack was disconnected. `packs`: count after. */
  StoragePackRemoved: t.type({ packs: NonNegativeInt, sizeBytes: PositiveInt }),
  /** "Автоматическое подключение дополнительных пакетов" was switched. */
  AutoAddPacksSet: t.type({ enabled: t.boolean }),
  /** A recording was stored. */
  RecordingStored: t.type({
    recordingId: Id,
    callId: Id,
    source: RecordingSource,
    sizeBytes: PositiveInt,
    durationSeconds: NonNegativeInt,
    recordedAt: Instant,
  }),
  /**
   * The oldest unpinned recordings were deleted to make room (`space-needed`, for
   * `forRecordingId`) or because the quota was cut with confirmation (`quota-reduced`).
   */
  RecordingsEvicted: t.type({
    reason: t.keyof({ 'space-needed': null, 'quota-reduced': null }),
    recordings: t.array(t.type({ recordingId: Id, sizeBytes: PositiveInt })),
    bytesFreed: NonNegativeInt,
    forRecordingId: t.union([Id, t.null]),
  }),
  /** A recording was deleted on request. */
  RecordingDeleted: t.type({ recordingId: Id, sizeBytes: PositiveInt }),
  /** A recording is on legal hold: never evicted. */
  RecordingPinned: t.type({ recordingId: Id }),
  /** A recording left legal hold. */
  RecordingUnpinned: t.type({ recordingId: Id }),
  /** Usage crossed 90 % of the quota. */
  StorageAlmostFull: t.type({ usedBytes: NonNegativeInt, quotaBytes: PositiveInt }),
};
