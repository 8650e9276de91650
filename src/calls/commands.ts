/**
 * Commands of registered calls.
 * @module
 */
import { Id, Instant, strictType } from '../kernel/codecs.js';
import { DirectionCodec } from '../notifications/scenario.js';
import { PhoneNumber } from '../numbers/phone-number.js';
import { CallLine, CallOutcome } from './events.js';

/** Command payload codecs of this capability, by command type. */
export const callsCommands = {
  /**
   * The telephony side reports a finished call; `metadata.at` is when the report is received.
   * The call's own times travel in `startedAt` and `endedAt` (optional; at or before the report,
   * not before the opening, the end not before the start). Decides the notices due, SMS
   * renewals, and whether a smart-callback window opens or closes. A call id registered twice
   * changes nothing.
   */
  RegisterCall: strictType(
    { callId: Id, direction: DirectionCodec, line: CallLine, client: PhoneNumber, outcome: CallOutcome },
    { multichannelNumber: PhoneNumber, operator: PhoneNumber, startedAt: Instant, endedAt: Instant },
  ),
};
