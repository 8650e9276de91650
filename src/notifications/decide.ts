/**
 * Decisions of this capability (placeholder until implemented).
 * @module
 */
import { type Decisions, reject } from '../account/decision.js';
import { notificationsCommands } from './commands.js';

type Owned = keyof typeof notificationsCommands;

/** Decisions of this capability, by command type. */
export const notificationsDecisions: Decisions<Owned> = Object.fromEntries(
  Object.keys(notificationsCommands).map((type) => [
    type,
    () => reject('NotImplemented', `${type} is not implemented yet`, {}),
  ]),
) as unknown as Decisions<Owned>;
