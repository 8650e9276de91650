/**
 * What the CLI may ask of its process, passed in so every command runs in-process in tests:
 * the output streams, standard input, whether standard error is a terminal, a clock for
 * progress and `--stats`, and the package's version.
 * @module
 */

/** Where the CLI writes, and what it may ask of the process. */
export interface CliIo {
  /** Standard output: the read models (text or one JSON document), or the exported log. */
  readonly out: (text: string) => void;
  /** Resolves when standard output can take more (an export waits for it after each page). */
  readonly drain?: () => Promise<void>;
  /** Standard error: bad lines, warnings, the summary, progress and stats. */
  readonly err: (text: string) => void;
  /** Standard input, read for the file `-`. */
  readonly stdin?: AsyncIterable<Uint8Array>;
  /** Show progress (standard error is a terminal). */
  readonly progress: boolean;
  /** Milliseconds, for progress and the elapsed time in `--stats`. */
  readonly now: () => number;
  /** Resident set size in bytes, sampled for the peak in `--stats`. */
  readonly rss: () => number;
  /** The package's version, for `--version`. */
  readonly version?: string;
}

/**
 * Exit codes: `ok` nothing to report; `problems` done or stopped with problems in the data
 * (bad lines, gaps, warnings, a store that failed mid-way); `usage` nothing done (a wrong
 * command line, or an input that could not be opened).
 */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** `pbx-options: <message>` on standard error. */
export const complain = (io: CliIo, message: string): void => io.err(`pbx-options: ${message}\n`);
