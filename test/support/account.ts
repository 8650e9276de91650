/**
 * Account fixtures shared by the capability tests: commands and events with metadata, histories
 * mixing decided commands and raw events, and a check that a malformed payload names its field.
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
import type { AccountState } from '../../src/account/state.js';

export const ACCOUNT = 'acc-1';
/** Opening instant: periods run from the 21st, 10:00 Moscow time. */
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

/** A raw event, as another capability would have decided it. */
export const fact = <K extends AccountEventType>(
  type: K,
  data: AccountEventData<K>,
  at: string = OPENED_AT,
): AccountEventOf<K> =>
  ({ type, data, metadata: { at, commandId: `setup-${++sequence}`, actor: 'setup' } }) as AccountEventOf<K>;

const isCommand = (step: AccountCommand | AccountEvent): step is AccountCommand =>
  'accountId' in step.metadata;

/** One step of a history: a command to decide, a raw event, or events already decided. */
export type Step = AccountCommand | AccountEvent | readonly AccountEvent[];

/** Decides the commands (each must be accepted) and keeps the raw events, in order. */
export const historyOf = (...steps: Step[]): AccountEvent[] => {
  const events: AccountEvent[] = [];
  let state: AccountState = decider.initialState;
  const add = (event: AccountEvent) => {
    events.push(event);
    state = decider.evolve(state, event);
  };
  for (const step of steps) {
    if (Array.isArray(step)) for (const event of step as AccountEvent[]) add(event);
    else if (isCommand(step as AccountCommand | AccountEvent)) {
      const command = step as AccountCommand;
      const result = decider.decide(command, state);
      if (isLeft(result))
        throw new Error(`${command.type} refused: ${result.left.code}: ${result.left.message}`);
      for (const event of result.right) add(event);
    } else add(step as AccountEvent);
  }
  return events;
};

/** The state `events` fold into. */
export const stateOf = (events: readonly AccountEvent[]): AccountState => decider.fold(events);

/** Events of `type` among `events`. */
export const ofType = <K extends AccountEventType>(
  events: readonly AccountEvent[],
  type: K,
): AccountEventOf<K>[] => events.filter((event) => event.type === type) as unknown as AccountEventOf<K>[];

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
