/**
 * Reading a log as it comes: standard input, gzip, a byte order mark, a giant line, an input
 * that is not text, a truncated archive; the warnings for what a log cannot show; progress.
 */
import { writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES } from '../../src/cli/byte-lines.js';
import { cli, cliWith, logLines, writeLog } from './fixtures.js';

let lines: string[];
let text: string;
let plain: string;
let expected: { code: number; out: string };

beforeAll(async () => {
  lines = await logLines(300);
  text = `${lines.join('\n')}\n`;
  plain = writeLog(lines);
  const run = await cli('replay', plain, '--projection', 'sms,quota');
  expected = { code: run.code, out: run.out };
});

const fileWith = (name: string, content: string | Uint8Array) => {
  const path = `${plain}.${name}`;
  writeFileSync(path, content);
  return path;
};

/** `content` fed to the CLI's standard input in chunks of `size` bytes. */
const stdin = (content: Uint8Array, size = 4096) =>
  Readable.from(
    Array.from({ length: Math.ceil(content.length / size) }, (_, i) =>
      content.subarray(i * size, (i + 1) * size),
    ),
  );

describe('where a log comes from', () => {
  it('- reads standard input, in chunks of any size', async () => {
    expect(expected.code).toBe(0);
    for (const size of [1, 7, 65_536]) {
      const run = await cliWith(
        { stdin: stdin(Buffer.from(text), size) },
        'replay',
        '-',
        '--projection',
        'sms,quota',
      );
      expect(run).toMatchObject(expected);
      expect(run.err).toBe('(stdin): 300 lines, 300 events in 1 stream; every line valid\n');
    }
  });

  it('a gzip-compressed log is read as is, whatever its name, from a file or stdin', async () => {
    const packed = gzipSync(text);
    for (const path of [fileWith('gz', packed), fileWith('jsonl', packed)])
      expect(await cli('replay', path, '--projection', 'sms,quota')).toMatchObject(expected);
    expect(
      await cliWith({ stdin: stdin(packed, 3) }, 'replay', '-', '--projection', 'sms,quota'),
    ).toMatchObject(expected);
  });

  it('a truncated gzip file: the events before the cut are shown, the failure is reported, exit code 1', async () => {
    const packed = gzipSync(text);
    const run = await cli(
      'replay',
      fileWith('cut.gz', packed.subarray(0, packed.length - 200)),
      '--projection',
      'sms',
    );
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/; stopped: cannot read past line \d+: unexpected end of file\n$/);
    expect(run.out).toContain('ДОСТУПНО SMS:');
  });

  it('a UTF-8 byte order mark before the first line is skipped', async () => {
    expect(await cli('replay', fileWith('bom', `\ufeff${text}`), '--projection', 'sms,quota')).toMatchObject(
      expected,
    );
  });

  it('CRLF line ends and a last line without a newline are read', async () => {
    const path = fileWith('crlf', lines.join('\r\n'));
    expect(await cli('replay', path, '--projection', 'sms,quota')).toMatchObject(expected);
  });
});

describe('input a log reader must survive', () => {
  it('a line over 1 MiB is a bad line, skipped unread; the lines after it are read', async () => {
    const giant = `{"type":"NumberAdded","data":{"fullName":"${'я'.repeat(MAX_LINE_BYTES)}"}}`;
    const copy = [...lines.slice(0, 10), giant, ...lines.slice(10)];
    const run = await cli('replay', writeLog(copy), '--projection', 'sms,quota');
    expect(run.code).toBe(1);
    const bytes = Buffer.byteLength(giant).toLocaleString('en-US');
    expect(run.err).toContain(
      `line 11: (line): longer than 1 MiB (1,048,576 bytes): ${bytes} bytes, skipped unread\n`,
    );
    expect(run.err).toContain(
      ': 301 lines, 300 events in 1 stream; skipped 1 bad line (11); 0 gaps in versions',
    );
    expect(run.out).toBe(expected.out);
  });

  it('a line of exactly 1 MiB is read (and refused for what it holds)', async () => {
    const head = '{"pad":"';
    const line = `${head}${'x'.repeat(MAX_LINE_BYTES - head.length - 2)}"}`;
    expect(Buffer.byteLength(line)).toBe(MAX_LINE_BYTES);
    const run = await cli('replay', writeLog([line]), '--json');
    const doc = JSON.parse(run.out);
    expect(doc.skipped.lines[0].issues[0].path).not.toBe('(line)');
    // What the report keeps of the refused value is an excerpt.
    expect(JSON.stringify(doc.skipped).length).toBeLessThan(5_000);
  });

  it('/dev/zero ends at once with a clear error, exit code 1', async () => {
    const run = await cli('replay', '/dev/zero');
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      '/dev/zero: 0 lines, 0 events in 0 streams; stopped: byte 1 (line 1) is a NUL byte: this is not a text event log\n',
    );
  });

  it('a NUL byte after valid lines stops there, keeping what was read', async () => {
    const run = await cli(
      'replay',
      fileWith('nul', `${lines.slice(0, 5).join('\n')}\n{"ty\u0000pe"}\n`),
      '--projection',
      'sms',
    );
    expect(run.code).toBe(1);
    expect(run.err).toContain(': 5 lines, 5 events in 1 stream; stopped: byte ');
    expect(run.err).toContain(' (line 6) is a NUL byte: this is not a text event log');
  });

  it('a line with thousands of faults is reported in a few hundred bytes', async () => {
    const event = JSON.parse(lines[0] as string);
    event.type = 'NumberOptionEnabled';
    event.data = {
      option: 'recording',
      numbers: Array.from({ length: 5_000 }, (_, i) => `${i}`.repeat(30)),
      skipped: [],
    };
    const run = await cli('replay', writeLog([JSON.stringify(event)]), '--json');
    expect(run.code).toBe(1);
    const problem = run.err.split('\n')[0] as string;
    expect(problem).toMatch(/^line 1: data/);
    expect(problem.length).toBeLessThan(5_000);
    const doc = JSON.parse(run.out);
    expect(doc.skipped.lines[0].issues.length).toBeLessThanOrEqual(11);
  });

  it('prints the first 100 problems and counts the rest', async () => {
    const run = await cli('replay', writeLog(Array.from({ length: 250 }, (_, i) => `bad ${i}`)));
    expect(run.code).toBe(1);
    const printed = run.err.split('\n').filter((l) => l.startsWith('line '));
    expect(printed).toHaveLength(100);
    expect(run.err).toContain('(only the first 100 problems are printed; the rest are counted)\n');
    expect(run.err).toContain(
      ': 250 lines, 0 events in 0 streams; skipped 250 bad lines (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …)',
    );
  });
});

describe('warnings: what the log cannot show, exit code 1', () => {
  it('an empty log, or one of blank lines only', async () => {
    const empty = await cli('replay', fileWith('empty', ''));
    expect(empty).toMatchObject({ code: 1, out: '' });
    expect(empty.err).toContain('warning: the log is empty\n');
    const blank = await cliWith({ stdin: stdin(Buffer.from('\n\n  \n')) }, 'explain-bill', '-');
    expect(blank.code).toBe(1);
    expect(blank.err).toContain('warning: the log has no events, only blank lines\n');
  });

  it('a --period before the account was opened: no bill is made up for it', async () => {
    const run = await cli('explain-bill', plain, '--period', '2025-04-20');
    expect(run.code).toBe(1);
    expect(run.out).toContain('no statement: the account was opened on 2025-04-21, after --period');
    expect(run.err).toContain(
      'warning: --period 2025-04-20 is before account romashka was opened (2025-04-21): there is no bill for it\n',
    );
    expect((await cli('explain-bill', plain, '--period', '2025-04-21')).code).toBe(0);
  });
});

/** What the meter writes before each frame: back to the line's start, and clear it. */
const CLEAR = '\r\u001b[K';

describe('progress', () => {
  it('on a terminal: the share read, the lines and the rate, then cleared', async () => {
    let ms = 0;
    const big = writeLog(await logLines(20_000));
    const run = await cliWith({ progress: true, now: () => (ms += 1) }, 'replay', big, '--projection', 'sms');
    expect(run.code).toBe(0);
    const frames = run.err.split(CLEAR).filter((f) => f !== '' && !f.includes('\n'));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames[0]).toMatch(/^\d{1,2} % {2}10,000 lines {2}[\d,]+ lines\/s$/);
    expect(
      run.err.endsWith(`${CLEAR}${big}: 20000 lines, 20000 events in 1 stream; every line valid\n`),
    ).toBe(true);
  });

  it('not on a terminal, or from stdin without a size: no percentage, or nothing', async () => {
    const big = writeLog(await logLines(10_000));
    expect((await cli('replay', big, '--projection', 'sms')).err).not.toContain('\r');
    let ms = 0;
    const piped = await cliWith(
      {
        progress: true,
        now: () => (ms += 1),
        stdin: stdin(Buffer.from(`${(await logLines(10_000)).join('\n')}\n`), 65_536),
      },
      'replay',
      '-',
      '--projection',
      'sms',
    );
    expect(piped.err.split(CLEAR)[1]).toMatch(/^10,000 lines {2}[\d,]+ lines\/s$/);
  });
});
