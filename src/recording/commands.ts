/**
 * Commands of the recording option.
 * @module
 */
import * as t from 'io-ts';
import { strictType, True } from '../kernel/codecs.js';

/** Command payload codecs of this capability, by command type. */
export const recordingCommands = {
  /** Turns recording on; the notice is on unless `notice: false` with `acknowledgeLiability: true`. */
  EnableRecording: strictType({}, { notice: t.boolean, acknowledgeLiability: True }),
  /** Turns recording off. */
  DisableRecording: strictType({}),
  /** Switches the notice; off needs `acknowledgeLiability: true` (the client answers for complaints). */
  SetRecordingNotice: strictType({ enabled: t.boolean }, { acknowledgeLiability: True }),
};
