import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { createAccountDecider } from '../../src/account/decider.js';
import { given } from '../../src/testing/index.js';
import { cmd, ev, out, setup } from '../storage/fixtures.js';

const decider = createAccountDecider();
const off = setup({ recording: false });
const on = setup();
const lapsed = '2025-05-21T09:00:00+03:00';

describe('EnableRecording', () => {
  it('turns recording on with the notice on by default and the price in effect', () => {
    given(decider, off)
      .when(cmd('EnableRecording', {}))
      .then((events, state) => {
        expect(events).toEqual([
          out('RecordingEnabled', { notice: true, liabilityAcknowledged: false, monthlyFee: 70000 }),
        ]);
        expect(state.recording).toEqual({ enabled: true, notice: true, monthlyFee: 70000 });
      });
  });

  it('turns it on without the notice when the client acknowledges liability', () => {
    given(decider, off)
      .when(cmd('EnableRecording', { notice: false, acknowledgeLiability: true }))
      .then([out('RecordingEnabled', { notice: false, liabilityAcknowledged: true, monthlyFee: 70000 })]);
  });

  it('LiabilityNotAcknowledged: notice off without acknowledgement', () => {
    given(decider, off)
      .when(cmd('EnableRecording', { notice: false }))
      .thenError('LiabilityNotAcknowledged', (e) =>
        expect(e.details).toEqual({ field: 'data.acknowledgeLiability' }),
      );
  });

  it('RecordingAlreadyEnabled', () => {
    given(decider, on).when(cmd('EnableRecording', {})).thenError('RecordingAlreadyEnabled');
  });

  it('SubscriptionLapsed: a paid option cannot be turned on', () => {
    given(decider, setup({ recording: false, autoRenewal: false }))
      .when(cmd('EnableRecording', {}, lapsed))
      .thenError('SubscriptionLapsed');
  });
});

describe('DisableRecording', () => {
  it('turns recording off', () => {
    given(decider, on)
      .when(cmd('DisableRecording', {}))
      .then((events, state) => {
        expect(events).toEqual([out('RecordingDisabled', {})]);
        expect(state.recording.enabled).toBe(false);
      });
  });

  it('RecordingNotEnabled', () => {
    given(decider, off).when(cmd('DisableRecording', {})).thenError('RecordingNotEnabled');
  });
});

describe('SetRecordingNotice', () => {
  it('turns the notice off with the acknowledgement recorded, and on again', () => {
    given(decider, on)
      .when(cmd('SetRecordingNotice', { enabled: false, acknowledgeLiability: true }))
      .then([out('RecordingNoticeSet', { enabled: false, liabilityAcknowledged: true })]);
    given(decider, [...on, ev('RecordingNoticeSet', { enabled: false, liabilityAcknowledged: true })])
      .when(cmd('SetRecordingNotice', { enabled: true }))
      .then((events, state) => {
        expect(events).toEqual([out('RecordingNoticeSet', { enabled: true, liabilityAcknowledged: false })]);
        expect(state.recording.notice).toBe(true);
      });
  });

  it('the same value again: no events', () => {
    given(decider, on)
      .when(cmd('SetRecordingNotice', { enabled: true }))
      .thenNothing();
  });

  it('LiabilityNotAcknowledged: off without acknowledgement', () => {
    given(decider, on)
      .when(cmd('SetRecordingNotice', { enabled: false }))
      .thenError('LiabilityNotAcknowledged');
  });

  it('RecordingNotEnabled', () => {
    given(decider, off)
      .when(cmd('SetRecordingNotice', { enabled: true }))
      .thenError('RecordingNotEnabled');
  });
});

describe('recording commands: malformed payloads', () => {
  const metadata = { commandId: 'c-1', accountId: 'acc-1', at: '2025-04-21T10:00:00+03:00', actor: 'user-1' };
  it.each([
    ['EnableRecording', { notice: 'no' }, 'data.notice'],
    ['EnableRecording', { notice: false, acknowledgeLiability: false }, 'data.acknowledgeLiability'],
    ['DisableRecording', { now: true }, 'data.now'],
    ['SetRecordingNotice', {}, 'data.enabled'],
  ])('%s with %j names %s', (type, data, field) => {
    const result = decodeCommand({ type, data, metadata });
    expect(isLeft(result) && result.left.issues.map((issue) => issue.path)).toContain(field);
  });
});
