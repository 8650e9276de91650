/**
 * Looking up the account's numbers: a user number "found by full phone number" in any common
 * spelling (`8 (912) 345-67-89`, `+7 912 345 67 89`, `89123456789`), and the account's МКН.
 * @module
 */
import type { AccountState } from '../account/state.js';
import { type E164, normalisePhoneNumber } from './phone-number.js';
import type { NumberOption } from './state.js';

/** A user number as the read-only account state holds it. */
export type UserNumberView = AccountState['numbers']['users'][E164];

/** The user number `number` (already E.164), or `undefined`. */
export const userNumberOf = (state: AccountState, number: E164): UserNumberView | undefined =>
  Object.hasOwn(state.numbers.users, number) ? state.numbers.users[number] : undefined;

/**
 * Finds a user number by any spelling of its full phone number: the input is normalised to
 * E.164 first. `undefined` when it cannot be normalised or the account has no such number.
 */
export const findNumber = (state: AccountState, anySpelling: string): UserNumberView | undefined => {
  const number = normalisePhoneNumber(anySpelling.trim());
  return number === undefined ? undefined : userNumberOf(state, number);
};

/** Whether `number` is one of the account's multichannel numbers (МКН). */
export const isMultichannelNumber = (state: AccountState, number: E164): boolean =>
  state.numbers.multichannel.includes(number);

/** Which options of a user number are on, in the column order of the PBX's table. */
export const optionsOn = (user: UserNumberView): NumberOption[] => {
  const on: NumberOption[] = [];
  if (user.callerId !== null) on.push('callerId');
  if (user.recording !== null) on.push('recording');
  if (user.shortNumber !== null) on.push('shortNumber');
  if (user.melody !== null) on.push('melody');
  return on;
};
