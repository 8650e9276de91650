/**
 * Decisions of this capability (placeholder until implemented).
 * @module
 */
import { type Decisions, reject } from '../account/decision.js';
import { callsCommands } from './commands.js';

type Owned = keyof typeof callsCommands;

/** Decisions of this capability, by command type. */
export const callsDecisions: Decisions<Owned> = Object.fromEntries(
  Object.keys(callsCommands).map((type) => [
    type,
    () => reject('NotImplemented', `${type} is not implemented yet`, {}),
  ]),
) as unknown as Decisions<Owned>;
