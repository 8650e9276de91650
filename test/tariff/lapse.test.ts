/**
 * A lapsed subscription suspends the paid services: from `paidUntil` with auto-renewal off and
 * no renewal (recorded as lapsed or not), every command that starts a charge is refused, notices
 * and smart callback stop, new recordings are refused; turning off, removing, deleting and
 * reading stay allowed, and so does a change of tariff.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountCommand } from '../../src/account/commands.js';
import { given } from '../../src/testing/index.js';
import {
  CLIENT,
  call,
  cmd,
  configure,
  decider,
  historyOf,
  MKN,
  OPERATOR,
  OTHER_MKN,
  ofType,
  PAID_UNTIL,
  PLAIN_OPERATOR,
  withNumbers,
} from '../calls/fixtures.js';

/** An account that uses everything, auto-renewal off: paid until 21.05 10:00. */
const inUse = () =>
  historyOf(
    withNumbers(),
    cmd('PurchaseSmsPackage', { size: 500 }),
    configure('incoming-missed-call', 'Перезвоним', { sms: true, telegram: true }),
    cmd('EnableSmartCallback', {}),
    cmd('EnableRecording', {}),
    cmd('AddStoragePack', {}),
    cmd('StoreRecording', {
      recordingId: 'r-1',
      callId: 'call-r1',
      source: { kind: 'multichannel', number: MKN },
      sizeBytes: 1000,
      durationSeconds: 60,
      recordedAt: '2025-04-21T10:00:00+03:00',
    }),
    cmd('SetAutoRenewal', { enabled: false }),
  );

/** One second after the period ended; the scheduler has not run. */
const AFTER = '2025-05-21T10:00:01+03:00';
/** The lapse recorded by the scheduler at 10:00:30. */
const lapsedRecorded = () => historyOf(inUse(), cmd('RenewSubscription', {}, '2025-05-21T10:00:30+03:00'));

/** Commands that start a charge, each at `at`. */
const chargeStarting = (at: string): AccountCommand[] => [
  cmd('EnableNumberOption', { option: 'shortNumber', numbers: [PLAIN_OPERATOR] }, at),
  cmd('AddStoragePack', {}, at),
  cmd('AddMultichannelNumber', { number: OTHER_MKN }, at),
  cmd('PurchaseSmsPackage', { size: 500 }, at),
  cmd('PurchaseSmsPackage', { size: 100 }, at),
  configure('outgoing-visit-card', 'Спасибо за звонок', { telegram: true }, at),
  cmd(
    'StoreRecording',
    {
      recordingId: 'r-2',
      callId: 'call-r2',
      source: { kind: 'multichannel', number: MKN },
      sizeBytes: 1000,
      durationSeconds: 60,
      recordedAt: at,
    },
    at,
  ),
];

describe('from paidUntil without renewal, a command that starts a charge is refused', () => {
  it('SubscriptionLapsed naming paidUntil and the instant, before the lapse is recorded and after', () => {
    for (const [history, at] of [
      [inUse(), AFTER],
      [lapsedRecorded(), '2025-05-25T12:00:00+03:00'],
    ] as const) {
      for (const command of chargeStarting(at)) {
        const result = decider.decide(command, decider.fold(history));
        const refusal = isLeft(result) ? result.left : undefined;
        expect([command.type, refusal?.code, refusal?.details]).toEqual([
          command.type,
          'SubscriptionLapsed',
          { paidUntil: PAID_UNTIL, at },
        ]);
      }
      // Recording turned off and on again: a charge starting again.
      given(decider, historyOf(history, cmd('DisableRecording', {}, at)))
        .when(cmd('EnableRecording', {}, at))
        .thenError('SubscriptionLapsed');
    }
  });

  it('smart callback is refused too, and a second before paidUntil everything still runs', () => {
    const off = historyOf(inUse(), cmd('DisableSmartCallback', {}, '2025-05-20T10:00:00+03:00'));
    given(decider, off)
      .when(cmd('EnableSmartCallback', {}, AFTER))
      .thenError('SubscriptionLapsed');
    const before = '2025-05-21T09:59:59+03:00';
    for (const command of chargeStarting(before)) {
      given(decider, inUse())
        .when(command)
        .then((events) => expect(events.length).toBeGreaterThan(0));
    }
  });

  it('an employee beyond the included ten is refused', () => {
    // withNumbers has 3 employees; 7 more make the included 10, the 11th is charged.
    const ten = historyOf(
      inUse(),
      ...[1, 2, 3, 4, 5, 6, 7].map((n) =>
        cmd('AddNumber', {
          number: `+7916000000${n}`,
          kind: 'regular',
          fullName: `Сотрудник ${n}`,
          department: '',
        }),
      ),
    );
    const eleventh = cmd(
      'AddNumber',
      { number: '+79160000008', kind: 'regular', fullName: 'Сотрудник 8', department: '' },
      AFTER,
    );
    given(decider, ten).when(eleventh).thenError('SubscriptionLapsed');
    // An external (added) number is no employee: no charge, allowed.
    given(decider, ten)
      .when(
        cmd(
          'AddNumber',
          { number: '+79160000009', kind: 'added', fullName: 'Партнёр', department: '' },
          AFTER,
        ),
      )
      .then((events) => expect(events.map((e) => e.type)).toEqual(['NumberAdded']));
  });

  it('an included МКН or an employee within the included ten starts no charge: allowed', () => {
    // «Базовый» includes 1 МКН and 10 employees; the account has none of its own МКН here.
    const bare = historyOf(cmd('OpenAccount', { tariffId: 'basic', autoRenewal: false }));
    given(decider, bare)
      .when(cmd('AddMultichannelNumber', { number: MKN }, AFTER))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['MultichannelNumberAdded']));
    given(decider, bare)
      .when(
        cmd(
          'AddNumber',
          { number: OPERATOR, kind: 'regular', fullName: 'Иванова Анна', department: '' },
          AFTER,
        ),
      )
      .then((events) => expect(events.map((e) => e.type)).toEqual(['NumberAdded']));
  });
});

describe('while lapsed, turning off, removing, deleting, reading and changing the tariff stay allowed', () => {
  it('each of them is accepted, and stored recordings are kept', () => {
    const at = '2025-05-25T12:00:00+03:00';
    const allowed: AccountCommand[] = [
      cmd('DisableNumberOption', { option: 'callerId', numbers: [OPERATOR] }, at),
      cmd('RemoveStoragePack', {}, at),
      cmd('DisableRecording', {}, at),
      cmd('DisableSmartCallback', {}, at),
      configure('incoming-missed-call', 'Перезвоним', { sms: true }, at),
      cmd('DeleteRecording', { recordingId: 'r-1' }, at),
      cmd('RemoveNumber', { number: PLAIN_OPERATOR }, at),
      cmd('ChangeTariff', { tariffId: 'business' }, at),
    ];
    for (const command of allowed) {
      given(decider, lapsedRecorded())
        .when(command)
        .then((events) => expect(events.length).toBeGreaterThan(0));
    }
    expect(given(decider, lapsedRecorded()).state.storage.recordings.size).toBe(1);
  });
});

describe('while lapsed, the services stop', () => {
  it('notices are skipped with the reason subscription-lapsed: no SMS spent, no package renewed', () => {
    // The balance is 500; a missed call would spend 1 SMS and a Telegram notice.
    const missed = call('call-1', '2025-05-22T12:00:00+03:00');
    given(decider, lapsedRecorded())
      .when(missed)
      .then((events, state) => {
        expect(events.map((e) => e.type)).toEqual([
          'CallRegistered',
          'NotificationSkipped',
          'NotificationSkipped',
        ]);
        expect(
          ofType(events, 'NotificationSkipped').map((e) => [e.data.channel, e.data.reason, e.data.smsNeeded]),
        ).toEqual([
          ['sms', 'subscription-lapsed', 1],
          ['telegram', 'subscription-lapsed', 0],
        ]);
        expect(state.sms.balance).toBe(500);
      });
  });

  it('smart callback routes a call as usual with that reason, and opens no window', () => {
    const unanswered = call('out-1', AFTER, {
      direction: 'outgoing',
      line: 'direct',
      outcome: 'missed',
      operator: OPERATOR,
    });
    given(decider, inUse())
      .when(unanswered)
      .then((events) => expect(ofType(events, 'SmartCallbackWindowOpened')).toEqual([]));
    // A window opened before paidUntil is not used while lapsed.
    const opened = historyOf(
      inUse(),
      call('out-1', '2025-05-21T09:50:00+03:00', {
        direction: 'outgoing',
        line: 'direct',
        outcome: 'missed',
        operator: OPERATOR,
      }),
    );
    given(decider, opened)
      .when(
        cmd('RouteIncomingCall', { client: CLIENT, multichannelNumber: MKN }, '2025-05-21T10:05:00+03:00'),
      )
      .then((events) =>
        expect(events[0]?.data).toEqual({
          client: CLIENT,
          multichannelNumber: MKN,
          operator: null,
          reason: 'subscription-lapsed',
        }),
      );
  });
});

describe('with auto-renewal on, the time from paidUntil until the scheduler renews is paid', () => {
  it('charges start and notices go out in it, in the period the renewal will pay for', () => {
    const on = historyOf(inUse(), cmd('SetAutoRenewal', { enabled: true }));
    given(decider, on)
      .when(cmd('AddStoragePack', {}, AFTER))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['StoragePackAdded']));
    given(decider, on)
      .when(cmd('PurchaseSmsPackage', { size: 500 }, AFTER))
      .then((events) => expect(events[0]?.data).toMatchObject({ periodStart: PAID_UNTIL }));
  });
});

describe('a late payment ends the lapse', () => {
  it('from the payment on, charges start again', () => {
    const paid = historyOf(
      lapsedRecorded(),
      cmd('RenewSubscription', { manual: true }, '2025-05-25T12:00:00+03:00'),
    );
    given(decider, paid)
      .when(cmd('AddStoragePack', {}, '2025-05-25T12:00:00+03:00'))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['StoragePackAdded']));
    // The free package belongs to the new period 25.05 12:00 – 25.06 12:00.
    given(decider, paid)
      .when(cmd('PurchaseSmsPackage', { size: 100 }, '2025-05-26T12:00:00+03:00'))
      .then((events) => expect(events[0]?.data).toMatchObject({ periodStart: '2025-05-25T12:00:00+03:00' }));
  });
});
