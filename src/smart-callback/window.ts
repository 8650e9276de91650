/**
 * Which registered calls open or close a callback window. A window opens on an outgoing call not
 * answered or rejected by the client (`missed`, `busy`, `rejected`; a `failed` call never reached
 * them) from an operator whose number has caller ID (АОН) on, while smart callback is on. It
 * belongs to the client, not to one МКН. An answered call between the same operator and client,
 * in either direction, closes it: nothing is left to call back about.
 * @module
 */
import { type DecisionContext, eventOf } from '../account/decision.js';
import type { AccountEventOf } from '../account/events.js';
import type { AccountState } from '../account/state.js';
import { callEndedAt } from '../calls/call-times.js';
import { instantMs } from '../kernel/codecs.js';
import { getEntry } from '../kernel/collections/chunked-map.js';

/** Outcomes of an outgoing call that open a window. */
const OPENING_OUTCOMES: ReadonlySet<string> = new Set(['missed', 'busy', 'rejected']);

/** The call as the window rules see it. */
export interface CallForWindow {
  readonly callId: string;
  readonly direction: 'incoming' | 'outgoing';
  readonly client: string;
  readonly outcome: string;
  readonly operator?: string;
  readonly multichannelNumber?: string;
  readonly endedAt?: string;
}

/**
 * The `SmartCallbackWindowOpened` this call causes, or `undefined`. The window runs from the
 * call's end for the window's minutes; a report that comes after it would have expired opens
 * nothing, and an older call does not replace a window opened by a later one. The МКН is the
 * one the call went through, else the one the operator's caller ID shows.
 */
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
  const openedAt = callEndedAt(call, context.metadata.at);
  const openedAtMs = openedAt === context.metadata.at ? context.atMs : instantMs(openedAt);
  const expiresAtMs = openedAtMs + option.windowMinutes * 60_000;
  if (expiresAtMs <= context.atMs) return undefined;
  const current = getEntry(option.windows, call.client);
  if (current !== undefined && current.openedAtMs > openedAtMs) return undefined;
  return eventOf(
    'SmartCallbackWindowOpened',
    {
      client: call.client,
      operator: call.operator,
      callId: call.callId,
      expiresAt: new Date(expiresAtMs).toISOString(),
      openedAt,
      multichannelNumber: call.multichannelNumber ?? number.callerId.multichannelNumber,
    },
    context,
  );
};

/**
 * The `SmartCallbackWindowClosed` this call causes: it was answered, it was between the open
 * window's operator and client (either direction), and it was made after the window opened.
 */
export const windowClosedBy = (
  state: AccountState,
  call: CallForWindow,
  madeAtMs: number,
  context: DecisionContext,
): AccountEventOf<'SmartCallbackWindowClosed'> | undefined => {
  if (call.outcome !== 'answered' || call.operator === undefined) return undefined;
  const window = getEntry(state.smartCallback.windows, call.client);
  if (window === undefined || window.operator !== call.operator) return undefined;
  if (madeAtMs < window.openedAtMs || window.expiresAtMs <= context.atMs) return undefined;
  return eventOf(
    'SmartCallbackWindowClosed',
    {
      client: call.client,
      operator: window.operator,
      callId: window.callId,
      reason: 'answered-call',
      byCallId: call.callId,
    },
    context,
  );
};
