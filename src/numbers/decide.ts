/**
 * Decisions of this capability (placeholder until implemented).
 * @module
 */
import { type Decisions, reject } from '../account/decision.js';
import { numbersCommands } from './commands.js';

type Owned = keyof typeof numbersCommands;

/** Decisions of this capability, by command type. */
export const numbersDecisions: Decisions<Owned> = Object.fromEntries(
  Object.keys(numbersCommands).map((type) => [
    type,
    () => reject('NotImplemented', `${type} is not implemented yet`, {}),
  ]),
) as unknown as Decisions<Owned>;
