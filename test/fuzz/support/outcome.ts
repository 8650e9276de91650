/**
 * What every decoder must do with any input: return (never throw), and either a value or a
 * `ValidationError` whose every issue names a non-empty path, without touching a built-in.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { ValidationError } from '../../../src/kernel/errors.js';
import { freshObjectsPolluted } from './globals.js';
import { hasOwnKey, hit, holdsArrayWithConstructor, holdsProtoKey, KNOWN_ISSUES } from './known-issues.js';

/** Counts of what a fuzz run saw. */
export interface FuzzCounts {
  inputs: number;
  refused: number;
  accepted: number;
}

/** Empty counts. */
export const emptyCounts = (): FuzzCounts => ({ inputs: 0, refused: 0, accepted: 0 });

/** Freezes plain objects and arrays all the way down, so that a decoder writing to its input throws. */
export const freezeInput = (value: unknown, depth = 0): void => {
  if (typeof value !== 'object' || value === null || depth > 400 || Object.isFrozen(value)) return;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) freezeInput((value as Record<string, unknown>)[key], depth + 1);
};

/**
 * Runs `decode` on `input` and checks the outcome; returns the value when it decoded. Throws (for
 * fast-check to report) when the decoder threw, when a refusal names no path, or when a fresh
 * object sees a polluted prototype afterwards.
 */
export const checkDecoding = <A>(
  decode: (input: unknown) => Either<ValidationError, A>,
  input: unknown,
  counts: FuzzCounts,
): A | undefined => {
  counts.inputs++;
  if (holdsProtoKey(input)) hit(KNOWN_ISSUES.frozenProtoKey);
  else freezeInput(input);
  let result: Either<ValidationError, A>;
  try {
    result = decode(input);
  } catch (error) {
    const species = error instanceof TypeError && error.message.includes('Symbol.species');
    if (!species || !holdsArrayWithConstructor(input)) throw error;
    hit(KNOWN_ISSUES.arraySpecies);
    return undefined;
  }
  const polluted = freshObjectsPolluted();
  if (polluted.length > 0) throw new Error(`decoding polluted the built-ins: ${polluted.join(', ')}`);
  if (isLeft(result)) {
    counts.refused++;
    const { issues, message } = result.left;
    if (result.left._tag !== 'ValidationError')
      throw new Error(`a refusal tagged ${String(result.left._tag)}`);
    if (issues.length === 0) throw new Error('a refusal without issues');
    for (const issue of issues) {
      if (issue.path === '' && hasOwnKey(input, '')) {
        hit(KNOWN_ISSUES.emptyKeyPath);
        continue;
      }
      if (typeof issue.path !== 'string' || issue.path.length === 0)
        throw new Error('an issue without a path');
      if (typeof issue.message !== 'string' || !issue.message.startsWith(issue.path))
        throw new Error(`an issue whose message does not name its path: ${issue.message}`);
    }
    if (typeof message !== 'string' || message.length === 0) throw new Error('a refusal without a message');
    return undefined;
  }
  counts.accepted++;
  return result.right;
};

/** `PBX_FUZZ_SCALE` (e.g. `0.02` under mutation testing) scales every fuzz run; default 1. */
const scale = (): number => {
  const parsed = Number(process.env.PBX_FUZZ_SCALE ?? '1');
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 1;
};

/** `count` inputs at the current scale (at least 1). */
export const scaled = (count: number): number => Math.max(1, Math.round(count * scale()));

/**
 * fast-check parameters of a fuzz property of `numRuns` inputs (scaled): `PBX_PROPERTY_SEED` /
 * `PBX_PROPERTY_PATH` replay a failure.
 */
export const fuzzParameters = (numRuns: number) => {
  const seed = process.env.PBX_PROPERTY_SEED;
  const path = process.env.PBX_PROPERTY_PATH;
  return {
    numRuns: scaled(numRuns),
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(path === undefined ? {} : { path }),
    endOnFailure: path !== undefined || process.env.PBX_PROPERTY_NO_SHRINK !== undefined,
  };
};
