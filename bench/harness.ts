/**
 * Benchmark harness. Every benchmark reports its figures as a ratio to a plain hand-written
 * reference measured in the same run, so results compare across machines.
 *
 * A benchmark file is `bench/<name>.bench.ts` and default-exports a {@link Benchmark}.
 */
import { performance } from 'node:perf_hooks';

/** One measured line. */
export interface BenchLine {
  readonly name: string;
  /** What was measured, human readable (e.g. `1 000 000 events in 812 ms = 1.23 M/s`). */
  readonly detail: string;
  /** ratio to the reference; see `goal`. */
  readonly ratio?: number;
  /** The target, e.g. `≥ 0.5` or `≤ 3`. */
  readonly goal?: string;
  /** Whether the goal was met (undefined when there is no goal). */
  readonly ok?: boolean;
}

/** A benchmark. `scale` (0 < scale ≤ 1) shrinks the workload for a quick run (`BENCH_SCALE`). */
export interface Benchmark {
  readonly name: string;
  run(scale: number): Promise<readonly BenchLine[]> | readonly BenchLine[];
}

/** Milliseconds `fn` takes (best of `repeat` runs, after one warm-up when `warm`). */
export const timeIt = (fn: () => void, repeat = 3, warm = true): number => {
  if (warm) fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
};

/** Async version of {@link timeIt}. */
export const timeItAsync = async (fn: () => Promise<void>, repeat = 3, warm = true): Promise<number> => {
  if (warm) await fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
};

/** `1 234 567` → `1.23 M`. */
export const human = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(1);

/** A line with a ratio checked against a goal. */
export const ratioLine = (
  name: string,
  detail: string,
  ratio: number,
  goal: { readonly atLeast?: number; readonly atMost?: number },
): BenchLine => {
  const ok =
    (goal.atLeast === undefined || ratio >= goal.atLeast) &&
    (goal.atMost === undefined || ratio <= goal.atMost);
  const text = goal.atLeast !== undefined ? `≥ ${goal.atLeast}` : `≤ ${goal.atMost}`;
  return { name, detail, ratio, goal: text, ok };
};
