/**
 * One-line reports of the CLI on standard error: a bad line (its number and every failing
 * path), a gap in a stream's versions, and `--stats`.
 * @module
 */
import type { BadLine } from './event-log.js';
import type { Gap } from './replay.js';

/** A problem met while replaying. */
export type Problem = { readonly bad: BadLine } | { readonly gap: Gap };

/** `line 17: data.sizeBytes: expected a positive integer, got -5` (issues joined by `; `). */
export const problemLine = (problem: Problem): string => {
  if ('bad' in problem) {
    return `line ${problem.bad.line}: ${problem.bad.issues.map((i) => i.message).join('; ')}`;
  }
  const { line, streamId, after, version } = problem.gap;
  const missing = version - after - 1;
  return `line ${line}: metadata.version: stream ${streamId} jumps from ${after} to ${version} (${missing} event${missing === 1 ? '' : 's'} missing)`;
};

/** What `--stats` reports. */
export interface RunStats {
  /** Lines read (or events exported). */
  readonly lines: number;
  /** Milliseconds from the start to the end. */
  readonly ms: number;
  /** Peak resident set size seen, bytes. */
  readonly peakRss: number;
}

/** `stats: 1000000 lines in 41.2 s (24271 lines/s), peak RSS 187.3 MB` (`unit`: what is counted). */
export const statsLine = (s: RunStats, unit = 'lines'): string => {
  const seconds = s.ms / 1000;
  const rate = seconds > 0 ? Math.round(s.lines / seconds) : s.lines;
  return `stats: ${s.lines} ${unit} in ${seconds.toFixed(1)} s (${rate} ${unit}/s), peak RSS ${(s.peakRss / 1_048_576).toFixed(1)} MB`;
};
