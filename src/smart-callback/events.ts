/**
 * Events of smart callback.
 * @module
 */
import * as t from 'io-ts';
import { Id, Instant, intRange, NonNegativeInt } from '../kernel/codecs.js';
import { PhoneNumber } from '../numbers/phone-number.js';

/**
 * Why an incoming call was or was not routed to an operator: `smart-callback` (routed), or why
 * not: `option-off`, `no-window`, `window-expired`, `operator-gone` (the number was removed),
 * `caller-id-off` (its АОН was turned off), `subscription-lapsed` (paid services are suspended;
 * the call goes the usual way and the window stays).
 */
export const RoutingReason = t.keyof(
  {
    'smart-callback': null,
    'option-off': null,
    'no-window': null,
    'window-expired': null,
    'operator-gone': null,
    'caller-id-off': null,
    'subscription-lapsed': null,
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
  /**
   * An unanswered or rejected outgoing call opened a window for the client to call back, from
   * `openedAt` (the call's end; `null` in events of 0.1.0: the event's instant) to `expiresAt`.
   * `multichannelNumber`: the МКН the client saw the call from (`null` when unknown, as in
   * 0.1.0); a call back to any МКН of the account is routed all the same.
   */
  SmartCallbackWindowOpened: t.type({
    client: PhoneNumber,
    operator: PhoneNumber,
    callId: Id,
    expiresAt: Instant,
    openedAt: t.union([Instant, t.null]),
    multichannelNumber: t.union([PhoneNumber, t.null]),
  }),
  /**
   * A window closed before it expired: an answered call between its operator and client, in
   * either direction (`answered-call`, `byCallId` that call), or the removal of the МКН it was
   * opened through (`multichannel-number-removed`, `byCallId` `null`). `callId` is the call
   * that opened it.
   */
  SmartCallbackWindowClosed: t.type({
    client: PhoneNumber,
    operator: PhoneNumber,
    callId: Id,
    reason: t.keyof({ 'answered-call': null, 'multichannel-number-removed': null }),
    byCallId: t.union([Id, t.null]),
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
