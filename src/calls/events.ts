/**
 * Events of registered calls.
 * @module
 */
import * as t from 'io-ts';
import { Id, Instant } from '../kernel/codecs.js';
import { DirectionCodec } from '../notifications/scenario.js';
import { PhoneNumber } from '../numbers/phone-number.js';

/** How a call ended. */
export const CallOutcome = t.keyof(
  { answered: null, missed: null, rejected: null, busy: null, failed: null },
  'CallOutcome',
);
/** `multichannel`: through an МКН; `direct`: to or from an employee's own number. */
export const CallLine = t.keyof({ multichannel: null, direct: null }, 'CallLine');

/** Event payload codecs of this capability, by event type. */
export const callsEvents = {
  /**
   * A finished call was registered when its report came (`metadata.at`). `startedAt` and
   * `endedAt` are the call's own times when the telephony side gave them (`null` otherwise,
   * and in events of 0.1.0); the call counts as made at `startedAt`, else `endedAt`, else the
   * report's instant.
   */
  CallRegistered: t.type({
    callId: Id,
    direction: DirectionCodec,
    line: CallLine,
    multichannelNumber: t.union([PhoneNumber, t.null]),
    client: PhoneNumber,
    operator: t.union([PhoneNumber, t.null]),
    outcome: CallOutcome,
    startedAt: t.union([Instant, t.null]),
    endedAt: t.union([Instant, t.null]),
  }),
};
