/**
 * Decisions of this capability (placeholder until implemented).
 * @module
 */
import { type Decisions, reject } from '../account/decision.js';
import { smsCommands } from './commands.js';

type Owned = keyof typeof smsCommands;

/** Decisions of this capability, by command type. */
export const smsDecisions: Decisions<Owned> = Object.fromEntries(
  Object.keys(smsCommands).map((type) => [
    type,
    () => reject('NotImplemented', `${type} is not implemented yet`, {}),
  ]),
) as unknown as Decisions<Owned>;
