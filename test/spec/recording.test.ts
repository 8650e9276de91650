/**
 * Recording of incoming calls to multichannel numbers: 700 ₽ a month, the notice to callers on
 * by default, and off only with the client's acknowledgement that complaints are then theirs.
 */
import { describe, expect, it } from 'vitest';
import { given } from '../../src/testing/index.js';
import {
  cmd,
  DAY_2,
  decider,
  historyOf,
  MIB,
  ofType,
  opened,
  recording,
  refusal,
  staffed,
} from './support.js';

describe('the recording option', () => {
  it('costs 700 ₽ a month: the event carries the price in effect', () => {
    given(decider, opened())
      .when(cmd('EnableRecording', {}, DAY_2))
      .then((events) => {
        expect(ofType(events, 'RecordingEnabled')[0]?.data.monthlyFee).toBe(70_000);
      });
  });

  it('records calls arriving on an МКН: once on, a recording of an МКН call is stored', () => {
    const history = staffed(cmd('EnableRecording', {}, DAY_2));
    given(decider, history)
      .when(recording('r-1', MIB, DAY_2))
      .then((events) => expect(ofType(events, 'RecordingStored')).toHaveLength(1));
  });

  it('without the option, a recording of an МКН call is refused (nothing is stored silently)', () => {
    expect(refusal(staffed(), recording('r-1', MIB, DAY_2)).code).toBe('RecordingNotEnabled');
  });
});

describe('the recording notice played to the caller', () => {
  it('is on by default when recording is enabled', () => {
    given(decider, opened())
      .when(cmd('EnableRecording', {}, DAY_2))
      .then((events, state) => {
        expect(ofType(events, 'RecordingEnabled')[0]?.data).toMatchObject({ notice: true });
        expect(state.recording.notice).toBe(true);
      });
  });

  it('cannot be turned off without acknowledging the liability for complaints', () => {
    const on = historyOf(opened(), cmd('EnableRecording', {}, DAY_2));
    const error = refusal(on, cmd('SetRecordingNotice', { enabled: false }, DAY_2));
    expect(error.code).toBe('LiabilityNotAcknowledged');
    expect(error.details).toMatchObject({ field: 'data.acknowledgeLiability' });
    expect(refusal(opened(), cmd('EnableRecording', { notice: false }, DAY_2)).code).toBe(
      'LiabilityNotAcknowledged',
    );
  });

  it('turned off with the acknowledgement, the event records it', () => {
    const on = historyOf(opened(), cmd('EnableRecording', {}, DAY_2));
    given(decider, on)
      .when(cmd('SetRecordingNotice', { enabled: false, acknowledgeLiability: true }, DAY_2))
      .then((events, state) => {
        expect(ofType(events, 'RecordingNoticeSet')[0]?.data).toEqual({
          enabled: false,
          liabilityAcknowledged: true,
        });
        expect(state.recording.notice).toBe(false);
      });
    given(decider, opened())
      .when(cmd('EnableRecording', { notice: false, acknowledgeLiability: true }, DAY_2))
      .then((events) => {
        expect(ofType(events, 'RecordingEnabled')[0]?.data).toMatchObject({
          notice: false,
          liabilityAcknowledged: true,
        });
      });
  });

  it('turning it back on needs no acknowledgement', () => {
    const off = historyOf(
      opened(),
      cmd('EnableRecording', { notice: false, acknowledgeLiability: true }, DAY_2),
    );
    given(decider, off)
      .when(cmd('SetRecordingNotice', { enabled: true }, DAY_2))
      .then((_events, state) => expect(state.recording.notice).toBe(true));
  });
});
