/**
 * The executable as a process: its exit code, real standard streams, and memory. A log of a
 * million bad lines is replayed under a 128 MB heap: the first bad lines are reported, the rest
 * counted, and nothing grows with the count.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { logLines, writeLog } from './fixtures.js';

const MAIN = 'src/cli/main.ts';

/** Runs `pbx-options` in a child node with `flags`, feeding `input` to its stdin. */
const run = (argv: readonly string[], options: { flags?: readonly string[]; input?: Uint8Array } = {}) => {
  const child = spawnSync(process.execPath, [...(options.flags ?? []), '--import', 'tsx', MAIN, ...argv], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  return { code: child.status, out: child.stdout, err: child.stderr };
};

let million: string;

beforeAll(async () => {
  // Half not JSON, half JSON that is not an event: every line is bad.
  million = writeLog([]);
  const file = createWriteStream(million);
  for (let i = 1; i <= 1_000_000; i++) {
    const line = i % 2 === 0 ? `not json ${i}\n` : `{"type":"NumberAdded","data":{"n":${i}},"metadata":{}}\n`;
    if (!file.write(line)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
});

describe('pbx-options as a process', () => {
  it('--version; no arguments is exit code 2 with the usage on stderr', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(run(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
    const bare = run([]);
    expect(bare.code).toBe(2);
    expect(bare.out).toBe('');
    expect(bare.err).toContain('Usage:\n');
  });

  it('reads a gzip-compressed log from a pipe (-)', async () => {
    const lines = await logLines(50);
    const piped = run(['replay', '-', '--projection', 'sms'], { input: gzipSync(`${lines.join('\n')}\n`) });
    const fromFile = run(['replay', writeLog(lines), '--projection', 'sms']);
    expect(piped.code).toBe(0);
    expect(piped.out).toBe(fromFile.out);
    expect(piped.err).toBe('(stdin): 50 lines, 50 events in 1 stream; every line valid\n');
  });

  it('a million bad lines under a 128 MB heap: the first 100 shown, all counted, exit code 1', () => {
    const result = run(['replay', million, '--json'], { flags: ['--max-old-space-size=128'] });
    expect(result.err).not.toContain('heap out of memory');
    expect(result.code).toBe(1);
    const printed = result.err.split('\n').filter((l) => l.startsWith('line '));
    expect(printed).toHaveLength(100);
    expect(result.err).toContain(
      ': 1000000 lines, 0 events in 0 streams; skipped 1000000 bad lines (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …)',
    );
    const doc = JSON.parse(result.out) as { skipped: { count: number; lines: unknown[] } };
    expect(doc.skipped.count).toBe(1_000_000);
    expect(doc.skipped.lines).toHaveLength(1_000);
  }, 300_000);
});
