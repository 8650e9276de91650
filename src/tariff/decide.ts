/**
 * Decisions of this capability (placeholder until implemented).
 * @module
 */
import { type Decisions, reject } from '../account/decision.js';
import { tariffCommands } from './commands.js';

type Owned = keyof typeof tariffCommands;

/** Decisions of this capability, by command type. */
export const tariffDecisions: Decisions<Owned> = Object.fromEntries(
  Object.keys(tariffCommands).map((type) => [
    type,
    () => reject('NotImplemented', `${type} is not implemented yet`, {}),
  ]),
) as unknown as Decisions<Owned>;
