/**
 * Command-line arguments of `pbx-options` (parsed with `node:util` `parseArgs`, strict: an
 * unknown option is a usage error, never silently ignored).
 * @module
 */
import { parseArgs } from 'node:util';
import { SECTION_NAMES, type SectionName } from './sections.js';

/** A parsed command line. */
export type CliArgs =
  | { readonly command: 'help' }
  | {
      readonly command: 'replay' | 'explain-bill';
      readonly file: string;
      readonly sections: readonly SectionName[];
      readonly period: string | undefined;
      readonly account: string | undefined;
      readonly limit: number;
      readonly json: boolean;
      readonly strict: boolean;
      readonly stats: boolean;
      readonly daily: boolean;
    };

/** The usage text (`pbx-options --help`). */
export const USAGE = `Usage:
  pbx-options replay <events.jsonl> [--projection <name>[,<name>…]] [--period <date>] [--json] [--strict] [--stats]
  pbx-options explain-bill <events.jsonl> [--period <date>] [--account <id>] [--daily] [--json] [--strict] [--stats]

A log has one stored event a line (JSON, as the event store keeps it). Every line is validated;
a bad line is reported on stderr with its number and failing path, and skipped.

Options:
  --projection  ${[...SECTION_NAMES, 'all'].join(' | ')} (repeatable; default all)
  --period      a date (2025-05-06) or instant inside the billing period to show;
                default: the period of the stream's last event
  --account     only this account (explain-bill; default every account in the log)
  --limit       history entries to show (default 20)
  --daily       explain-bill: one line per day (default: runs of days with the same quantity)
  --json        one JSON document on stdout instead of text
  --strict      stop at the first bad line or gap (exit code 1)
  --stats       print lines, time and peak memory (RSS) on stderr at the end

Exit codes: 0 every line used; 2 done, but some lines were skipped or events are missing;
1 usage error, unreadable file, or --strict stopped at a problem.`;

/** Parses `argv` (without `node` and the script), or returns the usage error. */
export const parseCliArgs = (
  argv: readonly string[],
): { readonly ok: true; readonly args: CliArgs } | { readonly ok: false; readonly error: string } => {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (cause) {
    return { ok: false, error: cause instanceof Error ? cause.message : String(cause) };
  }
  const { values, positionals } = parsed;
  const [command, file, ...rest] = positionals;
  if (values.help === true || command === undefined || command === 'help')
    return { ok: true, args: { command: 'help' } };
  if (command !== 'replay' && command !== 'explain-bill')
    return { ok: false, error: `unknown command: ${command}` };
  if (file === undefined) return { ok: false, error: `${command}: the event log file is missing` };
  if (rest.length > 0) return { ok: false, error: `${command}: unexpected argument: ${rest[0]}` };
  const sections = sectionsOf(values.projection ?? []);
  if (typeof sections === 'string') return { ok: false, error: sections };
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isSafeInteger(limit) || limit < 0)
    return { ok: false, error: `--limit: expected a whole number, got ${values.limit}` };
  return {
    ok: true,
    args: {
      command,
      file,
      sections: command === 'explain-bill' ? ['billing'] : sections,
      period: values.period,
      account: values.account,
      limit,
      json: values.json === true,
      strict: values.strict === true,
      stats: values.stats === true,
      daily: values.daily === true,
    },
  };
};

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      projection: { type: 'string', multiple: true },
      period: { type: 'string' },
      account: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      strict: { type: 'boolean' },
      stats: { type: 'boolean' },
      daily: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });

const sectionsOf = (given: readonly string[]): readonly SectionName[] | string => {
  const names = given.flatMap((g) => g.split(',')).map((n) => n.trim());
  if (names.length === 0 || names.includes('all')) return SECTION_NAMES;
  const unknown = names.find((n) => !(SECTION_NAMES as readonly string[]).includes(n));
  if (unknown !== undefined)
    return `--projection: expected one of ${[...SECTION_NAMES, 'all'].join(', ')}, got ${unknown}`;
  return SECTION_NAMES.filter((n) => names.includes(n));
};
