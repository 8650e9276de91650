import { describe, expect, it } from 'vitest';
import { createAccountDecider } from '../../src/account/decider.js';
import { given } from '../../src/testing/index.js';
import { cmd, ev, MIB, out, setup, stored } from './fixtures.js';

const decider = createAccountDecider();
const history = [...setup(), stored('r1', 10 * MIB)];
const pinned = [...history, ev('RecordingPinned', { recordingId: 'r1' })];

describe('DeleteRecording', () => {
  it('deletes a recording and frees its bytes', () => {
    given(decider, history)
      .when(cmd('DeleteRecording', { recordingId: 'r1' }))
      .then((events, state) => {
        expect(events).toEqual([out('RecordingDeleted', { recordingId: 'r1', sizeBytes: 10 * MIB })]);
        expect(state.storage.usedBytes).toBe(0);
        expect(state.storage.recordings.size).toBe(0);
      });
  });

  it('UnknownRecording for an id not stored', () => {
    given(decider, history)
      .when(cmd('DeleteRecording', { recordingId: 'nope' }))
      .thenError('UnknownRecording', (e) =>
        expect(e.details).toEqual({ field: 'data.recordingId', recordingId: 'nope' }),
      );
  });

  it('RecordingPinned for a recording on legal hold', () => {
    given(decider, pinned)
      .when(cmd('DeleteRecording', { recordingId: 'r1' }))
      .thenError('RecordingPinned');
  });
});

describe('PinRecording / UnpinRecording', () => {
  it('pins and unpins, counting pinned bytes', () => {
    given(decider, history)
      .when(cmd('PinRecording', { recordingId: 'r1' }))
      .then((events, state) => {
        expect(events).toEqual([out('RecordingPinned', { recordingId: 'r1' })]);
        expect(state.storage.pinnedBytes).toBe(10 * MIB);
      });
    given(decider, pinned)
      .when(cmd('UnpinRecording', { recordingId: 'r1' }))
      .then((events, state) => {
        expect(events).toEqual([out('RecordingUnpinned', { recordingId: 'r1' })]);
        expect(state.storage.pinnedBytes).toBe(0);
      });
  });

  it('already pinned or not pinned: no events', () => {
    given(decider, pinned)
      .when(cmd('PinRecording', { recordingId: 'r1' }))
      .thenNothing();
    given(decider, history)
      .when(cmd('UnpinRecording', { recordingId: 'r1' }))
      .thenNothing();
  });

  it('UnknownRecording for an id not stored', () => {
    given(decider, history)
      .when(cmd('PinRecording', { recordingId: 'x' }))
      .thenError('UnknownRecording');
    given(decider, history)
      .when(cmd('UnpinRecording', { recordingId: 'x' }))
      .thenError('UnknownRecording');
  });
});
