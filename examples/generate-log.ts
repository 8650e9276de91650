/**
 * Generates an event log (JSONL, one stored event a line) of a seeded account: the demo's set-up,
 * then calls for a year with monthly renewals, until the log has the number of events asked for.
 *
 *     npx tsx examples/generate-log.ts --events 1000000 --out /tmp/events-1m.jsonl [--seed 7]
 *
 * Used to measure `pbx-options replay` on a large log (docs/cli.md) and, small, by the CLI tests.
 * @module
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { StoredAccountEvent } from '../src/index.js';
import { playMonth } from './month/calls.js';
import { openDirectSession } from './month/direct-session.js';
import { createPrng } from './month/prng.js';
import { moscowMs } from './month/session.js';
import { FREE_MKN, MAIN_MKN, setUpAccount } from './month/setup.js';
import { staffDirectory } from './month/staff.js';

/** What to generate. */
export interface LogOptions {
  /** Events in the log (the last command's events are cut at this count). */
  readonly events: number;
  readonly seed: number;
  /** Receives the log line by line (without the newline). */
  readonly write: (line: string) => void;
  /** Told the events written so far, every 10 000. */
  readonly onProgress?: (events: number) => void;
}

/** Average events per call in the demo's mix (measured), to size the year. */
const EVENTS_PER_CALL = 3;

/** Generates the log; resolves with the number of events written. */
export const generateLog = async (options: LogOptions): Promise<number> => {
  let written = 0;
  const session = openDirectSession('romashka', (event: StoredAccountEvent) => {
    if (written >= options.events) return;
    options.write(JSON.stringify(event));
    written += 1;
    if (written % 10_000 === 0) options.onProgress?.(written);
  });
  const { roster } = await setUpAccount(session, staffDirectory(), moscowMs(2025, 4, 21, 9));
  const plan = {
    calls: Math.ceil(options.events / EVENTS_PER_CALL) + 100,
    firstDayMs: moscowMs(2025, 4, 22),
    days: 365,
    mainMkn: MAIN_MKN.number,
    freeMkn: FREE_MKN.number,
    renewAtMs: moscowMs(2025, 5, 21, 9),
  };
  await playMonth(session, roster, plan, createPrng(options.seed), { stop: () => written >= options.events });
  return written;
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '1000000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '7' },
    },
  });
  if (values.out === undefined) throw new Error('--out <file> is required');
  const fd = openSync(values.out, 'w');
  let buffer = '';
  const flush = () => {
    writeSync(fd, buffer);
    buffer = '';
  };
  const tty = process.stderr.isTTY === true;
  const written = await generateLog({
    events: Number(values.events),
    seed: Number(values.seed),
    write: (line) => {
      buffer += `${line}\n`;
      if (buffer.length > 1 << 20) flush();
    },
    onProgress: (n) => {
      if (tty) process.stderr.write(`\r${n} events…`);
    },
  });
  flush();
  closeSync(fd);
  process.stderr.write(`${tty ? '\r' : ''}${written} events written to ${values.out}\n`);
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
