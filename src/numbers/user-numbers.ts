/**
 * User numbers: `AddNumber`, `RemoveNumber`.
 * @module
 */
import { left } from 'fp-ts/lib/Either.js';
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import type { AccountState } from '../account/state.js';
import { subscriptionLapsed } from '../tariff/guards.js';
import { isMultichannelNumber, optionsOn, userNumberOf } from './find.js';

/** Employees: user numbers of kind `regular`. */
const employeesOf = (state: AccountState): number => {
  let count = 0;
  for (const number in state.numbers.users) if (state.numbers.users[number]?.kind === 'regular') count++;
  return count;
};

/**
 * Adds a user number (`regular`: an employee's; `added`: an external one).
 * Errors: `NumberExists`, `NumberIsMultichannel`, `SubscriptionLapsed` (an employee beyond the
 * tariff's included ones, charged, while the subscription is lapsed).
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
  if (kind === 'regular') {
    const lapsed = subscriptionLapsed(state, context);
    // Counted only while lapsed: an employee beyond the included ones starts a charge.
    if (lapsed !== undefined && employeesOf(state) >= (state.tariff.terms?.includedEmployees ?? 0)) {
      return left(lapsed);
    }
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
