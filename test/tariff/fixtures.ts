/**
 * Test fixtures for the tariff and numbers capabilities: commands and events with metadata, a
 * history built by deciding commands, and a check that a malformed payload names its field.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import type { AccountCommand, AccountCommandOf, AccountCommandType } from '../../src/account/commands.js';
import { decodeCommand } from '../../src/account/commands.js';
import { createAccountDecider } from '../../src/account/decider.js';
import type {
  AccountEvent,
  AccountEventData,
  AccountEventOf,
  AccountEventType,
} from '../../src/account/events.js';

export const ACCOUNT = 'acc-1';
export const OPENED_AT = '2025-04-21T10:00:00+03:00';
export const decider = createAccountDecider();

let sequence = 0;

/** A command of `type` at `at` (command ids are unique per call unless given). */
export const cmd = <K extends AccountCommandType>(
  type: K,
  data: AccountCommandOf<K>['data'],
  at: string = OPENED_AT,
  commandId = `c-${++sequence}`,
): AccountCommandOf<K> => ({ type, data, metadata: { commandId, accountId: ACCOUNT, at, actor: 'user-1' } });

/** The event `command` decides into, with its metadata. */
export const evt = <K extends AccountEventType>(
  type: K,
  data: AccountEventData<K>,
  command: AccountCommand,
): AccountEventOf<K> =>
  ({
    type,
    data,
    metadata: {
      at: command.metadata.at,
      commandId: command.metadata.commandId,
      actor: command.metadata.actor,
    },
  }) as AccountEventOf<K>;

/** Decides `commands` one after the other; every one must be accepted. Returns all events. */
export const historyOf = (...commands: AccountCommand[]): AccountEvent[] => {
  const events: AccountEvent[] = [];
  let state = decider.initialState;
  for (const command of commands) {
    const result = decider.decide(command, state);
    if (isLeft(result))
      throw new Error(`${command.type} refused: ${result.left.code}: ${result.left.message}`);
    events.push(...result.right);
    state = result.right.reduce(decider.evolve, state);
  }
  return events;
};

/** Opens the account on «Базовый» (or `tariffId`) at {@link OPENED_AT}. */
export const openAccount = (
  tariffId = 'basic',
  at = OPENED_AT,
  extra: { timeZone?: string; autoRenewal?: boolean } = {},
) => cmd('OpenAccount', { tariffId, ...extra }, at);

/** Asserts that `payload` of `type` is refused by `decodeCommand` with a message naming `path`. */
export const expectMalformed = (type: string, data: unknown, path: string): void => {
  const result = decodeCommand({
    type,
    data,
    metadata: { commandId: 'c-bad', accountId: ACCOUNT, at: OPENED_AT, actor: 'user-1' },
  });
  if (!isLeft(result)) throw new Error(`${type} with ${JSON.stringify(data)} was accepted`);
  expect(result.left.code).toBe('ValidationError');
  expect(result.left.issues.map((issue) => issue.path)).toContain(path);
  expect(result.left.message.split('; ').some((line) => line.startsWith(`${path}:`))).toBe(true);
};

/** Details of a domain error as a plain record (for assertions). */
export const detailsOf = (error: { details: unknown }): Record<string, unknown> =>
  error.details as Record<string, unknown>;
