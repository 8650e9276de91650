/**
 * Settings of an option that is on: `SetCallerIdNumber`, `AssignShortNumber`, `SetNumberMelody`.
 * @module
 */
import { accept, type DecideFn, type Decision, eventOf, reject } from '../account/decision.js';
import type { AccountState } from '../account/state.js';
import { isMultichannelNumber, type UserNumberView, userNumberOf } from './find.js';
import type { E164 } from './phone-number.js';
import type { NumberOption } from './state.js';

/** The user number with `option` on, or the refusal (`UnknownNumber`, `OptionNotEnabled`). */
const withOptionOn = (state: AccountState, number: E164, option: NumberOption): UserNumberView | Decision => {
  const user = userNumberOf(state, number);
  if (user === undefined) {
    return reject('UnknownNumber', `${number} is not a number of the account`, {
      field: 'data.number',
      number,
    });
  }
  if (user[option] === null) {
    return reject('OptionNotEnabled', `${option} is not enabled for ${number}`, {
      field: 'data.number',
      number,
      option,
    });
  }
  return user;
};

const isDecision = (value: UserNumberView | Decision): value is Decision => '_tag' in value;

/**
 * Chooses the МКН a number shows as its caller ID (the same one again: nothing happens).
 * Errors: `UnknownNumber`, `OptionNotEnabled`, `UnknownMultichannelNumber`.
 */
export const decideSetCallerIdNumber: DecideFn<'SetCallerIdNumber'> = (command, state, context) => {
  const { number, multichannelNumber } = command.data;
  const user = withOptionOn(state, number, 'callerId');
  if (isDecision(user)) return user;
  if (!isMultichannelNumber(state, multichannelNumber)) {
    return reject(
      'UnknownMultichannelNumber',
      `${multichannelNumber} is not a multichannel number of the account`,
      {
        field: 'data.multichannelNumber',
        number: multichannelNumber,
      },
    );
  }
  if (user.callerId?.multichannelNumber === multichannelNumber) return accept();
  return accept(eventOf('CallerIdNumberSet', { number, multichannelNumber }, context));
};

/**
 * Gives a number its 4-digit short number, unique in the account; a previous one is freed
 * (the same one again: nothing happens). Errors: `UnknownNumber`, `OptionNotEnabled`,
 * `ShortNumberTaken` (naming the holder).
 */
export const decideAssignShortNumber: DecideFn<'AssignShortNumber'> = (command, state, context) => {
  const { number, shortNumber } = command.data;
  const user = withOptionOn(state, number, 'shortNumber');
  if (isDecision(user)) return user;
  const previous = user.shortNumber?.code ?? null;
  if (previous === shortNumber) return accept();
  const shortNumbers = state.numbers.shortNumbers;
  const holder = Object.hasOwn(shortNumbers, shortNumber) ? shortNumbers[shortNumber] : undefined;
  if (holder !== undefined) {
    return reject('ShortNumberTaken', `short number ${shortNumber} belongs to ${holder}`, {
      field: 'data.shortNumber',
      shortNumber,
      holder,
    });
  }
  return accept(eventOf('ShortNumberAssigned', { number, shortNumber, previous }, context));
};

/**
 * Chooses the melody played to a number's callers (the same one again: nothing happens).
 * Errors: `UnknownNumber`, `OptionNotEnabled`, `UnknownMelody`.
 */
export const decideSetNumberMelody: DecideFn<'SetNumberMelody'> = (command, state, context) => {
  const { number, melodyId } = command.data;
  const user = withOptionOn(state, number, 'melody');
  if (isDecision(user)) return user;
  if (!Object.hasOwn(state.numbers.melodies, melodyId)) {
    return reject('UnknownMelody', `no melody ${melodyId} was uploaded`, {
      field: 'data.melodyId',
      melodyId,
    });
  }
  if (user.melody?.melodyId === melodyId) return accept();
  return accept(eventOf('NumberMelodySet', { number, melodyId }, context));
};

/** Registers an uploaded melody. Errors: `MelodyExists`. */
export const decideUploadMelody: DecideFn<'UploadMelody'> = (command, state, context) => {
  const { melodyId, name } = command.data;
  if (Object.hasOwn(state.numbers.melodies, melodyId)) {
    return reject('MelodyExists', `melody ${melodyId} is already uploaded`, {
      field: 'data.melodyId',
      melodyId,
    });
  }
  return accept(eventOf('MelodyUploaded', { melodyId, name }, context));
};
