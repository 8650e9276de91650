/**
 * Which registered calls open a callback window: an outgoing call not answered or rejected by
 * the client (`missed`, `busy`, `rejected`; a `failed` call never reached them) from an operator
 * whose number has caller ID (АОН) on, while smart callback is on.
 * @module
 */
import { type DecisionContext, eventOf } from '../account/decision.js';
import type { AccountEventOf } from '../account/events.js';
import type { AccountState } from '../account/state.js';

/** Outcomes of an outgoing call that open a window. */
const OPENING_OUTCOMES: ReadonlySet<string> = new Set(['missed', 'busy', 'rejected']);

/** The call as the window rule sees it. */
export interface CallForWindow {
  readonly callId: string;
  readonly direction: 'incoming' | 'outgoing';
  readonly client: string;
  readonly outcome: string;
  readonly operator?: string;
}

/** The `SmartCallbackWindowOpened` this call causes, or `undefined`. */
export const windowOpenedBy = (
  state: AccountState,
  call: CallForWindow,
  context: DecisionContext,
): AccountEventOf<'SmartCallbackWindowOpened'> | undefined => {
  const option = state.smartCallback;
  if (!option.enabled || call.direction !== 'outgoing' || call.operator === undefined) return undefined;
  if (!OPENING_OUTCOMES.has(call.outcome)) return undefined;
  const number = state.numbers.users[call.operator];
  if (number === undefined || number.callerId === null) return undefined;
  const expiresAt = new Date(context.atMs + option.windowMinutes * 60_000).toISOString();
  return eventOf(
    'SmartCallbackWindowOpened',
    { client: call.client, operator: call.operator, callId: call.callId, expiresAt },
    context,
  );
};
