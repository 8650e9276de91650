/**
 * Decisions of this capability (placeholder until implemented).
 * @module
 */
import { type Decisions, reject } from '../account/decision.js';
import { recordingCommands } from './commands.js';

type Owned = keyof typeof recordingCommands;

/** Decisions of this capability, by command type. */
export const recordingDecisions: Decisions<Owned> = Object.fromEntries(
  Object.keys(recordingCommands).map((type) => [
    type,
    () => reject('NotImplemented', `${type} is not implemented yet`, {}),
  ]),
) as unknown as Decisions<Owned>;
