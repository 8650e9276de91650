/**
 * The help texts of `pbx-options`, built from the option table so each command lists exactly
 * the options it takes.
 * @module
 */
import { COMMANDS, type CommandName, optionsOf } from './options.js';

const SYNOPSIS: Record<CommandName, string> = {
  replay: 'pbx-options replay <events.jsonl | events.jsonl.gz | -> [options]',
  'explain-bill': 'pbx-options explain-bill <events.jsonl | events.jsonl.gz | -> [options]',
  export: 'pbx-options export --pg <url> [options] > events.jsonl',
};

const PURPOSE: Record<CommandName, string> = {
  replay: 'Validates every line of an event log and prints the read models of each account.',
  'explain-bill': "Prints one billing period's statement per account, each line with its formula and days.",
  export: 'Writes the events of a PostgreSQL event store to stdout as an event log (JSONL), page by page.',
};

/** What the exit codes mean (the same for every command). */
export const EXIT_CODES_TEXT = `Exit codes:
  0  done, nothing to report
  1  done or stopped, with problems in the data: bad lines or gaps skipped, --strict stopped,
     an empty log, an unknown --account, a --period before the opening, a store that failed
  2  nothing done: a usage error, or the input could not be opened`;

const INPUT_TEXT = `The log has one stored event a line (JSON, as the event store keeps it); a gzip-compressed
log is read as is, and - reads standard input. Every line is validated; a bad line is reported
on stderr with its number and failing path, and skipped.`;

/** The help of every command, in short (`pbx-options --help`). */
export const usage = (): string =>
  [
    'Usage:',
    ...COMMANDS.map((c) => `  ${SYNOPSIS[c]}`),
    '  pbx-options <command> --help',
    '  pbx-options --version',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.padEnd(13)}${PURPOSE[c]}`),
    '',
    INPUT_TEXT,
    '',
    EXIT_CODES_TEXT,
  ].join('\n');

/** `text` in lines of at most `width` characters, broken at spaces. */
const wrap = (text: string, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
};

/** The help of one command (`pbx-options <command> --help`). */
export const commandHelp = (command: CommandName): string => {
  const options = optionsOf(command).map((o) => ({
    left: `--${o.name}${o.meta === undefined ? '' : ` ${o.meta}`}`,
    help: o.help,
  }));
  options.push({ left: '--help, -h', help: 'this text' });
  const width = Math.max(...options.map((o) => o.left.length));
  return [
    `Usage: ${SYNOPSIS[command]}`,
    '',
    PURPOSE[command],
    ...(command === 'export' ? [] : ['', INPUT_TEXT]),
    '',
    'Options:',
    ...options.flatMap((o) =>
      wrap(o.help, 96 - width).map((line, i) => `  ${(i === 0 ? o.left : '').padEnd(width)}  ${line}`),
    ),
    '',
    EXIT_CODES_TEXT,
  ].join('\n');
};
