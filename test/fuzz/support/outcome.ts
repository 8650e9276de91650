/**
 * What every decoder must do with any input: return (never throw), and either a clean value or
 * a small `ValidationError` whose every issue names a non-empty path, without touching a
 * built-in. A clean value shares no object with the input and inherits from nothing but the
 * standard prototypes; a small error holds excerpts of the input, never the input itself.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { ValidationError } from '../../../src/kernel/errors.js';
import { freshObjectsPolluted } from './globals.js';

/** The most characters an error value may take as JSON, whatever the size of the input. */
export const MAX_ERROR_JSON = 20_000;

/** Throws unless `error` is JSON-serialisable and at most {@link MAX_ERROR_JSON} characters. */
export const expectSmallError = (error: unknown): void => {
  let json: string;
  try {
    json = JSON.stringify(error) ?? '';
  } catch (cause) {
    throw new Error(`an error value that is not JSON: ${String(cause)}`);
  }
  if (json.length > MAX_ERROR_JSON) throw new Error(`an error value of ${json.length} characters as JSON`);
};

/** The objects reachable from `value` (plain ones and arrays, down to `depth`). */
const objectsIn = (value: unknown, into: Set<object>, depth = 0): Set<object> => {
  if (typeof value !== 'object' || value === null || depth > 64 || into.has(value)) return into;
  into.add(value);
  for (const key of Object.keys(value)) objectsIn((value as Record<string, unknown>)[key], into, depth + 1);
  return into;
};

/** The path of the first object in `value` whose prototype is not a standard one (or none), or `undefined`. */
export const strangePrototype = (value: unknown, path = '$', depth = 0): string | undefined => {
  if (typeof value !== 'object' || value === null || depth > 64) return undefined;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return path;
  for (const key of Object.keys(value)) {
    const found = strangePrototype((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
};

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
 * Runs `decode` on `input` (frozen all the way down) and checks the outcome; returns the value
 * when it decoded. Throws (for fast-check to report) when the decoder threw, when a refusal
 * names no path or is large, when a decoded value shares an object with the input or has a
 * foreign prototype, or when a fresh object sees a polluted prototype afterwards.
 */
export const checkDecoding = <A>(
  decode: (input: unknown) => Either<ValidationError, A>,
  input: unknown,
  counts: FuzzCounts,
): A | undefined => {
  counts.inputs++;
  freezeInput(input);
  const result = decode(input);
  const polluted = freshObjectsPolluted();
  if (polluted.length > 0) throw new Error(`decoding polluted the built-ins: ${polluted.join(', ')}`);
  if (isLeft(result)) {
    counts.refused++;
    const { issues, message } = result.left;
    if (result.left._tag !== 'ValidationError')
      throw new Error(`a refusal tagged ${String(result.left._tag)}`);
    if (issues.length === 0) throw new Error('a refusal without issues');
    expectSmallError(result.left);
    for (const issue of issues) {
      if (typeof issue.path !== 'string' || issue.path.length === 0)
        throw new Error('an issue without a path');
      if (typeof issue.message !== 'string' || !issue.message.startsWith(issue.path))
        throw new Error(`an issue whose message does not name its path: ${issue.message}`);
    }
    if (typeof message !== 'string' || message.length === 0) throw new Error('a refusal without a message');
    return undefined;
  }
  counts.accepted++;
  const strange = strangePrototype(result.right);
  if (strange !== undefined) throw new Error(`a decoded value with a foreign prototype at ${strange}`);
  const inputs = objectsIn(input, new Set());
  for (const object of objectsIn(result.right, new Set()))
    if (inputs.has(object)) throw new Error('a decoded value shares an object with its input');
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
