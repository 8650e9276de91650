/**
 * Events of smart callback.
 * @module
 */
import * as t from 'io-ts';
import { Id, Instant, intRange, NonNegativeInt } from '../kernel/codecs.js';
import { PhoneNumber } from '../numbers/phone-number.js';

/** Why an incoming call was or was not routed to an operator. */
export const RoutingReason = t.keyof(
  {
    'smart-callback': null,
    'option-off': null,
    'no-window': null,
    'window-expired': null,
    'operator-gone': null,
    'caller-id-off': null,
  },
  'RoutingReason',
);

/** Event payload codecs of this capability, by event type. */
export const smartCallbackEvents = {
  /** Smart callback was turned on, with its window and the price in effect. */
  SmartCallbackEnabled: t.type({ windowMinutes: intRange(1, 1440), monthlyFee: NonNegativeInt }),
  /** Smart callback was turned off; open windows are dropped. */
  SmartCallbackDisabled: t.type({}),
  /** The callback window changed (applies to windows opened from now on). */
  SmartCallbackWindowSet: t.type({ minutes: intRange(1, 1440) }),
  /** An unanswered or rejected outgoing call opened a window for the client to call back. */
  SmartCallbackWindowOpened: t.type({
    client: PhoneNumber,
    operator: PhoneNumber,
    callId: Id,
    expiresAt: Instant,
  }),
  /**
   * A call arrived on an МКН: `operator` is the queue it goes to (a routed call closes the
   * window), or `null` with the reason it was not routed.
   */
  IncomingCallRouted: t.type({
    client: PhoneNumber,
    multichannelNumber: PhoneNumber,
    operator: t.union([PhoneNumber, t.null]),
    reason: RoutingReason,
  }),
};
