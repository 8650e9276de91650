/** A small generated event log on disk, and an in-memory CLI runner for the tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { generateLog } from '../../examples/generate-log.js';
import { type CliIo, runCli } from '../../src/cli/run.js';
import { packageVersion } from '../../src/cli/version.js';

/** The lines of a seeded log of `events` events (the demo's account, then calls with renewals). */
export const logLines = async (events: number, seed = 3): Promise<string[]> => {
  const lines: string[] = [];
  await generateLog({ events, seed, write: (line) => lines.push(line) });
  return lines;
};

const dir = mkdtempSync(join(tmpdir(), 'pbx-options-cli-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes lines to a fresh file (one a line) and returns its path. */
export const writeLog = (lines: readonly string[]): string => {
  const path = join(dir, `log-${++files}.jsonl`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

/** What a run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process with `io` (its streams captured), capturing its output. */
export const cliWith = async (io: Partial<CliIo>, ...argv: string[]): Promise<CliRun> => {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    progress: false,
    now: () => 0,
    rss: () => 0,
    version: packageVersion() ?? 'unknown',
    ...io,
  });
  return { code, out, err };
};

/** Runs the CLI in-process, capturing its output. */
export const cli = (...argv: string[]): Promise<CliRun> => cliWith({}, ...argv);

/** Index (0-based) of the first line whose event has this type. */
export const indexOfType = (lines: readonly string[], type: string): number =>
  lines.findIndex((line) => (JSON.parse(line) as { type: string }).type === type);

/** A line with its event's data changed by `change`. */
export const withData = (line: string, change: (data: Record<string, unknown>) => void): string => {
  const event = JSON.parse(line) as { data: Record<string, unknown> };
  change(event.data);
  return JSON.stringify(event);
};
