/**
 * Command-line arguments of `pbx-options`, checked: each value is read as the type its option
 * expects, and a refusal names the option and what it expects. Options a command does not take
 * are refused by the tokenizer, never ignored.
 * @module
 */
import type { CommandName } from './options.js';
import { periodProblem } from './period.js';
import { SECTION_NAMES, type SectionName } from './sections.js';
import { tokenize, type UsageError } from './tokens.js';

/** What `replay` and `explain-bill` were asked to do. */
export interface LogArgs {
  readonly command: 'replay' | 'explain-bill';
  /** A path, or `-` for standard input. */
  readonly file: string;
  readonly sections: readonly SectionName[];
  readonly period: string | undefined;
  readonly account: string | undefined;
  readonly limit: number;
  readonly json: boolean;
  readonly strict: boolean;
  readonly stats: boolean;
  readonly daily: boolean;
}

/** What `export` was asked to do. */
export interface ExportArgs {
  readonly command: 'export';
  readonly pg: string;
  readonly schema: string | undefined;
  readonly account: string | undefined;
  readonly fromPosition: number;
  readonly stats: boolean;
}

/** A parsed command line: help (about one command or all), the version, or a command to run. */
export type CliArgs =
  | { readonly command: 'help'; readonly topic: CommandName | undefined }
  | { readonly command: 'version' }
  | LogArgs
  | ExportArgs;

type Parsed =
  | { readonly ok: true; readonly args: CliArgs }
  | { readonly ok: false; readonly error: UsageError };

/** Parses `argv` (without `node` and the script), or returns the usage error. */
export const parseCliArgs = (argv: readonly string[]): Parsed => {
  const split = tokenize(argv);
  if (!split.ok) return split;
  const tokens = split.tokens;
  if (tokens.kind === 'help') return { ok: true, args: { command: 'help', topic: tokens.topic } };
  if (tokens.kind === 'version') return { ok: true, args: { command: 'version' } };
  const { command, values, positionals } = tokens;
  const refuse = (message: string): Parsed => ({ ok: false, error: { message, command } });
  const one = (name: string) => values.get(name)?.[0];
  const flag = (name: string) => values.has(name);

  const account = one('account');
  if (account === '') return refuse('--account expects an account id or a stream id, got an empty value');

  if (command === 'export') {
    if (positionals.length > 0)
      return refuse(`export takes no file (it writes to stdout), got ${positionals[0]}`);
    const pg = one('pg');
    if (pg === undefined) return refuse('export needs --pg <url>: the PostgreSQL server to read');
    if (!/^postgres(?:ql)?:\/\//.test(pg))
      return refuse(`--pg: expected a URL postgres://user:password@host:5432/database, got ${pg}`);
    const fromPosition = wholeNumber(one('from-position') ?? '0');
    if (fromPosition === undefined)
      return refuse(`--from-position: expected a whole number (0 or more), got ${one('from-position')}`);
    const schema = one('schema');
    if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema))
      return refuse(`--schema: expected a schema name (letters, digits, _), got ${schema}`);
    return {
      ok: true,
      args: { command, pg, schema, account, fromPosition, stats: flag('stats') },
    };
  }

  const [file, extra] = positionals;
  if (file === undefined)
    return refuse(`${command} needs an event log: a file (.jsonl or .jsonl.gz), or - for standard input`);
  if (extra !== undefined) return refuse(`${command} reads one event log, got a second one: ${extra}`);
  const sections = sectionsOf(values.get('projection') ?? []);
  if (typeof sections === 'string') return refuse(sections);
  const limit = wholeNumber(one('limit') ?? '20');
  if (limit === undefined) return refuse(`--limit: expected a whole number (0 or more), got ${one('limit')}`);
  const period = one('period');
  const problem = period === undefined ? undefined : periodProblem(period);
  if (problem !== undefined) return refuse(problem);
  return {
    ok: true,
    args: {
      command,
      file,
      sections: command === 'explain-bill' ? ['billing'] : sections,
      period,
      account,
      limit,
      json: flag('json'),
      strict: flag('strict'),
      stats: flag('stats'),
      daily: flag('daily'),
    },
  };
};

const wholeNumber = (text: string): number | undefined => {
  if (!/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
};

const sectionsOf = (given: readonly string[]): readonly SectionName[] | string => {
  const names = given.flatMap((g) => g.split(',')).map((n) => n.trim());
  if (names.length === 0 || names.includes('all')) return SECTION_NAMES;
  const unknown = names.find((n) => !(SECTION_NAMES as readonly string[]).includes(n));
  if (unknown !== undefined)
    return `--projection: expected one of ${[...SECTION_NAMES, 'all'].join(', ')}, got ${unknown === '' ? 'an empty name' : unknown}`;
  return SECTION_NAMES.filter((n) => names.includes(n));
};
