/**
 * `DeleteRecording`, `PinRecording`, `UnpinRecording`: a recording on request, and legal hold.
 * @module
 */
import { accept, type DecideFn, type Decision, eventOf, reject } from '../account/decision.js';
import { getEntry } from '../kernel/collections/chunked-map.js';

const unknownRecording = (recordingId: string): Decision =>
  reject('UnknownRecording', `no recording ${recordingId} is stored`, {
    field: 'data.recordingId',
    recordingId,
  });

/** Deletes a recording. Errors: `UnknownRecording`, `RecordingPinned` (unpin it first). */
export const decideDeleteRecording: DecideFn<'DeleteRecording'> = (command, state, context) => {
  const { recordingId } = command.data;
  const held = getEntry(state.storage.recordings, recordingId);
  if (held === undefined) return unknownRecording(recordingId);
  if (held.pinned) {
    return reject('RecordingPinned', `recording ${recordingId} is on legal hold; unpin it first`, {
      field: 'data.recordingId',
      recordingId,
    });
  }
  return accept(eventOf('RecordingDeleted', { recordingId, sizeBytes: held.sizeBytes }, context));
};

/** Puts a recording on legal hold (never evicted). Already pinned: no events. Error: `UnknownRecording`. */
export const decidePinRecording: DecideFn<'PinRecording'> = (command, state, context) => {
  const { recordingId } = command.data;
  const held = getEntry(state.storage.recordings, recordingId);
  if (held === undefined) return unknownRecording(recordingId);
  return held.pinned ? accept() : accept(eventOf('RecordingPinned', { recordingId }, context));
};

/** Takes a recording off legal hold. Not pinned: no events. Error: `UnknownRecording`. */
export const decideUnpinRecording: DecideFn<'UnpinRecording'> = (command, state, context) => {
  const { recordingId } = command.data;
  const held = getEntry(state.storage.recordings, recordingId);
  if (held === undefined) return unknownRecording(recordingId);
  return held.pinned ? accept(eventOf('RecordingUnpinned', { recordingId }, context)) : accept();
};
