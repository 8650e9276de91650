/**
 * Time and the subscription's standing, rule by rule. Time moves forward in an account: an
 * instant is a real calendar instant with an offset, never earlier than the account's latest
 * event; facts that carry their own instants may lie before the command, never after it and
 * never before the opening. A lapsed subscription suspends the paid services: every command that
 * starts a charge is refused, services stop with a reason, turning off and removing stay allowed,
 * and a payment after a lapse starts a new period at its own instant.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountCommand } from '../../src/account/commands.js';
import { decodeCommand } from '../../src/index.js';
import { given } from '../../src/testing/index.js';
import {
  ACCOUNT,
  accepted,
  CLIENT,
  call,
  cmd,
  DAY_2,
  decider,
  EMPLOYEE,
  historyOf,
  MIB,
  MKN,
  MKN_2,
  OPENED_AT,
  OPERATOR,
  ofType,
  PAID_UNTIL,
  recording,
  refusal,
  staffed,
  stateOf,
  typesOf,
} from './support.js';

const decodeAt = (at: string) =>
  decodeCommand({
    type: 'AddStoragePack',
    data: {},
    metadata: { commandId: 'c-1', accountId: ACCOUNT, at, actor: 'user-1' },
  });

describe('an instant is a real calendar instant with an explicit offset', () => {
  it.each([
    '2025-02-30T10:00:00+03:00',
    '2025-04-22T24:00:00+03:00',
    '2025-04-22T23:59:60+03:00',
    '2025-04-22T12:00:00',
    '2025-04-22',
    '22.04.2025 12:00',
    '2025-13-01T10:00:00Z',
  ])('%s is refused, naming metadata.at', (at) => {
    const decoded = decodeAt(at);
    if (!isLeft(decoded)) throw new Error(`${at} accepted`);
    expect(decoded.left.issues.map((issue) => issue.path)).toContain('metadata.at');
  });

  it.each(['2025-04-22T12:00:00+03:00', '2025-04-22T09:00:00Z', '2024-02-29T12:00:00.250+05:00'])(
    '%s is accepted',
    (at) => {
      expect(isLeft(decodeAt(at))).toBe(false);
    },
  );
});

describe('time moves forward in an account', () => {
  const history = () => staffed(cmd('AddStoragePack', {}, DAY_2));

  it('a command earlier than the latest event is refused, naming both instants; nothing changes', () => {
    const error = refusal(history(), cmd('EnableRecording', {}, '2025-04-22T11:59:59+03:00'));
    expect(error.code).toBe('InstantOutOfOrder');
    expect(error.details).toMatchObject({ latest: DAY_2, at: '2025-04-22T11:59:59+03:00' });
  });

  it('the same instant as the latest event is in order; so is the same instant in another offset', () => {
    expect(typesOf(accepted(history(), cmd('EnableRecording', {}, DAY_2)))).toEqual(['RecordingEnabled']);
    expect(typesOf(accepted(history(), cmd('EnableRecording', {}, '2025-04-22T09:00:00Z')))).toEqual([
      'RecordingEnabled',
    ]);
  });

  it('an instant in another offset that is earlier is refused', () => {
    expect(refusal(history(), cmd('EnableRecording', {}, '2025-04-22T08:59:59Z')).code).toBe(
      'InstantOutOfOrder',
    );
  });
});

describe('facts that carry their own instants', () => {
  const on = () =>
    staffed(cmd('EnableRecording', {}, DAY_2), cmd('AddStoragePack', {}, '2025-04-23T12:00:00+03:00'));

  it('a recording made before the latest event, reported now, is stored', () => {
    const events = accepted(
      on(),
      recording('r-1', MIB, '2025-04-22T15:00:00+03:00', '2025-04-23T12:00:00+03:00'),
    );
    expect(ofType(events, 'RecordingStored')[0]?.data.recordedAt).toBe('2025-04-22T15:00:00+03:00');
  });

  it('a recording instant after the report is refused', () => {
    const error = refusal(
      on(),
      recording('r-1', MIB, '2025-04-23T12:00:01+03:00', '2025-04-23T12:00:00+03:00'),
    );
    expect(error.code).toBe('InstantAfterCommand');
    expect(error.details).toMatchObject({ field: 'data.recordedAt' });
  });

  it('a recording instant before the opening is refused', () => {
    const error = refusal(
      on(),
      recording('r-1', MIB, '2025-04-21T09:59:59+03:00', '2025-04-23T12:00:00+03:00'),
    );
    expect(error.code).toBe('InstantBeforeOpening');
    expect(error.details).toMatchObject({ field: 'data.recordedAt', openedAt: OPENED_AT });
  });

  it('a call is reported when received; its own start may lie earlier, never after the report', () => {
    const report = '2025-04-23T12:00:00+03:00';
    const early = call('c-1', report, {
      startedAt: '2025-04-22T18:00:00+03:00',
      endedAt: '2025-04-22T18:01:00+03:00',
    });
    expect(ofType(accepted(on(), early), 'CallRegistered')[0]?.data.startedAt).toBe(
      '2025-04-22T18:00:00+03:00',
    );
    const late = call('c-1', report, { startedAt: '2025-04-23T12:00:01+03:00' });
    expect(refusal(on(), late).code).toBe('InstantAfterCommand');
    const beforeOpening = call('c-1', report, { startedAt: '2025-04-20T12:00:00+03:00' });
    expect(refusal(on(), beforeOpening).code).toBe('InstantBeforeOpening');
  });
});

/** Auto-renewal off, the period over: lapsed from 21.05.2025 (recorded or not). */
const LATER = '2025-05-22T10:00:00+03:00';
const lapsedPrepared = () =>
  staffed(
    cmd('EnableNumberOption', { option: 'shortNumber', numbers: [EMPLOYEE] }, DAY_2),
    cmd('EnableRecording', {}, DAY_2),
    cmd('AddStoragePack', {}, DAY_2),
    cmd('PurchaseSmsPackage', { size: 500 }, DAY_2),
    cmd(
      'ConfigureNotification',
      { scenario: 'incoming-missed-call', sms: true, telegram: false, text: 'Перезвоним.' },
      DAY_2,
    ),
    cmd('EnableSmartCallback', {}, DAY_2),
    recording('r-1', MIB, DAY_2),
    ...Array.from({ length: 9 }, (_, i) =>
      cmd(
        'AddNumber',
        { number: `+7916700000${i}`, kind: 'regular' as const, fullName: `Сотрудник ${i}`, department: '' },
        DAY_2,
      ),
    ),
    cmd('SetAutoRenewal', { enabled: false }, DAY_2),
  );
const recorded = () => historyOf(lapsedPrepared(), cmd('RenewSubscription', {}, PAID_UNTIL));

const CHARGE_STARTING: ReadonlyArray<[string, AccountCommand]> = [
  ['a number option', cmd('EnableNumberOption', { option: 'melody', numbers: [OPERATOR] }, LATER)],
  ['a storage pack', cmd('AddStoragePack', {}, LATER)],
  ['an extra МКН', cmd('AddMultichannelNumber', { number: MKN_2 }, LATER)],
  ['a paid SMS package', cmd('PurchaseSmsPackage', { size: 500 }, LATER)],
  ['the free SMS package', cmd('PurchaseSmsPackage', { size: 100 }, LATER)],
  [
    'Telegram',
    cmd(
      'ConfigureNotification',
      { scenario: 'incoming-visit-card', sms: false, telegram: true, text: 'Привет' },
      LATER,
    ),
  ],
  [
    'an employee beyond the included ones',
    cmd('AddNumber', { number: '+79167009999', kind: 'regular', fullName: 'Новый', department: '' }, LATER),
  ],
];

describe('a lapsed subscription suspends the paid services', () => {
  it('has 11 employees, so one more is charged', () => {
    expect(Object.values(stateOf(recorded()).numbers.users).filter((u) => u.kind === 'regular')).toHaveLength(
      11,
    );
  });

  it.each(CHARGE_STARTING)('%s is refused (SubscriptionLapsed), the lapse recorded', (_name, command) => {
    const error = refusal(recorded(), command);
    expect(error.code).toBe('SubscriptionLapsed');
    expect(error.details).toMatchObject({ paidUntil: PAID_UNTIL, at: LATER });
  });

  it.each(CHARGE_STARTING)(
    '%s is refused from paidUntil even before the lapse is recorded',
    (_name, command) => {
      expect(refusal(lapsedPrepared(), command).code).toBe('SubscriptionLapsed');
    },
  );

  it('recording and smart callback cannot be turned on', () => {
    const off = historyOf(
      recorded(),
      cmd('DisableRecording', {}, LATER),
      cmd('DisableSmartCallback', {}, LATER),
    );
    expect(refusal(off, cmd('EnableRecording', {}, LATER)).code).toBe('SubscriptionLapsed');
    expect(refusal(off, cmd('EnableSmartCallback', {}, LATER)).code).toBe('SubscriptionLapsed');
  });

  it('a tariff change is allowed', () => {
    expect(typesOf(accepted(recorded(), cmd('ChangeTariff', { tariffId: 'business' }, LATER)))).toContain(
      'TariffChanged',
    );
  });

  it('notices are skipped with the reason subscription-lapsed: no SMS spent, no package renewed', () => {
    given(decider, recorded())
      .when(call('c-1', LATER))
      .then((events, state) => {
        expect(ofType(events, 'NotificationSkipped')[0]?.data.reason).toBe('subscription-lapsed');
        expect(ofType(events, 'NotificationSent')).toHaveLength(0);
        expect(ofType(events, 'SmsPackagePurchased')).toHaveLength(0);
        expect(state.sms.balance).toBe(500);
      });
  });

  it('smart callback routes calls as usual, with the reason', () => {
    const events = accepted(
      recorded(),
      cmd('RouteIncomingCall', { client: CLIENT, multichannelNumber: MKN }, LATER),
    );
    expect(ofType(events, 'IncomingCallRouted')[0]?.data).toMatchObject({
      operator: null,
      reason: 'subscription-lapsed',
    });
  });

  it('new recordings are refused; stored ones are kept', () => {
    expect(refusal(recorded(), recording('r-2', MIB, LATER)).code).toBe('SubscriptionLapsed');
    expect(stateOf(recorded()).storage.usedBytes).toBe(MIB);
  });

  it.each<[string, AccountCommand]>([
    ['turning recording off', cmd('DisableRecording', {}, LATER)],
    ['removing a pack', cmd('RemoveStoragePack', {}, LATER)],
    ['deleting a recording', cmd('DeleteRecording', { recordingId: 'r-1' }, LATER)],
    [
      'turning a number option off',
      cmd('DisableNumberOption', { option: 'shortNumber', numbers: [EMPLOYEE] }, LATER),
    ],
    ['removing a number', cmd('RemoveNumber', { number: EMPLOYEE }, LATER)],
    ['turning smart callback off', cmd('DisableSmartCallback', {}, LATER)],
    [
      'turning a notice off',
      cmd(
        'ConfigureNotification',
        { scenario: 'incoming-missed-call', sms: false, telegram: false, text: '' },
        LATER,
      ),
    ],
  ])('%s stays allowed', (_name, command) => {
    expect(accepted(recorded(), command).length).toBeGreaterThan(0);
  });

  it('a payment after the lapse starts a new period at its own instant; later periods are anchored on it', () => {
    given(decider, recorded())
      .when(cmd('RenewSubscription', { manual: true }, LATER))
      .then((events, state) => {
        expect(ofType(events, 'SubscriptionRenewed')[0]?.data).toMatchObject({
          periodStart: LATER,
          paidUntil: '2025-06-22T10:00:00+03:00',
          restarted: true,
        });
        expect(state.tariff.subscription?.status).toBe('active');
      });
    const paid = historyOf(
      recorded(),
      cmd('RenewSubscription', { manual: true }, LATER),
      cmd('SetAutoRenewal', { enabled: true }, LATER),
      cmd('RenewSubscription', {}, '2025-06-22T10:00:00+03:00'),
    );
    expect(stateOf(paid).tariff.subscription?.paidUntil).toBe('2025-07-22T10:00:00+03:00');
    expect(typesOf(accepted(paid, cmd('AddStoragePack', {}, '2025-06-23T10:00:00+03:00')))).toEqual([
      'StoragePackAdded',
    ]);
  });
});
