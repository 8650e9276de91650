/**
 * Evolutions of the recording option.
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import type { recordingEvents } from './events.js';

type Owned = keyof typeof recordingEvents;

/** Evolutions of this capability, by event type. */
export const recordingEvolutions: Evolutions<Owned> = {
  RecordingEnabled: (draft, { data }) => {
    draft.recording.enabled = true;
    draft.recording.notice = data.notice;
    draft.recording.monthlyFee = data.monthlyFee;
  },
  RecordingDisabled: (draft) => {
    draft.recording.enabled = false;
  },
  RecordingNoticeSet: (draft, { data }) => {
    draft.recording.notice = data.enabled;
  },
};
