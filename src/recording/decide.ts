/**
 * Decisions of the recording option: recording of incoming calls to multichannel numbers, and
 * the notice played to callers (off only with the client's acknowledgement of liability).
 * @module
 */
import { left } from 'fp-ts/lib/Either.js';
import { accept, type Decision, type Decisions, eventOf, reject } from '../account/decision.js';
import { subscriptionLapsed } from '../tariff/guards.js';
import type { recordingCommands } from './commands.js';

type Owned = keyof typeof recordingCommands;

const liabilityNotAcknowledged = (): Decision =>
  reject(
    'LiabilityNotAcknowledged',
    'turning the recording notice off needs acknowledgeLiability: true (the client then answers for complaints)',
    { field: 'data.acknowledgeLiability' },
  );

const notEnabled = (): Decision =>
  reject('RecordingNotEnabled', 'recording of calls to multichannel numbers is off', {});

/** Decisions of this capability, by command type. */
export const recordingDecisions: Decisions<Owned> = {
  /**
   * Errors: `LiabilityNotAcknowledged` (`notice: false` without acknowledgement),
   * `RecordingAlreadyEnabled`, `SubscriptionLapsed`. The event carries the price in effect.
   */
  EnableRecording: (command, state, context) => {
    const notice = command.data.notice ?? true;
    const acknowledged = command.data.acknowledgeLiability === true;
    if (!notice && !acknowledged) return liabilityNotAcknowledged();
    if (state.recording.enabled) {
      return reject(
        'RecordingAlreadyEnabled',
        'recording of calls to multichannel numbers is already on',
        {},
      );
    }
    const lapsed = subscriptionLapsed(state, context);
    if (lapsed !== undefined) return left(lapsed);
    return accept(
      eventOf(
        'RecordingEnabled',
        { notice, liabilityAcknowledged: acknowledged, monthlyFee: context.catalogue.recording.monthlyFee },
        context,
      ),
    );
  },
  /** Error: `RecordingNotEnabled`. Stored recordings stay. */
  DisableRecording: (_command, state, context) =>
    state.recording.enabled ? accept(eventOf('RecordingDisabled', {}, context)) : notEnabled(),
  /**
   * Errors: `RecordingNotEnabled`, `LiabilityNotAcknowledged` (off without acknowledgement).
   * The same value again: no events.
   */
  SetRecordingNotice: (command, state, context) => {
    const { enabled } = command.data;
    const acknowledged = command.data.acknowledgeLiability === true;
    if (!state.recording.enabled) return notEnabled();
    if (!enabled && !acknowledged) return liabilityNotAcknowledged();
    if (state.recording.notice === enabled) return accept();
    return accept(eventOf('RecordingNoticeSet', { enabled, liabilityAcknowledged: acknowledged }, context));
  },
};
