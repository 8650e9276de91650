import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { given } from '../../src/testing/index.js';
import {
  CLIENT,
  call,
  cmd,
  configure,
  decider,
  detailsOf,
  evt,
  expectMalformed,
  historyOf,
  MKN,
  OPERATOR,
  OTHER_CLIENT,
  OTHER_MKN,
  ofType,
  type Step,
  stateOf,
  withNumbers,
} from './fixtures.js';

const MISSED_TEXT = 'Здравствуйтесь, спасибо за ваш звонок. Наш оператор перезвонит вам.';
const AT = '2025-04-22T12:00:00+03:00';

/** 3 000 SMS bought, the missed-call notice on SMS. */
const ready = (...more: Step[]) =>
  historyOf(
    withNumbers(),
    cmd('PurchaseSmsPackage', { size: 3000 }),
    configure('incoming-missed-call', MISSED_TEXT),
    ...more,
  );

describe('RegisterCall: missed-call notices', () => {
  it('a missed МКН call: CallRegistered, then one NotificationSent with recipient, text, segments and SMS spent', () => {
    const command = call('call-1', AT, { operator: OPERATOR });
    given(decider, ready())
      .when(command)
      .then([
        evt(
          'CallRegistered',
          {
            callId: 'call-1',
            direction: 'incoming',
            line: 'multichannel',
            multichannelNumber: MKN,
            client: CLIENT,
            operator: OPERATOR,
            outcome: 'missed',
            startedAt: null,
            endedAt: null,
          },
          command,
        ),
        evt(
          'NotificationSent',
          {
            callId: 'call-1',
            scenario: 'incoming-missed-call',
            channel: 'sms',
            recipient: CLIENT,
            text: MISSED_TEXT,
            segments: 1,
            smsSpent: 1,
            sendAt: AT,
            deferred: false,
          },
          command,
        ),
      ]);
  });

  it('balance 3 000, two one-SMS notices: 2 998 of 3 000 left', () => {
    const state = stateOf(
      ready(call('call-1', AT), call('call-2', '2025-04-22T12:05:00+03:00', { client: OTHER_CLIENT })),
    );
    expect(state.sms.balance).toBe(2998);
    expect(state.sms.renewingPackage).toEqual({ size: 3000, price: 300_000 });
  });

  it('a missed direct call sends nothing (incoming scenarios never fire for direct calls)', () => {
    const history = ready(configure('incoming-visit-card', 'Визитка'));
    given(decider, history)
      .when(call('call-1', AT, { line: 'direct' }))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['CallRegistered']));
  });

  it('busy, rejected and failed count as not answered; answered sends nothing', () => {
    for (const outcome of ['busy', 'rejected', 'failed'] as const) {
      given(decider, ready())
        .when(call('call-1', AT, { outcome }))
        .then((events) => expect(ofType(events, 'NotificationSent')).toHaveLength(1));
    }
    given(decider, ready())
      .when(call('call-1', AT, { outcome: 'answered' }))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['CallRegistered']));
  });

  it('a scenario that is off sends nothing', () => {
    given(decider, withNumbers())
      .when(call('call-1', AT))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['CallRegistered']));
  });

  it('Telegram spends no SMS; with both channels, SMS comes first', () => {
    const history = ready(configure('incoming-missed-call', MISSED_TEXT, { sms: true, telegram: true }));
    given(decider, history)
      .when(call('call-1', AT))
      .then((events, state) => {
        const sent = ofType(events, 'NotificationSent');
        expect(sent.map((e) => [e.data.channel, e.data.segments, e.data.smsSpent])).toEqual([
          ['sms', 1, 1],
          ['telegram', 1, 0],
        ]);
        expect(state.sms.balance).toBe(2999);
      });
  });
});

describe('RegisterCall: outgoing unreached notice', () => {
  const history = () => ready(configure('outgoing-unreached', 'Мы вам звонили. Перезвоните, пожалуйста.'));

  it('an operator could not reach the client: a notice; reached: none', () => {
    given(decider, history())
      .when(
        call('call-1', AT, { direction: 'outgoing', line: 'direct', outcome: 'busy', operator: OPERATOR }),
      )
      .then((events) =>
        expect(ofType(events, 'NotificationSent').map((e) => e.data.scenario)).toEqual([
          'outgoing-unreached',
        ]),
      );
    given(decider, history())
      .when(call('call-1', AT, { direction: 'outgoing', outcome: 'answered', operator: OPERATOR }))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['CallRegistered']));
  });

  it('is suppressed separately from the missed-call notice', () => {
    const h = history();
    const afterIncoming = historyOf(h, call('call-1', AT));
    given(decider, afterIncoming)
      .when(call('call-2', '2025-04-22T12:10:00+03:00', { direction: 'outgoing', outcome: 'missed' }))
      .then((events) => expect(ofType(events, 'NotificationSent')).toHaveLength(1));
  });
});

describe('RegisterCall: suppression window (decision 7)', () => {
  it('a second missed call within 60 minutes is skipped as suppressed, per channel', () => {
    const history = ready(
      configure('incoming-missed-call', MISSED_TEXT, { sms: true, telegram: true }),
      call('call-1', AT),
    );
    const second = call('call-2', '2025-04-22T12:59:59+03:00');
    given(decider, history)
      .when(second)
      .then((events, state) => {
        expect(events.slice(1)).toEqual([
          evt(
            'NotificationSkipped',
            {
              callId: 'call-2',
              scenario: 'incoming-missed-call',
              channel: 'sms',
              recipient: CLIENT,
              reason: 'suppressed',
              smsNeeded: 1,
            },
            second,
          ),
          evt(
            'NotificationSkipped',
            {
              callId: 'call-2',
              scenario: 'incoming-missed-call',
              channel: 'telegram',
              recipient: CLIENT,
              reason: 'suppressed',
              smsNeeded: 0,
            },
            second,
          ),
        ]);
        expect(state.sms.balance).toBe(2999);
      });
  });

  it('measures the window from the last notice sent, not from suppressed calls', () => {
    const history = ready(call('call-1', AT), call('call-2', '2025-04-22T12:40:00+03:00'));
    given(decider, history)
      .when(call('call-3', '2025-04-22T13:00:00+03:00'))
      .then((events) => expect(ofType(events, 'NotificationSent')).toHaveLength(1));
  });

  it('is per client, and 0 minutes turns it off', () => {
    given(decider, ready(call('call-1', AT)))
      .when(call('call-2', AT, { client: OTHER_CLIENT }))
      .then((events) => expect(ofType(events, 'NotificationSent')).toHaveLength(1));
    given(decider, ready(cmd('SetNotificationSuppression', { minutes: 0 }), call('call-1', AT)))
      .when(call('call-2', AT))
      .then((events) => expect(ofType(events, 'NotificationSent')).toHaveLength(1));
  });

  it('follows the configured window', () => {
    const history = ready(cmd('SetNotificationSuppression', { minutes: 10 }), call('call-1', AT));
    given(decider, history)
      .when(call('call-2', '2025-04-22T12:09:00+03:00'))
      .then((events) => expect(ofType(events, 'NotificationSkipped')).toHaveLength(1));
    given(decider, history)
      .when(call('call-2', '2025-04-22T12:10:00+03:00'))
      .then((events) => expect(ofType(events, 'NotificationSent')).toHaveLength(1));
  });
});

describe('RegisterCall: the same call twice, and refusals', () => {
  it('the same call id registered again for that client changes nothing', () => {
    given(decider, ready(call('call-1', AT)))
      .when(call('call-1', '2025-04-22T14:00:00+03:00'))
      .thenNothing();
    // Call ids are per client: another client's call with that id is a call of its own.
    given(decider, ready(call('call-1', AT)))
      .when(call('call-1', AT, { client: OTHER_CLIENT }))
      .then((events) => expect(events[0]?.type).toBe('CallRegistered'));
  });

  it('remembers the 8 latest call ids of a client (bounded memory per client)', () => {
    const calls = Array.from({ length: 9 }, (_, i) =>
      call(`call-${i}`, `2025-04-22T1${i}:00:00+03:00`, { outcome: 'answered' }),
    );
    const history = ready(...calls);
    expect(stateOf(history).calls.clients.size).toBe(1);
    given(decider, history).when(call('call-1', '2025-04-23T10:00:00+03:00')).thenNothing();
    given(decider, history)
      .when(call('call-0', '2025-04-23T10:00:00+03:00', { outcome: 'answered' }))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['CallRegistered']));
  });

  it('refuses an МКН the account does not have: UnknownMultichannelNumber', () => {
    const error = given(decider, ready())
      .when(call('call-1', AT, { multichannelNumber: OTHER_MKN }))
      .thenError('UnknownMultichannelNumber');
    expect(detailsOf(error)).toEqual({ field: 'data.multichannelNumber', number: OTHER_MKN });
  });

  it('refuses a call before the account is opened', () => {
    given(decider, []).when(call('call-1', AT)).thenError('AccountNotOpened');
  });

  it('refuses a malformed payload naming the field', () => {
    const ok = {
      callId: 'c',
      direction: 'incoming',
      line: 'multichannel',
      client: CLIENT,
      outcome: 'missed',
    };
    expectMalformed('RegisterCall', { ...ok, callId: '' }, 'data.callId');
    expectMalformed('RegisterCall', { ...ok, direction: 'sideways' }, 'data.direction');
    expectMalformed('RegisterCall', { ...ok, line: 'pstn' }, 'data.line');
    expectMalformed('RegisterCall', { ...ok, client: 'not a number' }, 'data.client');
    expectMalformed('RegisterCall', { ...ok, outcome: 'hung-up' }, 'data.outcome');
    expectMalformed('RegisterCall', { ...ok, multichannelNumber: '12' }, 'data.multichannelNumber');
    expectMalformed('RegisterCall', { ...ok, operator: 42 }, 'data.operator');
    expectMalformed('RegisterCall', { ...ok, duration: 30 }, 'data.duration');
  });

  it('normalises phone numbers when decoding', () => {
    const decoded = decodeCommand({
      type: 'RegisterCall',
      data: {
        callId: 'c',
        direction: 'incoming',
        line: 'multichannel',
        client: '8 (912) 345-67-89',
        outcome: 'missed',
        multichannelNumber: '+7 495 123-45-67',
      },
      metadata: { commandId: 'c-1', accountId: 'acc-1', at: AT, actor: 'pbx' },
    });
    expect(isRight(decoded) && decoded.right.data).toMatchObject({ client: CLIENT, multichannelNumber: MKN });
  });
});
