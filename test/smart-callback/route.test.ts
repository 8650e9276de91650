import { describe, expect, it } from 'vitest';
import { given } from '../../src/testing/index.js';
import {
  CLIENT,
  call,
  cmd,
  decider,
  detailsOf,
  evt,
  expectMalformed,
  fact,
  historyOf,
  MKN,
  OPERATOR,
  OPERATOR_2,
  OTHER_CLIENT,
  OTHER_MKN,
  ofType,
  PLAIN_OPERATOR,
  type Step,
  withNumbers,
} from '../calls/fixtures.js';

const CALLED_AT = '2025-04-22T12:00:00+03:00';
const route = (at: string, client = CLIENT) =>
  cmd('RouteIncomingCall', { client, multichannelNumber: MKN }, at);
const unanswered = (operator: string, at = CALLED_AT, outcome: 'missed' | 'busy' | 'rejected' = 'missed') =>
  call(`out-${operator}-${at}`, at, { direction: 'outgoing', line: 'direct', outcome, operator });

const enabled = (...more: Step[]) => historyOf(withNumbers(), cmd('EnableSmartCallback', {}), ...more);

const routedTo = (
  history: ReturnType<typeof historyOf>,
  at: string,
  operator: string | null,
  reason: string,
) =>
  given(decider, history)
    .when(route(at))
    .then((events) =>
      expect(events.map((e) => e.data)).toEqual([
        { client: CLIENT, multichannelNumber: MKN, operator, reason },
      ]),
    );

describe('Smart callback windows opened by RegisterCall', () => {
  it('an unanswered outgoing call from a number with caller ID opens a window of 60 minutes, after the call’s notices', () => {
    const command = unanswered(OPERATOR);
    given(decider, enabled())
      .when(command)
      .then((events) => {
        expect(events.map((e) => e.type)).toEqual(['CallRegistered', 'SmartCallbackWindowOpened']);
        expect(events[1]).toEqual(
          evt(
            'SmartCallbackWindowOpened',
            {
              client: CLIENT,
              operator: OPERATOR,
              callId: command.data.callId,
              expiresAt: '2025-04-22T10:00:00.000Z',
              // A direct call: the МКН the operator's caller ID shows; it opened when reported.
              openedAt: CALLED_AT,
              multichannelNumber: MKN,
            },
            command,
          ),
        );
      });
  });

  it('busy and rejected open a window; answered, failed, incoming calls and numbers without caller ID do not', () => {
    for (const outcome of ['busy', 'rejected'] as const) {
      given(decider, enabled())
        .when(unanswered(OPERATOR, CALLED_AT, outcome))
        .then((events) => expect(ofType(events, 'SmartCallbackWindowOpened')).toHaveLength(1));
    }
    const none = [
      call('c1', CALLED_AT, { direction: 'outgoing', outcome: 'answered', operator: OPERATOR }),
      call('c2', CALLED_AT, { direction: 'outgoing', outcome: 'failed', operator: OPERATOR }),
      call('c3', CALLED_AT, { direction: 'incoming', outcome: 'missed', operator: OPERATOR }),
      call('c4', CALLED_AT, { direction: 'outgoing', outcome: 'missed' }),
      unanswered(PLAIN_OPERATOR),
    ];
    for (const command of none) {
      given(decider, enabled())
        .when(command)
        .then((events) => expect(ofType(events, 'SmartCallbackWindowOpened')).toEqual([]));
    }
    given(decider, withNumbers())
      .when(unanswered(OPERATOR))
      .then((events) => expect(ofType(events, 'SmartCallbackWindowOpened')).toEqual([]));
  });

  it('the window follows SetSmartCallbackWindow', () => {
    given(decider, enabled(cmd('SetSmartCallbackWindow', { minutes: 15 })))
      .when(unanswered(OPERATOR))
      .then((events) =>
        expect(ofType(events, 'SmartCallbackWindowOpened')[0]?.data.expiresAt).toBe(
          '2025-04-22T09:15:00.000Z',
        ),
      );
  });
});

describe('RouteIncomingCall', () => {
  it('a callback within the window goes to the operator who called; a routed call closes the window', () => {
    const history = enabled(unanswered(OPERATOR));
    const command = route('2025-04-22T12:59:59+03:00');
    given(decider, history)
      .when(command)
      .then([
        evt(
          'IncomingCallRouted',
          { client: CLIENT, multichannelNumber: MKN, operator: OPERATOR, reason: 'smart-callback' },
          command,
        ),
      ]);
    routedTo(
      historyOf(history, route('2025-04-22T12:30:00+03:00')),
      '2025-04-22T12:31:00+03:00',
      null,
      'no-window',
    );
  });

  it('after the window: not routed (window-expired), and the expired window is dropped', () => {
    const history = enabled(unanswered(OPERATOR));
    routedTo(history, '2025-04-22T13:00:00+03:00', null, 'window-expired');
    routedTo(
      historyOf(history, route('2025-04-22T13:00:00+03:00')),
      '2025-04-22T13:01:00+03:00',
      null,
      'no-window',
    );
  });

  it('from an operator without caller ID: no window, not routed', () => {
    routedTo(enabled(unanswered(PLAIN_OPERATOR)), '2025-04-22T12:10:00+03:00', null, 'no-window');
  });

  it('with the option off: not routed (option-off); turning it off drops the windows', () => {
    routedTo(withNumbers(), '2025-04-22T12:10:00+03:00', null, 'option-off');
    const offAndOn = enabled(
      unanswered(OPERATOR),
      cmd('DisableSmartCallback', {}, '2025-04-22T12:04:00+03:00'),
      cmd('EnableSmartCallback', {}, '2025-04-22T12:05:00+03:00'),
    );
    routedTo(offAndOn, '2025-04-22T12:10:00+03:00', null, 'no-window');
  });

  it('the latest window for a client wins', () => {
    const history = enabled(unanswered(OPERATOR), unanswered(OPERATOR_2, '2025-04-22T12:20:00+03:00'));
    routedTo(history, '2025-04-22T12:30:00+03:00', OPERATOR_2, 'smart-callback');
    // The later window also lasts longer than the first.
    routedTo(history, '2025-04-22T13:10:00+03:00', OPERATOR_2, 'smart-callback');
    // Windows are per client.
    given(decider, history)
      .when(route('2025-04-22T12:30:00+03:00', OTHER_CLIENT))
      .then((events) => expect(events[0]?.data).toMatchObject({ operator: null, reason: 'no-window' }));
  });

  it('is ignored when the operator’s number or its caller ID is gone', () => {
    const history = enabled(unanswered(OPERATOR));
    routedTo(
      historyOf(
        history,
        fact('NumberRemoved', { number: OPERATOR, options: ['callerId'], freedShortNumber: null }),
      ),
      '2025-04-22T12:10:00+03:00',
      null,
      'operator-gone',
    );
    routedTo(
      historyOf(
        history,
        fact('NumberOptionDisabled', {
          option: 'callerId',
          numbers: [OPERATOR],
          skipped: [],
          freedShortNumbers: [],
        }),
      ),
      '2025-04-22T12:10:00+03:00',
      null,
      'caller-id-off',
    );
  });

  it('refuses an МКН the account does not have: UnknownMultichannelNumber', () => {
    const error = given(decider, enabled())
      .when(cmd('RouteIncomingCall', { client: CLIENT, multichannelNumber: OTHER_MKN }))
      .thenError('UnknownMultichannelNumber');
    expect(detailsOf(error)).toEqual({ field: 'data.multichannelNumber', number: OTHER_MKN });
  });

  it('refuses a malformed payload naming the field', () => {
    expectMalformed('RouteIncomingCall', { client: 'abc', multichannelNumber: MKN }, 'data.client');
    expectMalformed('RouteIncomingCall', { client: CLIENT }, 'data.multichannelNumber');
    expectMalformed('RouteIncomingCall', { client: CLIENT, multichannelNumber: MKN, at: 'now' }, 'data.at');
  });
});
