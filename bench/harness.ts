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
  /** When the ratio was taken round by round: its median (= `ratio`), smallest and largest. */
  readonly spread?: Spread;
  /** What `ratio` is when it is not a ratio (e.g. `ms` for a figure with an absolute goal). */
  readonly unit?: string;
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

/**
 * A line whose figure was taken per round: the median is checked against the goal (if any).
 * `unit` names the figure when it is not a ratio.
 */
export const spreadLine = (
  name: string,
  detail: string,
  samples: readonly number[],
  goal: { readonly atLeast?: number; readonly atMost?: number },
  unit?: string,
): BenchLine => {
  const spread = spreadOf(samples);
  const line: BenchLine =
    goal.atLeast === undefined && goal.atMost === undefined
      ? { name, detail, ratio: spread.median }
      : ratioLine(name, detail, spread.median, goal);
  return unit === undefined ? { ...line, spread } : { ...line, spread, unit };
};

/** CPU time of this process so far, ms (user + system, every thread: GC included). */
export const cpuNow = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/**
 * The garbage collector when node runs with `--expose-gc` (`npm run bench` does): collecting
 * before each timed side keeps one side's garbage out of the other's time.
 */
const gc = (globalThis as { gc?: () => void }).gc;

/** Collects garbage when it can (see {@link gc}). */
export const collect = (): void => gc?.();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Collects garbage, then waits until the process is idle: V8 finishes a collection (sweeping)
 * on helper threads after `gc()` returns, and CPU time counts every thread, so timing at once
 * would charge the next run with up to tens of milliseconds of the collection before it.
 */
export const settle = async (): Promise<void> => {
  collect();
  if (gc === undefined) return;
  for (let waited = 0; waited < 300; waited += 10) {
    const before = cpuNow();
    await pause(10);
    if (cpuNow() - before < 0.5) return;
  }
};

/** The median, smallest and largest of some samples. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** {@link Spread} of `samples` (not empty). */
export const spreadOf = (samples: readonly number[]): Spread => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
};

/** `0.84 (0.71–0.93)`. */
export const showSpread = (s: Spread, digits = 2): string =>
  `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

/**
 * Times two sides for `rounds` rounds in CPU ms, with a garbage collection before each run.
 * Within a round the sides run `repeats` times each, alternating (which one goes first
 * alternates too), and each side keeps its best run of the round: a burst of another process's
 * work on the shared cores lands on one run, not on the round. Returns each side's times,
 * round by round, so a ratio can be taken per round, both sides of a round having run on the
 * same machine in the same few seconds. (CPU time leaves out the time other processes hold the
 * cores, not the caches and memory bandwidth they share.)
 */
export const alternate = async (
  rounds: number,
  a: () => unknown,
  b: () => unknown,
  repeats = 1,
): Promise<{ readonly a: number[]; readonly b: number[] }> => {
  const times = { a: [] as number[], b: [] as number[] };
  const timed = async (side: () => unknown): Promise<number> => {
    await settle();
    const start = cpuNow();
    await side();
    return cpuNow() - start;
  };
  for (let round = 0; round < rounds; round++) {
    let bestA = Number.POSITIVE_INFINITY;
    let bestB = Number.POSITIVE_INFINITY;
    for (let run = 0; run < repeats; run++) {
      if ((round + run) % 2 === 0) {
        bestA = Math.min(bestA, await timed(a));
        bestB = Math.min(bestB, await timed(b));
      } else {
        bestB = Math.min(bestB, await timed(b));
        bestA = Math.min(bestA, await timed(a));
      }
    }
    times.a.push(bestA);
    times.b.push(bestB);
  }
  return times;
};

/** `reference[i] / measured[i]` per round. */
export const ratios = (reference: readonly number[], measured: readonly number[]): number[] =>
  reference.map((r, i) => r / measured[i]!);
