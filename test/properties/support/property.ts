/**
 * One property over random command sequences: runs its share of the sequences through the
 * runner, then checks that the generator reached what it is meant to reach (each command type
 * of the profile accepted at least once, and the events named), so that a generator that
 * stopped exercising the domain fails instead of passing vacuously.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Catalogue } from '../../../src/catalogue/catalogue.js';
import { emptyStats, runSteps, type Stats } from './runner.js';
import { isNightly, parametersFor } from './runs.js';
import { type Opening, type Profile, sequenceOf } from './steps.js';

/** Opening instants: a month end, the night of a DST change in Europe, a leap day. */
export const openingInstant = fc
  .constantFrom(
    '2025-01-31T06:00:00Z',
    '2025-03-29T21:30:00Z',
    '2024-02-29T12:00:00Z',
    '2025-10-25T23:59:59Z',
  )
  .map(Date.parse);

/**
 * Runs the property for `profile` (after the `opening`, with the `catalogue`'s prices) with
 * `share` of the default 10 000 sequences; returns the counts.
 */
export const checkSequences = (
  profile: Profile,
  share: number,
  opening: Opening = {},
  catalogue?: Catalogue,
): Stats => {
  const stats = emptyStats();
  fc.assert(
    fc.property(openingInstant, sequenceOf(profile, opening), (startMs, steps) => {
      runSteps(steps, startMs, catalogue === undefined ? { stats } : { stats, catalogue });
    }),
    parametersFor(share),
  );
  if (process.env.PBX_PROPERTY_STATS !== undefined) console.log(JSON.stringify(stats, null, 1));
  return stats;
};

/** The generator reached every command type of `profile` and produced every event named. */
export const expectReached = (stats: Stats, profile: Profile, events: readonly string[]): void => {
  // A nightly run may be sized below the default; reach is only meaningful at full size.
  if (isNightly() && stats.sequences < 1000) return;
  const notAccepted = Object.keys(profile).filter((type) => (stats.accepted[type] ?? 0) === 0);
  expect(notAccepted).toEqual([]);
  const notSeen = events.filter((type) => (stats.events[type] ?? 0) === 0);
  expect(notSeen).toEqual([]);
};
