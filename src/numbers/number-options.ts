/**
 * `EnableNumberOption` / `DisableNumberOption`: an option on or off for many numbers at once.
 * @module
 */
import { left } from 'fp-ts/lib/Either.js';
import { accept, type DecideFn, eventOf } from '../account/decision.js';
import { subscriptionLapsed } from '../tariff/guards.js';
import { type IneligibleReason, refuseDuplicates, refuseIneligible, splitEligible } from './bulk.js';
import { userNumberOf } from './find.js';

/**
 * Turns an option on. Ineligible: `unknown-number`, `added-number` (an external number can have
 * neither caller ID nor recording), `already-enabled`, `no-multichannel-number` (caller ID needs
 * an МКН to show). Errors: `DuplicateNumbers`, `SubscriptionLapsed`, `IneligibleNumbers`.
 * Caller ID shows the main МКН; the event carries the option's price in effect.
 */
export const decideEnableNumberOption: DecideFn<'EnableNumberOption'> = (command, state, context) => {
  const { option, numbers } = command.data;
  const duplicates = refuseDuplicates(numbers);
  if (duplicates !== undefined) return duplicates;
  const lapsed = subscriptionLapsed(state, context);
  if (lapsed !== undefined) return left(lapsed);
  const main = state.numbers.mainMultichannel;
  const external = option === 'callerId' || option === 'recording';
  const split = splitEligible(numbers, (number): IneligibleReason | undefined => {
    const user = userNumberOf(state, number);
    if (user === undefined) return 'unknown-number';
    if (external && user.kind === 'added') return 'added-number';
    if (user[option] !== null) return 'already-enabled';
    if (option === 'callerId' && main === null) return 'no-multichannel-number';
    return undefined;
  });
  const refused = refuseIneligible(option, 'enabled', split, command.data.skipIneligible === true);
  if (refused !== undefined) return refused;
  return accept(
    eventOf(
      'NumberOptionEnabled',
      {
        option,
        numbers: split.eligible,
        skipped: split.skipped,
        monthlyFee: context.catalogue.numberOptions[option].monthlyFee,
        callerIdNumber: option === 'callerId' ? main : null,
      },
      context,
    ),
  );
};

/**
 * Turns an option off; short numbers of those numbers are free again. Ineligible:
 * `unknown-number`, `already-disabled`. Errors: `DuplicateNumbers`, `IneligibleNumbers`.
 */
export const decideDisableNumberOption: DecideFn<'DisableNumberOption'> = (command, state, context) => {
  const { option, numbers } = command.data;
  const duplicates = refuseDuplicates(numbers);
  if (duplicates !== undefined) return duplicates;
  const split = splitEligible(numbers, (number): IneligibleReason | undefined => {
    const user = userNumberOf(state, number);
    if (user === undefined) return 'unknown-number';
    return user[option] === null ? 'already-disabled' : undefined;
  });
  const refused = refuseIneligible(option, 'disabled', split, command.data.skipIneligible === true);
  if (refused !== undefined) return refused;
  const freedShortNumbers: string[] = [];
  if (option === 'shortNumber') {
    for (const number of split.eligible) {
      const code = userNumberOf(state, number)?.shortNumber?.code ?? null;
      if (code !== null) freedShortNumbers.push(code);
    }
  }
  return accept(
    eventOf(
      'NumberOptionDisabled',
      { option, numbers: split.eligible, skipped: split.skipped, freedShortNumbers },
      context,
    ),
  );
};
