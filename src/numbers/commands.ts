/**
 * Commands of multichannel numbers, user numbers and their options.
 * @module
 */
import * as t from 'io-ts';
import { Department, Id, LIMITS, MelodyName, Name, strictType } from '../kernel/codecs.js';
import { withJsonSchema } from '../kernel/json-schema.js';
import { NumberKindCodec, NumberOptionCodec, ShortNumberCodec } from './events.js';
import { PhoneNumber } from './phone-number.js';

const NumberList = t.array(PhoneNumber);

/**
 * 1 to 10 000 numbers (the header checkbox of the PBX's table turns an option on for many).
 * An `ArrayType`, so an error inside names its index: `data.numbers[2]`.
 */
const MAX_NUMBERS = LIMITS.numbersPerCommand;
const Numbers = withJsonSchema(
  new t.ArrayType<typeof PhoneNumber, string[], string[], unknown>(
    `a list of 1 to ${MAX_NUMBERS} phone numbers`,
    (u): u is string[] =>
      Array.isArray(u) && u.length > 0 && u.length <= MAX_NUMBERS && u.every((x) => PhoneNumber.is(x)),
    (u, c) => {
      if (!Array.isArray(u) || u.length === 0 || u.length > MAX_NUMBERS) return t.failure(u, c);
      return NumberList.validate(u, c);
    },
    t.identity,
    PhoneNumber,
  ),
  { minItems: 1, maxItems: MAX_NUMBERS },
);

/** Command payload codecs of this capability, by command type. */
export const numbersCommands = {
  /** Adds an МКН to the account. */
  AddMultichannelNumber: strictType({ number: PhoneNumber }),
  /** Makes an МКН of the account the main one. */
  SetMainMultichannelNumber: strictType({ number: PhoneNumber }),
  /** Removes an МКН that is neither the main one nor the last one; its fee stops that day. */
  RemoveMultichannelNumber: strictType({ number: PhoneNumber }),
  /** Adds a user number (an employee's, or an external `added` one). */
  AddNumber: strictType({
    number: PhoneNumber,
    kind: NumberKindCodec,
    fullName: Name,
    department: Department,
  }),
  /** Removes a user number, freeing its short number. */
  RemoveNumber: strictType({ number: PhoneNumber }),
  /**
   * Turns an option on for one or many numbers, atomically: refused as a whole, listing every
   * ineligible number, unless `skipIneligible` (then the event names those skipped).
   */
  EnableNumberOption: strictType(
    { option: NumberOptionCodec, numbers: Numbers },
    { skipIneligible: t.boolean },
  ),
  /** Turns an option off for one or many numbers, atomically (as `EnableNumberOption`). */
  DisableNumberOption: strictType(
    { option: NumberOptionCodec, numbers: Numbers },
    { skipIneligible: t.boolean },
  ),
  /** Chooses which МКН a number with caller ID shows. */
  SetCallerIdNumber: strictType({ number: PhoneNumber, multichannelNumber: PhoneNumber }),
  /** Gives a number with the short-number option a 4-digit short number, unique in the account. */
  AssignShortNumber: strictType({ number: PhoneNumber, shortNumber: ShortNumberCodec }),
  /** Registers an uploaded melody. */
  UploadMelody: strictType({ melodyId: Id, name: MelodyName }),
  /** Chooses the melody of a number with the melody option. */
  SetNumberMelody: strictType({ number: PhoneNumber, melodyId: Id }),
};
