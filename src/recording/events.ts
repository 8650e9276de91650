/**
 * Events of the recording option.
 * @module
 */
import * as t from 'io-ts';
import { NonNegativeInt } from '../kernel/codecs.js';

/** Event payload codecs of this capability, by event type. */
export const recordingEvents = {
  /** Recording of incoming МКН calls was turned on, with the price in effect. */
  RecordingEnabled: t.type({
    notice: t.boolean,
    liabilityAcknowledged: t.boolean,
    monthlyFee: NonNegativeInt,
  }),
  /** Recording was turned off (stored recordings stay). */
  RecordingDisabled: t.type({}),
  /** The notice to callers was switched; turning it off records the client's acknowledgement. */
  RecordingNoticeSet: t.type({ enabled: t.boolean, liabilityAcknowledged: t.boolean }),
};
