/**
 * Commands of smart callback.
 * @module
 */
import { intRange, strictType } from '../kernel/codecs.js';
import { PhoneNumber } from '../numbers/phone-number.js';

/** Command payload codecs of this capability, by command type. */
export const smartCallbackCommands = {
  /** Turns smart callback on (window default 60 minutes). */
  EnableSmartCallback: strictType({}, { windowMinutes: intRange(1, 1440) }),
  /** Turns smart callback off. */
  DisableSmartCallback: strictType({}),
  /** Sets the callback window, 1–1 440 minutes. */
  SetSmartCallbackWindow: strictType({ minutes: intRange(1, 1440) }),
  /** A call arrives on an МКН: decide which queue it goes to. */
  RouteIncomingCall: strictType({ client: PhoneNumber, multichannelNumber: PhoneNumber }),
};
