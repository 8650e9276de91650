/**
 * A small seeded pseudo-random generator (mulberry32) for the demo: the same seed gives the same
 * month of calls on every machine. Integer arithmetic only — no `Math.random`, no `Math.log` —
 * so the sequence does not depend on the platform's floating-point library.
 * @module
 */

/** A seeded source of pseudo-random integers. */
export interface Prng {
  /** The next 32-bit unsigned integer. */
  next(): number;
  /** An integer in `[0, n)`; `n` at most 2^21 so the product stays exact. */
  int(n: number): number;
  /** An integer in `[min, max]`. */
  between(min: number, max: number): number;
  /** `true` with probability `perMille / 1000`. */
  chance(perMille: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A number in `[0, 1)` (for benchmarks and tests that want a fraction). */
  fraction(): number;
}

/** Creates a {@link Prng} from a 32-bit seed. */
export const createPrng = (seed: number): Prng => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  };
  const int = (n: number): number => Math.floor((next() * n) / 4_294_967_296);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (perMille) => int(1000) < perMille,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    fraction: () => next() / 4_294_967_296,
  };
};
