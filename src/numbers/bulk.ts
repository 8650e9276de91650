/**
 * What bulk option changes share: the PBX's table has a checkbox in each option's column
 * header, so one command turns an option on or off for many numbers, atomically.
 * @module
 */
import { type Decision, reject } from '../account/decision.js';
import type { E164 } from './phone-number.js';
import type { IneligibleNumber, IneligibleReason, NumberOption } from './state.js';

export type { IneligibleNumber, IneligibleReason };

/** `DuplicateNumbers` if a number is listed twice (after normalisation), else `undefined`. */
export const refuseDuplicates = (numbers: readonly E164[]): Decision | undefined => {
  const seen = new Set<E164>();
  const duplicates = new Set<E164>();
  for (const number of numbers) {
    if (seen.has(number)) duplicates.add(number);
    else seen.add(number);
  }
  if (duplicates.size === 0) return undefined;
  const listed = [...duplicates];
  return reject('DuplicateNumbers', `numbers listed more than once: ${listed.join(', ')}`, {
    field: 'data.numbers',
    numbers: listed,
  });
};

/** Numbers split by a rule into those that take the change and those left out. */
export interface Split {
  eligible: E164[];
  skipped: IneligibleNumber[];
}

/** Splits `numbers` by `reasonOf` (`undefined`: eligible), keeping their order. */
export const splitEligible = (
  numbers: readonly E164[],
  reasonOf: (number: E164) => IneligibleReason | undefined,
): Split => {
  const eligible: E164[] = [];
  const skipped: IneligibleNumber[] = [];
  for (const number of numbers) {
    const reason = reasonOf(number);
    if (reason === undefined) eligible.push(number);
    else skipped.push({ number, reason });
  }
  return { eligible, skipped };
};

const SHOWN = 5;

/**
 * `IneligibleNumbers` listing every ineligible number when the command must be refused as a
 * whole: some are ineligible and it does not ask to skip them, or none is eligible at all.
 */
export const refuseIneligible = (
  option: NumberOption,
  verb: 'enabled' | 'disabled',
  split: Split,
  skipIneligible: boolean,
): Decision | undefined => {
  if (split.skipped.length === 0 || (skipIneligible && split.eligible.length > 0)) return undefined;
  const shown = split.skipped
    .slice(0, SHOWN)
    .map((s) => `${s.number} (${s.reason})`)
    .join(', ');
  const more = split.skipped.length > SHOWN ? ` and ${split.skipped.length - SHOWN} more` : '';
  const why = split.eligible.length === 0 ? 'no number is eligible' : 'some numbers are not eligible';
  return reject('IneligibleNumbers', `${option} cannot be ${verb}: ${why}: ${shown}${more}`, {
    field: 'data.numbers',
    option,
    numbers: split.skipped,
  });
};
