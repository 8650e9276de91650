/**
 * `npm run bench [name…]`: runs every `bench/*.bench.ts` (or those named) and prints each line
 * with its ratio to the in-run reference. `BENCH_SCALE=0.1` runs a tenth of the workload.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchLine, type Benchmark, showSpread } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
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

let missed = 0;
for (const file of files) {
  const bench = (await import(pathToFileURL(join(here, file)).href)).default as Benchmark;
  console.log(`\n${bench.name}${scale < 1 ? ` (scale ${scale})` : ''}`);
  for (const line of await bench.run(scale)) {
    print(line);
    if (line.ok === false) missed++;
  }
}
console.log(`\n${files.length} benchmark file(s), ${missed} goal(s) not met`);
