/**
 * Smart callback at its edges: a window belongs to the client, not to one МКН; an answered call
 * between the same operator and client, in either direction, closes it; the call's own times
 * decide when it opens and which window is the latest.
 */
import { describe, expect, it } from 'vitest';
import { given } from '../../src/testing/index.js';
import {
  CLIENT,
  call,
  cmd,
  decider,
  evt,
  historyOf,
  MKN,
  OPERATOR,
  OPERATOR_2,
  OTHER_MKN,
  ofType,
  type Step,
  withNumbers,
} from '../calls/fixtures.js';

const CALLED_AT = '2025-04-22T12:00:00+03:00';
const outgoing = (callId: string, at: string, operator = OPERATOR, extra: Parameters<typeof call>[2] = {}) =>
  call(callId, at, { direction: 'outgoing', line: 'direct', outcome: 'missed', operator, ...extra });
const routeTo = (mkn: string, at: string) =>
  cmd('RouteIncomingCall', { client: CLIENT, multichannelNumber: mkn }, at);

/** Two МКН, smart callback on (60 minutes), OPERATOR's unanswered call at 12:00. */
const windowOpen = (...more: Step[]) =>
  historyOf(
    withNumbers(),
    cmd('AddMultichannelNumber', { number: OTHER_MKN }),
    cmd('EnableSmartCallback', {}),
    outgoing('out-1', CALLED_AT),
    ...more,
  );

describe('a window belongs to the client', () => {
  it('a call back to any МКН of the account is routed to the operator', () => {
    // The operator's call showed MKN; the client calls OTHER_MKN back at 12:20, within 60 minutes.
    given(decider, windowOpen())
      .when(routeTo(OTHER_MKN, '2025-04-22T12:20:00+03:00'))
      .then((events) =>
        expect(events[0]?.data).toEqual({
          client: CLIENT,
          multichannelNumber: OTHER_MKN,
          operator: OPERATOR,
          reason: 'smart-callback',
        }),
      );
  });

  it('the latest window wins: a second operator’s later call takes the client', () => {
    given(decider, windowOpen(outgoing('out-2', '2025-04-22T12:10:00+03:00', OPERATOR_2)))
      .when(routeTo(MKN, '2025-04-22T12:20:00+03:00'))
      .then((events) => expect(events[0]?.data).toMatchObject({ operator: OPERATOR_2 }));
  });

  it('a call reported late that was made before the open window does not replace it', () => {
    // OPERATOR_2's call ended at 11:50, reported at 12:05: OPERATOR's window (12:00) stays.
    const late = outgoing('out-2', '2025-04-22T12:05:00+03:00', OPERATOR_2, {
      startedAt: '2025-04-22T11:49:00+03:00',
      endedAt: '2025-04-22T11:50:00+03:00',
    });
    given(decider, windowOpen())
      .when(late)
      .then((events) => expect(ofType(events, 'SmartCallbackWindowOpened')).toEqual([]));
  });
});

describe('an answered call between the operator and the client closes the window', () => {
  it('the client calls the operator’s direct number and is answered: closed, the next call back is not routed', () => {
    const answered = call('in-1', '2025-04-22T12:10:00+03:00', {
      direction: 'incoming',
      line: 'direct',
      outcome: 'answered',
      operator: OPERATOR,
    });
    given(decider, windowOpen())
      .when(answered)
      .then((events) =>
        expect(events.slice(1)).toEqual([
          evt(
            'SmartCallbackWindowClosed',
            {
              client: CLIENT,
              operator: OPERATOR,
              callId: 'out-1',
              reason: 'answered-call',
              byCallId: 'in-1',
            },
            answered,
          ),
        ]),
      );
    given(decider, windowOpen(answered))
      .when(routeTo(MKN, '2025-04-22T12:20:00+03:00'))
      .then((events) => expect(events[0]?.data).toMatchObject({ operator: null, reason: 'no-window' }));
  });

  it('the operator calls the client again and gets through: closed', () => {
    given(decider, windowOpen())
      .when(outgoing('out-2', '2025-04-22T12:10:00+03:00', OPERATOR, { outcome: 'answered' }))
      .then((events) => expect(ofType(events, 'SmartCallbackWindowClosed')).toHaveLength(1));
  });

  it('an answered call with another operator, an unanswered one, or one made before the window leaves it open', () => {
    given(decider, windowOpen())
      .when(outgoing('out-2', '2025-04-22T12:10:00+03:00', OPERATOR_2, { outcome: 'answered' }))
      .then((events) => expect(ofType(events, 'SmartCallbackWindowClosed')).toEqual([]));
    given(decider, windowOpen())
      .when(outgoing('out-2', '2025-04-22T12:10:00+03:00', OPERATOR, { outcome: 'busy' }))
      .then((events) => expect(ofType(events, 'SmartCallbackWindowClosed')).toEqual([]));
    // Answered at 11:30 (before the 12:00 call), reported at 12:10.
    given(decider, windowOpen())
      .when(
        outgoing('out-0', '2025-04-22T12:10:00+03:00', OPERATOR, {
          outcome: 'answered',
          startedAt: '2025-04-22T11:30:00+03:00',
        }),
      )
      .then((events) => expect(ofType(events, 'SmartCallbackWindowClosed')).toEqual([]));
  });
});

describe('the window runs from the end of the call', () => {
  it('a call that ended at 11:40 and was reported at 12:00 opens a window until 12:40', () => {
    given(decider, windowOpen())
      .when(
        outgoing('out-2', '2025-04-22T12:00:00+03:00', OPERATOR, { endedAt: '2025-04-22T11:40:00+03:00' }),
      )
      .then((events) =>
        // Its window (11:40–12:40) is older than out-1's, opened at 12:00: the latest one stays.
        expect(ofType(events, 'SmartCallbackWindowOpened')).toEqual([]),
      );
    given(decider, historyOf(withNumbers(), cmd('EnableSmartCallback', {})))
      .when(outgoing('out-2', CALLED_AT, OPERATOR, { endedAt: '2025-04-22T11:40:00+03:00' }))
      .then((events) =>
        expect(ofType(events, 'SmartCallbackWindowOpened')[0]?.data).toEqual({
          client: CLIENT,
          operator: OPERATOR,
          callId: 'out-2',
          expiresAt: '2025-04-22T09:40:00.000Z',
          openedAt: '2025-04-22T11:40:00+03:00',
          multichannelNumber: MKN,
        }),
      );
  });

  it('a report that comes after the window would have expired opens none', () => {
    given(decider, historyOf(withNumbers(), cmd('EnableSmartCallback', { windowMinutes: 5 })))
      .when(outgoing('out-2', CALLED_AT, OPERATOR, { endedAt: '2025-04-22T11:55:00+03:00' }))
      .then((events) => expect(ofType(events, 'SmartCallbackWindowOpened')).toEqual([]));
  });
});
