/**
 * `RemoveMultichannelNumber`: an МКН goes, and what pointed at it follows in the same decision:
 * numbers showing it as caller ID fall back to the main МКН, callback windows opened through it
 * close.
 * @module
 */
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import type { AccountEvent } from '../account/events.js';
import { chunkedEntries } from '../kernel/collections/chunked-map.js';
import { isMultichannelNumber } from './find.js';
import type { E164 } from './phone-number.js';

/**
 * Removes an МКН. Errors: `UnknownMultichannelNumber`, `LastMultichannelNumber` (the account's
 * only one), `MultichannelNumberIsMain` (make another one main first). Events:
 * a `SmartCallbackWindowClosed` per window opened through it, then `MultichannelNumberRemoved`
 * naming the numbers whose caller ID falls back to the main МКН.
 */
export const decideRemoveMultichannelNumber: DecideFn<'RemoveMultichannelNumber'> = (
  command,
  state,
  context,
) => {
  const { number } = command.data;
  const { multichannel, mainMultichannel, users } = state.numbers;
  if (!isMultichannelNumber(state, number)) {
    return reject('UnknownMultichannelNumber', `${number} is not a multichannel number of the account`, {
      field: 'data.number',
      number,
    });
  }
  if (multichannel.length === 1) {
    return reject('LastMultichannelNumber', `${number} is the account's only multichannel number`, {
      field: 'data.number',
      number,
    });
  }
  if (mainMultichannel === number || mainMultichannel === null) {
    return reject(
      'MultichannelNumberIsMain',
      `${number} is the main multichannel number: make another one main first`,
      {
        field: 'data.number',
        number,
      },
    );
  }
  const callerIdNumbers: E164[] = [];
  for (const user of Object.values(users)) {
    if (user.callerId?.multichannelNumber === number) callerIdNumbers.push(user.number);
  }
  // Windows close first, so that no state between the two events has a window through an МКН
  // the account no longer has.
  const events: AccountEvent[] = [];
  for (const [client, window] of chunkedEntries(state.smartCallback.windows)) {
    if (window.multichannelNumber !== number) continue;
    events.push(
      eventOf(
        'SmartCallbackWindowClosed',
        {
          client,
          operator: window.operator,
          callId: window.callId,
          reason: 'multichannel-number-removed',
          byCallId: null,
        },
        context,
      ),
    );
  }
  events.push(
    eventOf(
      'MultichannelNumberRemoved',
      { number, fallback: mainMultichannel, callerIdNumbers, multichannelNumbers: multichannel.length - 1 },
      context,
    ),
  );
  return accept(...events);
};
