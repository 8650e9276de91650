/**
 * How many sequences a property runs: its share of the 10 000 per `npm test`, or of
 * `PBX_PROPERTY_RUNS` for a nightly-size (or, under mutation testing, a small) run.
 * `PBX_PROPERTY_SEED` (and `PBX_PROPERTY_PATH`) replay a failure fast-check printed;
 * `PBX_PROPERTY_NO_SHRINK` stops at the first failure without shrinking it.
 */
import type fc from 'fast-check';

/** Sequences per `npm test`, over every property file together. */
export const DEFAULT_TOTAL_RUNS = 10_000;

const total = (): number => {
  const raw = process.env.PBX_PROPERTY_RUNS;
  const parsed = raw === undefined ? Number.NaN : Number(raw);
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : DEFAULT_TOTAL_RUNS;
};

/** Whether this is a run sized by `PBX_PROPERTY_RUNS`. */
export const isNightly = (): boolean => total() !== DEFAULT_TOTAL_RUNS;

/** fast-check parameters for a property whose share of the default total is `share` runs. */
export const parametersFor = (share: number): fc.Parameters<unknown> => {
  const numRuns = Math.max(1, Math.round((share * total()) / DEFAULT_TOTAL_RUNS));
  const seed = process.env.PBX_PROPERTY_SEED;
  const path = process.env.PBX_PROPERTY_PATH;
  return {
    numRuns,
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(path === undefined ? {} : { path }),
    // Mutation runs only need to know that a property fails, not its shortest counterexample.
    endOnFailure: path !== undefined || process.env.PBX_PROPERTY_NO_SHRINK !== undefined,
  };
};

/** Vitest timeout of a property test: generous by default, none for a nightly-size run. */
export const timeoutFor = (): number => (isNightly() ? 0 : 120_000);
