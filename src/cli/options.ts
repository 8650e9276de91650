/**
 * The options of `pbx-options`, as data: which commands take each one, whether it takes a value,
 * and what it expects. The parser, the refusals and every `--help` text are built from this one
 * table, so an option cannot be documented for a command that ignores it.
 * @module
 */

/** The commands of `pbx-options`. */
export type CommandName = 'replay' | 'explain-bill' | 'export';

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly CommandName[] = ['replay', 'explain-bill', 'export'];

/** One option: `--name` alone (a flag) or `--name <meta>` (`--name=<meta>` too). */
export interface OptionSpec {
  readonly name: string;
  /** The value's placeholder in the help (`<date>`); absent for a flag. */
  readonly meta?: string;
  /** May be given more than once (the values add up). */
  readonly multiple?: boolean;
  readonly commands: readonly CommandName[];
  /** One line of help; a command-specific line overrides it. */
  readonly help: string;
}

const LOG_READERS: readonly CommandName[] = ['replay', 'explain-bill'];

/** Every option but `--help` and `--version`, which every command takes. */
export const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'projection',
    meta: '<name>[,<name>…]',
    multiple: true,
    commands: ['replay'],
    help: 'quota | sms | billing | history | all (repeatable; default all)',
  },
  {
    name: 'period',
    meta: '<date>',
    commands: LOG_READERS,
    help: 'a date (2025-05-06) or an instant inside the billing period to show; default: the period of the last event',
  },
  {
    name: 'account',
    meta: '<id>',
    commands: ['replay', 'explain-bill', 'export'],
    help: 'only this account (an account id or a stream id); default every account',
  },
  {
    name: 'limit',
    meta: '<n>',
    commands: ['replay'],
    help: 'history lines to show, newest first (default 20)',
  },
  {
    name: 'daily',
    commands: ['explain-bill'],
    help: 'one line per day (default: runs of days with the same quantity)',
  },
  { name: 'json', commands: LOG_READERS, help: 'one JSON document on stdout instead of text' },
  { name: 'strict', commands: LOG_READERS, help: 'stop at the first bad line or gap' },
  {
    name: 'stats',
    commands: COMMANDS,
    help: 'print the lines or events, time and peak memory on stderr at the end',
  },
  {
    name: 'pg',
    meta: '<url>',
    commands: ['export'],
    help: 'the PostgreSQL server (postgres://user:password@host:5432/database); required',
  },
  {
    name: 'schema',
    meta: '<name>',
    commands: ['export'],
    help: 'the schema the event store was migrated into (default pbx_options)',
  },
  {
    name: 'from-position',
    meta: '<n>',
    commands: ['export'],
    help: 'only events after this global position (default 0: from the start)',
  },
];

/** The option named `name` (without dashes), if there is one. */
export const optionNamed = (name: string): OptionSpec | undefined => OPTIONS.find((o) => o.name === name);

/** The options `command` takes, in table order. */
export const optionsOf = (command: CommandName): OptionSpec[] =>
  OPTIONS.filter((o) => o.commands.includes(command));
