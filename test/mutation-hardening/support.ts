/**
 * Small builders for the mutation-hardening tests: an account history, commands of it, and the
 * decider's answer on that history (the state deep-frozen, as `given` does).
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { AccountCommand, AccountCommandType } from '../../src/account/commands.js';
import { createAccountDecider, replay } from '../../src/account/decider.js';
import type { AccountEvent, AccountEventData, AccountEventType } from '../../src/account/events.js';
import type { AccountState } from '../../src/account/state.js';
import type { Catalogue } from '../../src/catalogue/catalogue.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { GIB } from '../../src/catalogue/units.js';
import { deepFreeze } from '../../src/kernel/decider.js';
import type { DomainError } from '../../src/kernel/errors.js';

export { GIB };
export const MIB = 1024 ** 2;
export const ACCOUNT = 'acc-1';
export const MKN = '+74951234567';
export const USER = '+79123456780';
export const OTHER_USER = '+79123456781';
export const CLIENT = '+79261234567';
/** The opening instant: 31 January 2025, 09:00 in Moscow. */
export const OPENED_AT = '2025-01-31T09:00:00+03:00';

/** An event with test metadata at `at`. */
export const ev = <K extends AccountEventType>(
  type: K,
  data: AccountEventData<K>,
  at = OPENED_AT,
): AccountEvent =>
  ({ type, data, metadata: { at, commandId: `h-${type}`, actor: 'user-1' } }) as AccountEvent;

/** A command of the account at `at`. */
export const cmd = <K extends AccountCommandType>(
  type: K,
  data: Extract<AccountCommand, { type: K }>['data'],
  at = '2025-02-01T10:00:00+03:00',
): AccountCommand =>
  ({ type, data, metadata: { commandId: 'c-1', accountId: ACCOUNT, at, actor: 'user-1' } }) as AccountCommand;

/** The account opened on a catalogue tariff. */
export const opened = (
  options: { tariffId?: string; autoRenewal?: boolean; timeZone?: string; paidUntil?: string } = {},
): AccountEvent => {
  const tariffId = options.tariffId ?? 'basic';
  const tariff = defaultCatalogue.tariffs[tariffId];
  if (tariff === undefined) throw new Error(`no tariff ${tariffId}`);
  return ev('AccountOpened', {
    accountId: ACCOUNT,
    tariff: { tariffId, ...tariff },
    timeZone: options.timeZone ?? 'Europe/Moscow',
    openedAt: OPENED_AT,
    periodStart: OPENED_AT,
    paidUntil: options.paidUntil ?? '2025-02-28T09:00:00+03:00',
    autoRenewal: options.autoRenewal ?? true,
  });
};

/** The state a history folds into, deep-frozen. */
export const stateOf = (events: readonly AccountEvent[]): AccountState => deepFreeze(replay(events));

/** The decider's answer to `command` after `events`. */
export const decideAfter = (
  events: readonly AccountEvent[],
  command: AccountCommand,
  catalogue: Catalogue = defaultCatalogue,
): Either<DomainError, readonly AccountEvent[]> =>
  createAccountDecider(catalogue).decide(command, stateOf(events));

/** The events of an accepted command (throws on a refusal, naming it). */
export const accepted = (
  events: readonly AccountEvent[],
  command: AccountCommand,
  catalogue?: Catalogue,
): readonly AccountEvent[] => {
  const result = decideAfter(events, command, catalogue);
  if (isLeft(result)) throw new Error(`refused: ${result.left.code}: ${result.left.message}`);
  return result.right;
};

/** The error of a refused command (throws when accepted). */
export const refused = (
  events: readonly AccountEvent[],
  command: AccountCommand,
  catalogue?: Catalogue,
): DomainError => {
  const result = decideAfter(events, command, catalogue);
  if (!isLeft(result)) throw new Error(`accepted with ${result.right.map((e) => e.type).join(', ')}`);
  return result.left;
};

/** Event types, in order. */
export const typesOf = (events: readonly AccountEvent[]): string[] => events.map((e) => e.type);
