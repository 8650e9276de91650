/**
 * Smart callback ("Умный перезвон"), rule by rule: an unanswered or rejected outgoing call from
 * an operator whose number has caller ID (АОН) opens a window (1–1 440 minutes, default 60) in
 * which the client's call back to any МКН of the account goes to that operator's queue. The
 * latest window for a client wins; a routed call or an answered call between the operator and
 * the client closes it; it is ignored once the operator's number or its АОН is gone.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../src/account/events.js';
import { decodeCommand } from '../../src/index.js';
import { given } from '../../src/testing/index.js';
import {
  ACCOUNT,
  accepted,
  CLIENT,
  CLIENT_2,
  call,
  cmd,
  DAY_2,
  decider,
  EMPLOYEE,
  historyOf,
  MKN,
  MKN_2,
  OPERATOR,
  ofType,
  type Step,
  staffed,
  typesOf,
} from './support.js';

/** A second operator with caller ID. */
const OPERATOR_2 = '+79161234569';
const at = (time: string) => `2025-04-23T${time}:00+03:00`;
/** Smart callback on, a second МКН and a second operator with АОН. */
const on = (...more: Step[]) =>
  staffed(
    cmd('AddMultichannelNumber', { number: MKN_2 }, DAY_2),
    cmd(
      'AddNumber',
      { number: OPERATOR_2, kind: 'regular', fullName: 'Сидорова Мария', department: 'Продажи' },
      DAY_2,
    ),
    cmd('EnableNumberOption', { option: 'callerId', numbers: [OPERATOR_2] }, DAY_2),
    cmd('EnableSmartCallback', {}, DAY_2),
    ...more,
  );
const outgoing = (
  callId: string,
  time: string,
  outcome: 'missed' | 'rejected' | 'busy' | 'answered',
  operator = OPERATOR,
) => call(callId, at(time), { direction: 'outgoing', outcome, operator, client: CLIENT });
const route = (time: string, multichannelNumber = MKN, client = CLIENT) =>
  cmd('RouteIncomingCall', { client, multichannelNumber }, at(time));
const routed = (events: readonly AccountEvent[]) => ofType(events, 'IncomingCallRouted')[0]?.data;

describe('the window: 1–1 440 minutes, default 60', () => {
  it('is 60 minutes unless set', () => {
    given(decider, staffed())
      .when(cmd('EnableSmartCallback', {}, DAY_2))
      .then((events, state) => {
        expect(ofType(events, 'SmartCallbackEnabled')[0]?.data.windowMinutes).toBe(60);
        expect(state.smartCallback.windowMinutes).toBe(60);
      });
  });

  it.each([
    ['EnableSmartCallback', { windowMinutes: 0 }, 'data.windowMinutes'],
    ['EnableSmartCallback', { windowMinutes: 1441 }, 'data.windowMinutes'],
    ['SetSmartCallbackWindow', { minutes: 0 }, 'data.minutes'],
    ['SetSmartCallbackWindow', { minutes: 1441 }, 'data.minutes'],
  ])('%s with %o is refused, naming %s', (type, data, path) => {
    const decoded = decodeCommand({
      type,
      data,
      metadata: { commandId: 'c-1', accountId: ACCOUNT, at: DAY_2, actor: 'user-1' },
    });
    if (!isLeft(decoded)) throw new Error('accepted');
    expect(decoded.left.issues.map((issue) => issue.path)).toContain(path);
  });

  it.each([1, 1440])('a window of %i minutes is accepted', (minutes) => {
    expect(typesOf(accepted(on(), cmd('SetSmartCallbackWindow', { minutes }, DAY_2)))).toEqual([
      'SmartCallbackWindowSet',
    ]);
  });

  it('a call back within the window goes to the operator’s queue; at its end it does not', () => {
    const history = on(outgoing('o-1', '12:00', 'missed'));
    expect(ofType(history, 'SmartCallbackWindowOpened')[0]?.data).toMatchObject({
      client: CLIENT,
      operator: OPERATOR,
    });
    expect(routed(accepted(history, route('12:59')))).toMatchObject({
      operator: OPERATOR,
      reason: 'smart-callback',
    });
    expect(routed(accepted(history, route('13:00')))).toMatchObject({
      operator: null,
      reason: 'window-expired',
    });
  });

  it('a window set to 10 minutes applies to windows opened from then on', () => {
    const history = on(
      cmd('SetSmartCallbackWindow', { minutes: 10 }, DAY_2),
      outgoing('o-1', '12:00', 'missed'),
    );
    expect(routed(accepted(history, route('12:09')))?.operator).toBe(OPERATOR);
    expect(routed(accepted(history, route('12:10')))?.operator).toBeNull();
  });
});

describe('what opens a window', () => {
  it.each(['missed', 'rejected', 'busy'] as const)(
    'an outgoing call the client did not answer (%s)',
    (outcome) => {
      expect(
        ofType(accepted(on(), outgoing('o-1', '12:00', outcome)), 'SmartCallbackWindowOpened'),
      ).toHaveLength(1);
    },
  );

  it('not an answered outgoing call', () => {
    expect(
      ofType(accepted(on(), outgoing('o-1', '12:00', 'answered')), 'SmartCallbackWindowOpened'),
    ).toHaveLength(0);
  });

  it('not a call from a number without caller ID', () => {
    const events = accepted(on(), outgoing('o-1', '12:00', 'missed', EMPLOYEE));
    expect(ofType(events, 'SmartCallbackWindowOpened')).toHaveLength(0);
  });

  it('not an incoming call', () => {
    const events = accepted(on(), call('i-1', at('12:00'), { outcome: 'missed', operator: OPERATOR }));
    expect(ofType(events, 'SmartCallbackWindowOpened')).toHaveLength(0);
  });

  it('nothing while the option is off: a call back is routed as usual', () => {
    const history = staffed(outgoing('o-1', '12:00', 'missed'));
    expect(ofType(history, 'SmartCallbackWindowOpened')).toHaveLength(0);
    expect(routed(accepted(history, route('12:10')))).toMatchObject({ operator: null, reason: 'option-off' });
  });
});

describe('whose window, and what closes it', () => {
  it('the latest window for a client wins', () => {
    const history = on(outgoing('o-1', '12:00', 'missed'), outgoing('o-2', '12:05', 'missed', OPERATOR_2));
    expect(routed(accepted(history, route('12:10')))?.operator).toBe(OPERATOR_2);
  });

  it('the window belongs to the client: a call back to any МКН of the account is routed', () => {
    const history = on(outgoing('o-1', '12:00', 'missed'));
    expect(routed(accepted(history, route('12:10', MKN_2)))?.operator).toBe(OPERATOR);
  });

  it('another client’s call is not routed by it', () => {
    const history = on(outgoing('o-1', '12:00', 'missed'));
    expect(routed(accepted(history, route('12:10', MKN, CLIENT_2)))).toMatchObject({
      operator: null,
      reason: 'no-window',
    });
  });

  it('a routed call closes it', () => {
    const history = historyOf(on(outgoing('o-1', '12:00', 'missed')), route('12:10'));
    expect(routed(accepted(history, route('12:20')))).toMatchObject({ operator: null, reason: 'no-window' });
  });

  it.each([
    ['outgoing', { direction: 'outgoing' as const }],
    ['incoming', { direction: 'incoming' as const }],
  ])('an answered %s call between the operator and the client closes it', (_name, direction) => {
    const history = on(outgoing('o-1', '12:00', 'missed'));
    const answered = call('a-1', at('12:05'), {
      ...direction,
      outcome: 'answered',
      operator: OPERATOR,
      client: CLIENT,
    });
    const events = accepted(history, answered);
    expect(ofType(events, 'SmartCallbackWindowClosed')[0]?.data).toMatchObject({
      client: CLIENT,
      operator: OPERATOR,
      reason: 'answered-call',
    });
    expect(routed(accepted(historyOf(history, answered), route('12:10')))?.operator).toBeNull();
  });

  it('is ignored once the operator’s number is removed', () => {
    const history = on(
      outgoing('o-1', '12:00', 'missed'),
      cmd('RemoveNumber', { number: OPERATOR }, at('12:01')),
    );
    expect(routed(accepted(history, route('12:10')))).toMatchObject({
      operator: null,
      reason: 'operator-gone',
    });
  });

  it('is ignored once the operator’s АОН is turned off', () => {
    const history = on(
      outgoing('o-1', '12:00', 'missed'),
      cmd('DisableNumberOption', { option: 'callerId', numbers: [OPERATOR] }, at('12:01')),
    );
    expect(routed(accepted(history, route('12:10')))).toMatchObject({
      operator: null,
      reason: 'caller-id-off',
    });
  });

  it('turning smart callback off drops open windows', () => {
    const history = on(
      outgoing('o-1', '12:00', 'missed'),
      cmd('DisableSmartCallback', {}, at('12:01')),
      cmd('EnableSmartCallback', {}, at('12:02')),
    );
    expect(routed(accepted(history, route('12:10')))).toMatchObject({ operator: null, reason: 'no-window' });
  });
});
