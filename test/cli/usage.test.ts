/**
 * The command line itself: help and version, and every way of getting it wrong. A usage error
 * names the option and what it expects, points at the command's help, and exits with 2.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandHelp } from '../../src/cli/help.js';
import { OPTIONS } from '../../src/cli/options.js';
import { type CliRun, cli, logLines, writeLog } from './fixtures.js';

let file: string;

beforeAll(async () => {
  file = writeLog(await logLines(20));
});

/** The run was refused as a usage error with exactly this first line. */
const refused = (run: CliRun, message: string | RegExp) => {
  expect(run.code).toBe(2);
  expect(run.out).toBe('');
  const first = run.err.split('\n')[0];
  if (typeof message === 'string') expect(first).toBe(`pbx-options: ${message}`);
  else expect(first?.replace('pbx-options: ', '')).toMatch(message);
  expect(run.err).not.toMatch(/TypeError|ERR_PARSE_ARGS|at .*\.js:\d+/);
};

describe('help and version', () => {
  it('--version prints the version of package.json, exit code 0', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
    expect((await cli('-V')).out).toBe(`${version}\n`);
  });

  it('--help lists the commands and the exit codes on stdout', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expect(run.out).toContain('pbx-options replay <events.jsonl | events.jsonl.gz | -> [options]');
    expect(run.out).toContain('pbx-options export --pg <url> [options] > events.jsonl');
    expect(run.out).toContain('  2  nothing done: a usage error, or the input could not be opened');
    expect((await cli('help')).out).toBe(run.out);
  });

  it('each command has its own help listing exactly the options it takes', async () => {
    for (const command of ['replay', 'explain-bill', 'export'] as const) {
      const run = await cli(command, '--help');
      expect(run).toEqual({ code: 0, out: `${commandHelp(command)}\n`, err: '' });
      for (const option of OPTIONS) {
        const listed = run.out.includes(`  --${option.name}`);
        expect(listed, `${command} --${option.name}`).toBe(option.commands.includes(command));
      }
      expect((await cli('help', command)).out).toBe(run.out);
      expect((await cli(command, file, '-h')).out).toBe(run.out);
    }
    expect((await cli('explain-bill', '--help')).out).toMatch(
      /\n {2}--daily +one line per day \(default: runs of days with the same quantity\)\n/,
    );
  });

  it('no arguments: the usage on stderr, exit code 2', async () => {
    const run = await cli();
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toMatch(
      /^pbx-options: a command is missing \(replay, explain-bill, export\)\n\nUsage:\n/,
    );
  });
});

describe('usage errors', () => {
  it('an unknown command, with the likely one', async () => {
    refused(
      await cli('replya', file),
      'unknown command replya (did you mean replay?); the commands are replay, explain-bill, export',
    );
    refused(
      await cli('frobnicate'),
      'unknown command frobnicate; the commands are replay, explain-bill, export',
    );
    refused(
      await cli('help', 'frobnicate'),
      'no help about frobnicate; the commands are replay, explain-bill, export',
    );
  });

  it('an unknown option, with the likely one and a pointer to the help', async () => {
    const run = await cli('replay', file, '--perod', '2025-05-01');
    refused(run, 'unknown option --perod for replay (did you mean --period?)');
    expect(run.err).toBe(
      'pbx-options: unknown option --perod for replay (did you mean --period?)\nRun pbx-options replay --help for its options.\n',
    );
    refused(await cli('replay', file, '--frobnicate'), 'unknown option --frobnicate for replay');
    refused(await cli('replay', file, '-x'), 'unknown option -x for replay');
    refused(await cli('replay', file, '--frobnicate=3'), 'unknown option --frobnicate for replay');
  });

  it('an option of another command is refused, not ignored', async () => {
    refused(
      await cli('explain-bill', file, '--projection', 'sms'),
      'explain-bill does not take --projection (an option of replay: quota | sms | billing | history | all (repeatable; default all))',
    );
    refused(
      await cli('replay', file, '--daily'),
      'replay does not take --daily (an option of explain-bill: one line per day (default: runs of days with the same quantity))',
    );
    refused(
      await cli('explain-bill', file, '--limit', '3'),
      'explain-bill does not take --limit (an option of replay: history lines to show, newest first (default 20))',
    );
    refused(
      await cli('replay', file, '--pg', 'postgres://h/db'),
      /^replay does not take --pg \(an option of export: /,
    );
  });

  it('an option before the command, or --version after it', async () => {
    refused(
      await cli('--json', 'replay', file),
      '--json before the command: write the command first (pbx-options replay … --json)',
    );
    refused(await cli('replay', file, '--version'), '--version goes alone: pbx-options --version');
  });

  it('a missing or a second file, a missing value, a value given to a flag, an option given twice', async () => {
    refused(
      await cli('replay'),
      'replay needs an event log: a file (.jsonl or .jsonl.gz), or - for standard input',
    );
    refused(await cli('replay', file, file), `replay reads one event log, got a second one: ${file}`);
    refused(
      await cli('replay', file, '--period'),
      '--period expects a value: <date> (a date (2025-05-06) or an instant inside the billing period to show; default: the period of the last event)',
    );
    refused(await cli('replay', file, '--json=yes'), '--json takes no value (got --json=yes)');
    refused(
      await cli('replay', file, '--period', '2025-05-01', '--period', '2025-06-01'),
      '--period is given twice',
    );
    refused(
      await cli('replay', file, '--account='),
      '--account expects an account id or a stream id, got an empty value',
    );
  });

  it('--limit takes a whole number: -3 is a clear error, not "ambiguous"', async () => {
    refused(
      await cli('replay', file, '--limit', '-3'),
      '--limit: expected a whole number (0 or more), got -3',
    );
    refused(
      await cli('replay', file, '--limit=2.5'),
      '--limit: expected a whole number (0 or more), got 2.5',
    );
    refused(
      await cli('replay', file, '--limit', 'ten'),
      '--limit: expected a whole number (0 or more), got ten',
    );
    expect((await cli('replay', file, '--limit=0', '--projection', 'history')).code).toBe(0);
  });

  it('--projection names one of the read models', async () => {
    refused(
      await cli('replay', file, '--projection', 'nope'),
      '--projection: expected one of quota, sms, billing, history, all, got nope',
    );
    refused(
      await cli('replay', file, '--projection', 'sms,'),
      '--projection: expected one of quota, sms, billing, history, all, got an empty name',
    );
  });

  it('--period must be a day on the calendar or a real instant', async () => {
    const expects = 'expected a date (2025-05-06) or an instant with an offset (2025-05-06T10:00:00+03:00)';
    refused(
      await cli('explain-bill', file, '--period', '2025-02-30'),
      `--period: 2025-02-30 is not a date on the calendar; ${expects}`,
    );
    refused(
      await cli('explain-bill', file, '--period', '2025-13-01'),
      `--period: 2025-13-01 is not a date on the calendar; ${expects}`,
    );
    refused(
      await cli('explain-bill', file, '--period', '2024-02-29T24:00:00+03:00'),
      `--period: 2024-02-29T24:00:00+03:00 is not a real instant; ${expects}`,
    );
    refused(
      await cli('explain-bill', file, '--period', '2025-05-06T10:00:60Z'),
      `--period: 2025-05-06T10:00:60Z is not a real instant; ${expects}`,
    );
    refused(
      await cli('explain-bill', file, '--period', '2025-05-06T10:00'),
      `--period: ${expects}, got 2025-05-06T10:00`,
    );
    refused(await cli('explain-bill', file, '--period', 'May'), `--period: ${expects}, got May`);
    expect((await cli('explain-bill', file, '--period', '2024-02-29')).code).not.toBe(2);
    expect((await cli('explain-bill', file, '--period', '2025-04-25T23:59:59.5+03:00')).code).toBe(0);
  });

  it('export needs a PostgreSQL URL and takes no file', async () => {
    refused(await cli('export'), 'export needs --pg <url>: the PostgreSQL server to read');
    refused(
      await cli('export', '--pg', 'localhost'),
      '--pg: expected a URL postgres://user:password@host:5432/database, got localhost',
    );
    refused(
      await cli('export', '--pg', 'postgres://h/db', 'out.jsonl'),
      'export takes no file (it writes to stdout), got out.jsonl',
    );
    refused(
      await cli('export', '--pg', 'postgres://h/db', '--from-position', '-1'),
      '--from-position: expected a whole number (0 or more), got -1',
    );
    refused(
      await cli('export', '--pg', 'postgres://h/db', '--schema', 'a;drop'),
      '--schema: expected a schema name (letters, digits, _), got a;drop',
    );
    refused(
      await cli('export', '--pg', 'postgres://h/db', '--json'),
      /^export does not take --json \(an option of replay and explain-bill: /,
    );
  });
});
