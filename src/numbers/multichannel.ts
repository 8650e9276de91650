/**
 * Multichannel numbers (МКН): `AddMultichannelNumber`, `SetMainMultichannelNumber`.
 * @module
 */
import { left } from 'fp-ts/lib/Either.js';
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import { subscriptionLapsed } from '../tariff/guards.js';
import { isMultichannelNumber, userNumberOf } from './find.js';

/**
 * Adds an МКН; the first one becomes the main one. The event carries the catalogue's price of
 * an МКН beyond the tariff's included ones, in effect now. Errors: `MultichannelNumberExists`,
 * `NumberIsUserNumber` (a number is either an МКН or a user number, never both),
 * `SubscriptionLapsed` (an extra, charged МКН while the subscription is lapsed).
 */
export const decideAddMultichannelNumber: DecideFn<'AddMultichannelNumber'> = (command, state, context) => {
  const { number } = command.data;
  if (isMultichannelNumber(state, number)) {
    return reject('MultichannelNumberExists', `${number} is already a multichannel number of the account`, {
      field: 'data.number',
      number,
    });
  }
  if (userNumberOf(state, number) !== undefined) {
    return reject('NumberIsUserNumber', `${number} is a user number of the account`, {
      field: 'data.number',
      number,
    });
  }
  // An МКН beyond the tariff's included ones is charged: not while paid services are suspended.
  const included = state.tariff.terms?.includedMultichannelNumbers ?? 0;
  if (state.numbers.multichannel.length >= included) {
    const lapsed = subscriptionLapsed(state, context);
    if (lapsed !== undefined) return left(lapsed);
  }
  const main = state.numbers.multichannel.length === 0;
  const extraMonthlyFee = context.catalogue.extraMultichannelNumber.monthlyFee;
  return accept(eventOf('MultichannelNumberAdded', { number, main, extraMonthlyFee }, context));
};

/**
 * Makes an МКН the main one (the default caller ID). Already main: nothing happens.
 * Errors: `UnknownMultichannelNumber`.
 */
export const decideSetMainMultichannelNumber: DecideFn<'SetMainMultichannelNumber'> = (
  command,
  state,
  context,
) => {
  const { number } = command.data;
  if (!isMultichannelNumber(state, number)) {
    return reject('UnknownMultichannelNumber', `${number} is not a multichannel number of the account`, {
      field: 'data.number',
      number,
    });
  }
  const previous = state.numbers.mainMultichannel;
  if (previous === number) return accept();
  return accept(eventOf('MainMultichannelNumberSet', { number, previous }, context));
};
