/**
 * Commands of registered calls.
 * @module
 */
import { Id, strictType } from '../kernel/codecs.js';
import { DirectionCodec } from '../notifications/scenario.js';
import { PhoneNumber } from '../numbers/phone-number.js';
import { CallLine, CallOutcome } from './events.js';

/** Command payload codecs of this capability, by command type. */
export const callsCommands = {
  /**
   * The telephony side reports a finished call at `metadata.at`. Decides the notices due, SMS
   * renewals, and whether a smart-callback window opens. A call id registered twice changes nothing.
   */
  RegisterCall: strictType(
    { callId: Id, direction: DirectionCodec, line: CallLine, client: PhoneNumber, outcome: CallOutcome },
    { multichannelNumber: PhoneNumber, operator: PhoneNumber },
  ),
};
