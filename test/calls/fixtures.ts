/**
 * Fixtures of the SMS, notifications, smart-callback and calls tests: their numbers, calls and
 * scenarios (the shared core is test/support/account.ts).
 */
import type { AccountCommandOf } from '../../src/account/commands.js';
import type { AccountEvent } from '../../src/account/events.js';
import type { Scenario } from '../../src/notifications/scenario.js';
import { cmd, fact, historyOf, OPENED_AT } from '../support/account.js';

export {
  ACCOUNT,
  cmd,
  decider,
  detailsOf,
  evt,
  expectMalformed,
  fact,
  historyOf,
  OPENED_AT,
  ofType,
  type Step,
  stateOf,
} from '../support/account.js';

export const PAID_UNTIL = '2025-05-21T10:00:00+03:00';
export const MKN = '+74951234567';
export const OTHER_MKN = '+74957654321';
/** An operator whose number has caller ID (АОН) on. */
export const OPERATOR = '+79161234567';
/** A second operator with caller ID. */
export const OPERATOR_2 = '+79161234569';
/** An operator without caller ID. */
export const PLAIN_OPERATOR = '+79161234568';
export const CLIENT = '+79123456789';
export const OTHER_CLIENT = '+79123456780';
/** The account opened on «Базовый» at {@link OPENED_AT} (auto-renewal on, Europe/Moscow). */
export const opened = (extra: { timeZone?: string } = {}) =>
  historyOf(cmd('OpenAccount', { tariffId: 'basic', ...extra }, OPENED_AT));

/** The subscription lapsed at {@link PAID_UNTIL}. */
export const lapsed = () =>
  historyOf(opened(), cmd('SetAutoRenewal', { enabled: false }), cmd('RenewSubscription', {}, PAID_UNTIL));

/** An МКН, two operators with caller ID and one without. */
export const numbers = (): AccountEvent[] => [
  fact('MultichannelNumberAdded', { number: MKN, main: true, extraMonthlyFee: 0 }),
  fact('NumberAdded', { number: OPERATOR, kind: 'regular', fullName: 'Иванова Анна', department: 'Продажи' }),
  fact('NumberAdded', {
    number: OPERATOR_2,
    kind: 'regular',
    fullName: 'Сидорова Мария',
    department: 'Продажи',
  }),
  fact('NumberAdded', {
    number: PLAIN_OPERATOR,
    kind: 'regular',
    fullName: 'Петров Олег',
    department: 'Продажи',
  }),
  fact('NumberOptionEnabled', {
    option: 'callerId',
    numbers: [OPERATOR, OPERATOR_2],
    skipped: [],
    monthlyFee: 10_000,
    callerIdNumber: MKN,
  }),
];

/** The account with its numbers. */
export const withNumbers = () => historyOf(opened(), numbers());

/** Turns a scenario on with `text` on the given channels. */
export const configure = (
  scenario: Scenario,
  text: string,
  channels: { sms?: boolean; telegram?: boolean } = { sms: true },
  at = OPENED_AT,
) =>
  cmd(
    'ConfigureNotification',
    { scenario, sms: channels.sms ?? false, telegram: channels.telegram ?? false, text },
    at,
  );

/** A finished call reported by the telephony side. */
export const call = (
  callId: string,
  at: string,
  details: Partial<AccountCommandOf<'RegisterCall'>['data']> = {},
) =>
  cmd(
    'RegisterCall',
    {
      callId,
      direction: details.direction ?? 'incoming',
      line: details.line ?? 'multichannel',
      client: details.client ?? CLIENT,
      outcome: details.outcome ?? 'missed',
      ...(details.multichannelNumber !== undefined
        ? { multichannelNumber: details.multichannelNumber }
        : (details.line ?? 'multichannel') === 'multichannel'
          ? { multichannelNumber: MKN }
          : {}),
      ...(details.operator === undefined ? {} : { operator: details.operator }),
      ...(details.startedAt === undefined ? {} : { startedAt: details.startedAt }),
      ...(details.endedAt === undefined ? {} : { endedAt: details.endedAt }),
    },
    at,
  );
