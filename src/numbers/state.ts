/**
 * Multichannel numbers (МКН), user numbers and their options: the part of the state they own.
 * @module
 */
import type { E164 } from './phone-number.js';

/** `regular`: an employee's number; `added`: an external number added to the PBX. */
export type NumberKind = 'regular' | 'added';

/** The four per-number options. */
export type NumberOption = 'callerId' | 'shortNumber' | 'recording' | 'melody';

/** Every per-number option, in the column order of the PBX's table. */
export const NUMBER_OPTIONS: readonly NumberOption[] = ['callerId', 'recording', 'shortNumber', 'melody'];

/** Why a number cannot take part in a bulk option change. */
export type IneligibleReason =
  | 'unknown-number'
  | 'added-number'
  | 'already-enabled'
  | 'already-disabled'
  | 'no-multichannel-number';

/** A number left out of a bulk option change, and why (the shape of the events' `skipped`). */
export interface IneligibleNumber {
  number: E164;
  reason: IneligibleReason;
}

/** An option that is on, with the monthly price in effect when it was turned on. */
export interface OptionOn {
  monthlyFee: number;
}

/** A PBX user number. Options are `null` when off. */
export interface UserNumber {
  number: E164;
  kind: NumberKind;
  fullName: string;
  department: string;
  /** АОН: outgoing calls show this МКН (`null`: the account has none yet). */
  callerId: (OptionOn & { multichannelNumber: E164 | null }) | null;
  /** Short number: `code` is 4 digits once assigned. */
  shortNumber: (OptionOn & { code: string | null }) | null;
  recording: OptionOn | null;
  /** Melody played to callers: `melodyId` once chosen. */
  melody: (OptionOn & { melodyId: string | null }) | null;
}

/** An uploaded melody. */
export interface Melody {
  name: string;
  uploadedAt: string;
}

/** Numbers of the account. */
export interface NumbersSlice {
  /** МКН in the order they were added. */
  multichannel: E164[];
  /** The account's main МКН (the default caller ID). */
  mainMultichannel: E164 | null;
  /** Unit price of an МКН beyond the tariff's included ones, as in effect when last added. */
  extraMultichannelFee: number;
  /** User numbers by E.164. */
  users: Record<E164, UserNumber>;
  /** Short number → the user number that has it. */
  shortNumbers: Record<string, E164>;
  /** Melodies by id. */
  melodies: Record<string, Melody>;
}

/** Empty numbers. */
export const initialNumbersSlice = (): NumbersSlice => ({
  multichannel: [],
  mainMultichannel: null,
  extraMultichannelFee: 0,
  users: {},
  shortNumbers: {},
  melodies: {},
});
