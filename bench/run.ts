/**
 * `npm run bench [name…]`: runs every `bench/*.bench.ts` (or those named) and prints each line
 * with its ratio to the in-run reference. `BENCH_SCALE=0.1` runs a tenth of the workload.
 * Each file runs in a process of its own: V8 keeps what it learnt of a function's arguments for
 * the life of the process, so one benchmark's updates through immer drafts would slow the next
 * one's folds on plain objects (by a third, measured) and its figures would depend on the order.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchLine, type Benchmark, showSpread } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
// A child runs the one file named after this flag; its exit code is the goals it missed, or
// FAILED when it could not run.
const ONE = '--one';
const FAILED = 99;
const wanted = process.argv[2] === ONE ? [] : process.argv.slice(2);
const scale = Math.min(1, Math.max(0.001, Number(process.env.BENCH_SCALE ?? '1') || 1));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const print = (line: BenchLine) => {
  const ratio =
    line.spread !== undefined
      ? `  ${line.unit ?? 'ratio'} ${showSpread(line.spread)}`
      : line.ratio === undefined
        ? ''
        : `  ratio ${line.ratio.toFixed(3)}`;
  const goal = line.goal === undefined ? '' : ` (goal ${line.goal}: ${line.ok ? 'met' : 'NOT MET'})`;
  console.log(`  ${line.name}: ${line.detail}${ratio}${goal}`);
};

if (process.argv[2] === ONE) {
  const file = process.argv[3] as string;
  let missed = 0;
  try {
    const bench = (await import(pathToFileURL(join(here, file)).href)).default as Benchmark;
    console.log(`\n${bench.name}${scale < 1 ? ` (scale ${scale})` : ''}`);
    for (const line of await bench.run(scale)) {
      print(line);
      if (line.ok === false) missed++;
    }
  } catch (cause) {
    console.error(cause);
    process.exit(FAILED);
  }
  process.exit(missed);
}

let missed = 0;
for (const file of files) {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), ONE, file],
    {
      stdio: 'inherit',
    },
  );
  if (child.status === null) throw new Error(`bench ${file} ended by ${child.signal}`);
  if (child.status === FAILED) throw new Error(`bench ${file} failed`);
  missed += child.status;
}
console.log(`\n${files.length} benchmark file(s), ${missed} goal(s) not met`);
