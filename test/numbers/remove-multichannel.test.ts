/**
 * Removing an МКН: never the main one nor the last one; numbers showing it as caller ID fall back
 * to the main МКН and callback windows opened through it close, in the same decision.
 */
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
  historyOf,
  MKN,
  OPERATOR,
  OPERATOR_2,
  OTHER_CLIENT,
  OTHER_MKN,
  withNumbers,
} from '../calls/fixtures.js';

const AT = '2025-04-22T12:00:00+03:00';
/** Two МКН (MKN main); OPERATOR shows OTHER_MKN as caller ID, OPERATOR_2 the main one. */
const twoMkn = () =>
  historyOf(
    withNumbers(),
    cmd('AddMultichannelNumber', { number: OTHER_MKN }),
    cmd('SetCallerIdNumber', { number: OPERATOR, multichannelNumber: OTHER_MKN }),
  );

describe('RemoveMultichannelNumber', () => {
  it('removes an extra МКН; numbers showing it fall back to the main one in the same event', () => {
    const remove = cmd('RemoveMultichannelNumber', { number: OTHER_MKN }, AT);
    given(decider, twoMkn())
      .when(remove)
      .then((events, state) => {
        expect(events).toEqual([
          evt(
            'MultichannelNumberRemoved',
            { number: OTHER_MKN, fallback: MKN, callerIdNumbers: [OPERATOR], multichannelNumbers: 1 },
            remove,
          ),
        ]);
        expect(state.numbers.multichannel).toEqual([MKN]);
        expect(state.numbers.users[OPERATOR]?.callerId?.multichannelNumber).toBe(MKN);
        expect(state.numbers.users[OPERATOR_2]?.callerId?.multichannelNumber).toBe(MKN);
      });
  });

  it('refuses the main one (choose another main first), then allows it once another is main', () => {
    const error = given(decider, twoMkn())
      .when(cmd('RemoveMultichannelNumber', { number: MKN }, AT))
      .thenError('MultichannelNumberIsMain');
    expect(detailsOf(error)).toEqual({ field: 'data.number', number: MKN });
    const switched = historyOf(twoMkn(), cmd('SetMainMultichannelNumber', { number: OTHER_MKN }, AT));
    given(decider, switched)
      .when(cmd('RemoveMultichannelNumber', { number: MKN }, AT))
      .then((events) =>
        // OPERATOR_2 showed MKN: now the new main one, OTHER_MKN.
        expect(events[0]?.data).toEqual({
          number: MKN,
          fallback: OTHER_MKN,
          callerIdNumbers: [OPERATOR_2],
          multichannelNumbers: 1,
        }),
      );
  });

  it('refuses the last one and one the account does not have', () => {
    const last = given(decider, withNumbers())
      .when(cmd('RemoveMultichannelNumber', { number: MKN }, AT))
      .thenError('LastMultichannelNumber');
    expect(detailsOf(last)).toEqual({ field: 'data.number', number: MKN });
    given(decider, withNumbers())
      .when(cmd('RemoveMultichannelNumber', { number: OTHER_MKN }, AT))
      .thenError('UnknownMultichannelNumber');
  });

  it('closes the callback windows opened through it, and only those', () => {
    // OPERATOR's call shows OTHER_MKN; OPERATOR_2's shows MKN.
    const windows = historyOf(
      twoMkn(),
      cmd('EnableSmartCallback', {}),
      call('out-1', '2025-04-22T11:50:00+03:00', {
        direction: 'outgoing',
        line: 'direct',
        outcome: 'missed',
        operator: OPERATOR,
      }),
      call('out-2', '2025-04-22T11:51:00+03:00', {
        direction: 'outgoing',
        line: 'direct',
        outcome: 'busy',
        operator: OPERATOR_2,
        client: OTHER_CLIENT,
      }),
    );
    const remove = cmd('RemoveMultichannelNumber', { number: OTHER_MKN }, AT);
    given(decider, windows)
      .when(remove)
      .then((events, state) => {
        // Windows close before the number goes: no state in between has a window through a gone МКН.
        expect(events.map((e) => e.type)).toEqual(['SmartCallbackWindowClosed', 'MultichannelNumberRemoved']);
        expect(events[0]).toEqual(
          evt(
            'SmartCallbackWindowClosed',
            {
              client: CLIENT,
              operator: OPERATOR,
              callId: 'out-1',
              reason: 'multichannel-number-removed',
              byCallId: null,
            },
            remove,
          ),
        );
        expect(state.smartCallback.windows.size).toBe(1);
      });
    // The client of the closed window calling back: not routed; the other window still routes.
    const after = historyOf(windows, remove);
    given(decider, after)
      .when(
        cmd('RouteIncomingCall', { client: CLIENT, multichannelNumber: MKN }, '2025-04-22T12:01:00+03:00'),
      )
      .then((events) => expect(events[0]?.data).toMatchObject({ operator: null, reason: 'no-window' }));
    given(decider, after)
      .when(
        cmd(
          'RouteIncomingCall',
          { client: OTHER_CLIENT, multichannelNumber: MKN },
          '2025-04-22T12:01:00+03:00',
        ),
      )
      .then((events) =>
        expect(events[0]?.data).toMatchObject({ operator: OPERATOR_2, reason: 'smart-callback' }),
      );
  });

  it('a call through a removed МКН is refused as not the account’s', () => {
    given(decider, historyOf(twoMkn(), cmd('RemoveMultichannelNumber', { number: OTHER_MKN }, AT)))
      .when(call('in-1', '2025-04-22T12:05:00+03:00', { multichannelNumber: OTHER_MKN }))
      .thenError('UnknownMultichannelNumber');
  });

  it('refuses a malformed payload naming the field', () => {
    expectMalformed('RemoveMultichannelNumber', { number: 'abc' }, 'data.number');
    expectMalformed('RemoveMultichannelNumber', {}, 'data.number');
  });
});
