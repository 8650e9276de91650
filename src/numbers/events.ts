/**
 * Events of multichannel numbers, user numbers and their options.
 * @module
 */
import * as t from 'io-ts';
import { Code, Department, Id, MelodyName, Name, NonNegativeInt, PositiveInt } from '../kernel/codecs.js';
import { withJsonSchema } from '../kernel/json-schema.js';
import { PhoneNumber } from './phone-number.js';

/** `regular` | `added`. */
export const NumberKindCodec = t.keyof({ regular: null, added: null }, 'NumberKind');
/** `callerId` | `shortNumber` | `recording` | `melody`. */
export const NumberOptionCodec = t.keyof(
  { callerId: null, shortNumber: null, recording: null, melody: null },
  'NumberOption',
);
/** Exactly four digits. */
export const ShortNumberCodec = withJsonSchema(
  new t.Type<string, string, unknown>(
    'a short number of exactly 4 digits',
    (u): u is string => typeof u === 'string' && /^\d{4}$/.test(u),
    (u, c) => (typeof u === 'string' && /^\d{4}$/.test(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
  ),
  { type: 'string', pattern: '^[0-9]{4}$' },
);

/** A number left out of a bulk option change, and why. */
export const SkippedNumber = t.type({ number: PhoneNumber, reason: Code }, 'SkippedNumber');

/** Event payload codecs of this capability, by event type. */
export const numbersEvents = {
  /** An МКН was added; the first one becomes the main one. `extraMonthlyFee`: price in effect beyond the included count. */
  MultichannelNumberAdded: t.type({ number: PhoneNumber, main: t.boolean, extraMonthlyFee: NonNegativeInt }),
  /** The main МКН changed. */
  MainMultichannelNumberSet: t.type({ number: PhoneNumber, previous: t.union([PhoneNumber, t.null]) }),
  /** A user number was added. */
  NumberAdded: t.type({
    number: PhoneNumber,
    kind: NumberKindCodec,
    fullName: Name,
    department: Department,
  }),
  /** A user number was removed with the options it had; its short number is free again. */
  NumberRemoved: t.type({
    number: PhoneNumber,
    options: t.array(NumberOptionCodec),
    freedShortNumber: t.union([ShortNumberCodec, t.null]),
  }),
  /** An option was turned on for these numbers (one command, atomic); `skipped` were ineligible. */
  NumberOptionEnabled: t.type({
    option: NumberOptionCodec,
    numbers: t.array(PhoneNumber),
    skipped: t.array(SkippedNumber),
    monthlyFee: NonNegativeInt,
    /** For `callerId`: the МКН substituted by default (the main one), `null` otherwise. */
    callerIdNumber: t.union([PhoneNumber, t.null]),
  }),
  /** An option was turned off for these numbers; short numbers they had are free again. */
  NumberOptionDisabled: t.type({
    option: NumberOptionCodec,
    numbers: t.array(PhoneNumber),
    skipped: t.array(SkippedNumber),
    freedShortNumbers: t.array(ShortNumberCodec),
  }),
  /** The МКН a number shows as its caller ID. */
  CallerIdNumberSet: t.type({ number: PhoneNumber, multichannelNumber: PhoneNumber }),
  /** A short number was given to a number (replacing `previous`). */
  ShortNumberAssigned: t.type({
    number: PhoneNumber,
    shortNumber: ShortNumberCodec,
    previous: t.union([ShortNumberCodec, t.null]),
  }),
  /** A melody was uploaded. */
  MelodyUploaded: t.type({ melodyId: Id, name: MelodyName }),
  /** A number plays this melody to its callers. */
  NumberMelodySet: t.type({ number: PhoneNumber, melodyId: Id }),
  /**
   * An МКН was removed. `callerIdNumbers`: the user numbers that showed it as caller ID and now
   * show `fallback`, the main МКН. `multichannelNumbers`: how many МКН the account has after it
   * (the extra ones beyond the tariff's included count are charged; this one's fee stops the day
   * it is removed). Callback windows opened through it close in the same decision
   * (`SmartCallbackWindowClosed`).
   */
  MultichannelNumberRemoved: t.type({
    number: PhoneNumber,
    fallback: PhoneNumber,
    callerIdNumbers: t.array(PhoneNumber),
    multichannelNumbers: PositiveInt,
  }),
};
