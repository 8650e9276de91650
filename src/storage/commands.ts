/**
 * Commands of recording storage.
 * @module
 */
import * as t from 'io-ts';
import { Id, Instant, NonNegativeInt, PositiveInt, strictType, True } from '../kernel/codecs.js';
import { RecordingSource } from './events.js';

/** Command payload codecs of this capability, by command type. */
export const storageCommands = {
  /** Connects one 5 GB pack (at most 9). */
  AddStoragePack: strictType({}),
  /** Disconnects the last pack; `confirmEviction` when usage would not fit the smaller quota. */
  RemoveStoragePack: strictType({}, { confirmEviction: True }),
  /** Switches auto-adding packs when storage fills. */
  SetAutoAddPacks: strictType({ enabled: t.boolean }),
  /** Stores a finished recording: adds packs or evicts the oldest as needed. */
  StoreRecording: strictType({
    recordingId: Id,
    callId: Id,
    source: RecordingSource,
    sizeBytes: PositiveInt,
    durationSeconds: NonNegativeInt,
    recordedAt: Instant,
  }),
  /** Deletes a recording. */
  DeleteRecording: strictType({ recordingId: Id }),
  /** Puts a recording on legal hold. */
  PinRecording: strictType({ recordingId: Id }),
  /** Takes a recording off legal hold. */
  UnpinRecording: strictType({ recordingId: Id }),
};
