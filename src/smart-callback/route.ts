/**
 * `RouteIncomingCall`: a call arrives on an МКН; it goes to the queue of the operator whose
 * callback window is open for that client, or to none, with the reason.
 * @module
 */
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import type { AccountState } from '../account/state.js';
import { getEntry } from '../kernel/collections/chunked-map.js';
import { isLapsedAt } from '../tariff/standing.js';
import type { RoutingReason } from './events.js';

type Reason = typeof RoutingReason._A;

/** The operator a call back from `client` at `atMs` goes to, or why none. */
export const routeOf = (
  state: AccountState,
  client: string,
  atMs: number,
): { readonly operator: string | null; readonly reason: Reason } => {
  const option = state.smartCallback;
  if (!option.enabled) return { operator: null, reason: 'option-off' };
  const subscription = state.tariff.subscription;
  if (subscription !== null && isLapsedAt(subscription, atMs))
    return { operator: null, reason: 'subscription-lapsed' };
  const window = getEntry(option.windows, client);
  if (window === undefined) return { operator: null, reason: 'no-window' };
  if (atMs >= window.expiresAtMs) return { operator: null, reason: 'window-expired' };
  const number = state.numbers.users[window.operator];
  if (number === undefined) return { operator: null, reason: 'operator-gone' };
  if (number.callerId === null) return { operator: null, reason: 'caller-id-off' };
  return { operator: window.operator, reason: 'smart-callback' };
};

/** Always decides an `IncomingCallRouted`. Refusal: `UnknownMultichannelNumber`. */
export const decideRouteIncomingCall: DecideFn<'RouteIncomingCall'> = (command, state, context) => {
  const { client, multichannelNumber } = command.data;
  if (!state.numbers.multichannel.includes(multichannelNumber)) {
    return reject(
      'UnknownMultichannelNumber',
      `${multichannelNumber} is not a multichannel number of the account`,
      {
        field: 'data.multichannelNumber',
        number: multichannelNumber,
      },
    );
  }
  const { operator, reason } = routeOf(state, client, context.atMs);
  return accept(eventOf('IncomingCallRouted', { client, multichannelNumber, operator, reason }, context));
};
