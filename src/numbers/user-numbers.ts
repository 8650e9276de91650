/**
 * User numbers: `AddNumber`, `RemoveNumber`.
 * @module
 */
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import { isMultichannelNumber, optionsOn, userNumberOf } from './find.js';

/**
 * Adds a user number (`regular`: an employee's; `added`: an external one).
 * Errors: `NumberExists`, `NumberIsMultichannel`.
 */
export const decideAddNumber: DecideFn<'AddNumber'> = (command, state, context) => {
  const { number, kind, fullName, department } = command.data;
  if (userNumberOf(state, number) !== undefined) {
    return reject('NumberExists', `${number} is already a number of the account`, {
      field: 'data.number',
      number,
    });
  }
  if (isMultichannelNumber(state, number)) {
    return reject('NumberIsMultichannel', `${number} is a multichannel number of the account`, {
      field: 'data.number',
      number,
    });
  }
  return accept(eventOf('NumberAdded', { number, kind, fullName, department }, context));
};

/**
 * Removes a user number; the event lists the options it had and frees its short number.
 * Errors: `UnknownNumber`.
 */
export const decideRemoveNumber: DecideFn<'RemoveNumber'> = (command, state, context) => {
  const { number } = command.data;
  const user = userNumberOf(state, number);
  if (user === undefined) {
    return reject('UnknownNumber', `${number} is not a number of the account`, {
      field: 'data.number',
      number,
    });
  }
  const freedShortNumber = user.shortNumber?.code ?? null;
  return accept(eventOf('NumberRemoved', { number, options: optionsOn(user), freedShortNumber }, context));
};
