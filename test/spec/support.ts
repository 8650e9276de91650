/**
 * Shared fixtures of the rule-by-rule specification tests: an account opened on «Базовый» on
 * 21.04.2025 (so "Оплачен до 21.05.2025", as the tariff screen shows), its numbers, and short
 * helpers to decide a command against a history and read the outcome.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { AccountCommand, AccountCommandOf } from '../../src/account/commands.js';
import type { AccountDomainError } from '../../src/account/errors.js';
import type { AccountEvent } from '../../src/account/events.js';
import { GIB } from '../../src/catalogue/units.js';
import { cmd, decider, historyOf, OPENED_AT, type Step, stateOf } from '../support/account.js';

export {
  ACCOUNT,
  cmd,
  decider,
  fact,
  historyOf,
  OPENED_AT,
  ofType,
  type Step,
  stateOf,
} from '../support/account.js';

/** The end of the first period: the tariff screen's «Оплачен до 21.05.2025». */
export const PAID_UNTIL = '2025-05-21T10:00:00+03:00';
/** A moment inside the first period, after the setup. */
export const DAY_2 = '2025-04-22T12:00:00+03:00';
export const MKN = '+74951234567';
export const MKN_2 = '+74957654321';
export const MKN_3 = '+74959998877';
/** An operator (regular number) with caller ID on. */
export const OPERATOR = '+79161234567';
/** A regular number without options. */
export const EMPLOYEE = '+79161234568';
/** An external number («Добавленный»). */
export const ADDED = '+79031112233';
export const CLIENT = '+79123456789';
export const CLIENT_2 = '+79123456780';
export const MIB = 1024 ** 2;
export const PACK = 5 * GIB;

/** The account opened on «Базовый» at 21.04.2025 10:00 Moscow (auto-renewal on). */
export const opened = (): AccountEvent[] => historyOf(cmd('OpenAccount', { tariffId: 'basic' }, OPENED_AT));

/** An МКН, an operator with caller ID, an employee without options, an added number. */
export const staffed = (...more: Step[]): AccountEvent[] =>
  historyOf(
    opened(),
    cmd('AddMultichannelNumber', { number: MKN }),
    cmd('AddNumber', { number: OPERATOR, kind: 'regular', fullName: 'Иванова Анна', department: 'Продажи' }),
    cmd('AddNumber', { number: EMPLOYEE, kind: 'regular', fullName: 'Петров Олег', department: 'Продажи' }),
    cmd('AddNumber', { number: ADDED, kind: 'added', fullName: 'Склад', department: 'Логистика' }),
    cmd('EnableNumberOption', { option: 'callerId', numbers: [OPERATOR] }),
    ...more,
  );

/** Decides `command` against `history`: the events, or the refusal. */
export const decide = (
  history: readonly AccountEvent[],
  command: AccountCommand,
): { events: readonly AccountEvent[]; error: AccountDomainError | undefined } => {
  const result = decider.decide(command, stateOf(history));
  return isLeft(result) ? { events: [], error: result.left } : { events: result.right, error: undefined };
};

/** The refusal of `command` against `history` (throws when it is accepted). */
export const refusal = (history: readonly AccountEvent[], command: AccountCommand): AccountDomainError => {
  const { error, events } = decide(history, command);
  if (error === undefined) throw new Error(`${command.type} accepted with ${events.length} event(s)`);
  return error;
};

/** The events of `command` against `history` (throws when it is refused). */
export const accepted = (
  history: readonly AccountEvent[],
  command: AccountCommand,
): readonly AccountEvent[] => {
  const { error, events } = decide(history, command);
  if (error !== undefined) throw new Error(`${command.type} refused: ${error.code}: ${error.message}`);
  return events;
};

/** The types of `events`, in order. */
export const typesOf = (events: readonly AccountEvent[]): string[] => events.map((event) => event.type);

/** A finished call reported by the telephony side at `at`. */
export const call = (
  callId: string,
  at: string,
  data: Partial<AccountCommandOf<'RegisterCall'>['data']> = {},
): AccountCommandOf<'RegisterCall'> => {
  const line = data.line ?? 'multichannel';
  return cmd(
    'RegisterCall',
    {
      callId,
      direction: data.direction ?? 'incoming',
      line,
      client: data.client ?? CLIENT,
      outcome: data.outcome ?? 'missed',
      ...(line === 'multichannel' ? { multichannelNumber: data.multichannelNumber ?? MKN } : {}),
      ...(data.operator === undefined ? {} : { operator: data.operator }),
      ...(data.startedAt === undefined ? {} : { startedAt: data.startedAt }),
      ...(data.endedAt === undefined ? {} : { endedAt: data.endedAt }),
    },
    at,
  );
};

/** A recording of `sizeBytes` through the МКН, recorded at `recordedAt` and reported at `at`. */
export const recording = (
  recordingId: string,
  sizeBytes: number,
  recordedAt: string,
  at: string = recordedAt,
): AccountCommandOf<'StoreRecording'> =>
  cmd(
    'StoreRecording',
    {
      recordingId,
      callId: `call-${recordingId}`,
      source: { kind: 'multichannel', number: MKN },
      sizeBytes,
      durationSeconds: 60,
      recordedAt,
    },
    at,
  );
