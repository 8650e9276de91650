/**
 * Decisions of this capability (placeholder until implemented).
 * @module
 */
import { type Decisions, reject } from '../account/decision.js';
import { storageCommands } from './commands.js';

type Owned = keyof typeof storageCommands;

/** Decisions of this capability, by command type. */
export const storageDecisions: Decisions<Owned> = Object.fromEntries(
  Object.keys(storageCommands).map((type) => [
    type,
    () => reject('NotImplemented', `${type} is not implemented yet`, {}),
  ]),
) as unknown as Decisions<Owned>;
