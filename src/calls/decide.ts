/**
 * Decisions of registered calls.
 * @module
 */
import type { Decisions } from '../account/decision.js';
import type { callsCommands } from './commands.js';
import { decideRegisterCall } from './register.js';

type Owned = keyof typeof callsCommands;

/** Decisions of this capability, by command type. */
export const callsDecisions: Decisions<Owned> = {
  RegisterCall: decideRegisterCall,
};
