/**
 * A session that decides commands directly with the account decider and folds its events in
 * place on a private state (the replay-speed path), handing every stored event to a sink. The
 * log generator uses it: a year of calls for one account in seconds, no store in memory.
 * @module
 */

import { isLeft } from 'fp-ts/lib/Either.js';
import type { Draft } from 'immer';
import {
  type AccountEvent,
  type AccountState,
  accountEventRegistry,
  accountStreamId,
  createAccountDecider,
  decodeCommand,
  type StoredAccountEvent,
} from '../../src/index.js';
import { commandOf, mustOf, type Session } from './session.js';

/** Opens a direct session; `sink` receives each event as the store would keep it. */
export const openDirectSession = (accountId: string, sink: (event: StoredAccountEvent) => void): Session => {
  const decider = createAccountDecider();
  const state = decider.fold([]) as Draft<AccountState>;
  const streamId = accountStreamId(accountId);
  let count = 0;
  let version = 0;
  const send: Session['send'] = async (type, data, atMs, actor = 'admin') => {
    count += 1;
    const command = decodeCommand(commandOf(type, data, accountId, count, atMs, actor));
    if (isLeft(command)) return { ok: false, error: command.left };
    const decided = decider.decide(command.right, state as AccountState);
    if (isLeft(decided)) return { ok: false, error: decided.left };
    const stored = decided.right.map((event: AccountEvent, i): StoredAccountEvent => {
      decider.recipe(state, event);
      version += 1;
      const metadata = {
        at: event.metadata.at,
        commandId: event.metadata.commandId,
        actor: event.metadata.actor,
        eventId: `${event.metadata.commandId}/${i}`,
        streamId,
        version,
        globalPosition: version,
        schemaVersion: accountEventRegistry.schemaVersionOf(event.type) ?? 1,
      };
      const storedEvent = { type: event.type, data: event.data, metadata } as StoredAccountEvent;
      sink(storedEvent);
      return storedEvent;
    });
    return { ok: true, handled: { events: stored, version, duplicate: false } };
  };
  return { accountId, send, must: mustOf(send), sent: () => count };
};
