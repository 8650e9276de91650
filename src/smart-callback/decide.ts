/**
 * Decisions of smart callback. (Windows are opened by `RegisterCall`, in `calls`.)
 * @module
 */
import type { Decisions } from '../account/decision.js';
import type { smartCallbackCommands } from './commands.js';
import { decideRouteIncomingCall } from './route.js';
import {
  decideDisableSmartCallback,
  decideEnableSmartCallback,
  decideSetSmartCallbackWindow,
} from './toggle.js';

type Owned = keyof typeof smartCallbackCommands;

/** Decisions of this capability, by command type. */
export const smartCallbackDecisions: Decisions<Owned> = {
  EnableSmartCallback: decideEnableSmartCallback,
  DisableSmartCallback: decideDisableSmartCallback,
  SetSmartCallbackWindow: decideSetSmartCallbackWindow,
  RouteIncomingCall: decideRouteIncomingCall,
};
