/**
 * Decisions of this capability (placeholder until implemented).
 * @module
 */
import { type Decisions, reject } from '../account/decision.js';
import { smartCallbackCommands } from './commands.js';

type Owned = keyof typeof smartCallbackCommands;

/** Decisions of this capability, by command type. */
export const smartCallbackDecisions: Decisions<Owned> = Object.fromEntries(
  Object.keys(smartCallbackCommands).map((type) => [
    type,
    () => reject('NotImplemented', `${type} is not implemented yet`, {}),
  ]),
) as unknown as Decisions<Owned>;
