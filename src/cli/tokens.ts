/**
 * Splitting a command line into the command, its options and its positional arguments. Every
 * refusal names the option and says what it expects; none is node's parser message. A lone `-`
 * is an argument (standard input); `--` ends the options.
 * @module
 */
import { COMMANDS, type CommandName, type OptionSpec, optionNamed, optionsOf } from './options.js';

/** A command line split up, before its values are checked. */
export type Tokens =
  | { readonly kind: 'help'; readonly topic: CommandName | undefined }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'command';
      readonly command: CommandName;
      /** Values by option name; a flag's value is `''`. */
      readonly values: ReadonlyMap<string, readonly string[]>;
      readonly positionals: readonly string[];
    };

/** A refusal of the command line, and the command it was for (to point at its `--help`). */
export interface UsageError {
  readonly message: string;
  readonly command: CommandName | undefined;
}

type Result =
  | { readonly ok: true; readonly tokens: Tokens }
  | { readonly ok: false; readonly error: UsageError };

const refuse = (message: string, command: CommandName | undefined): Result => ({
  ok: false,
  error: { message, command },
});

const isCommand = (word: string): word is CommandName => (COMMANDS as readonly string[]).includes(word);
const isHelp = (word: string) => word === '--help' || word === '-h';
const isVersion = (word: string) => word === '--version' || word === '-V';

/** Splits `argv` (without `node` and the script). */
export const tokenize = (argv: readonly string[]): Result => {
  const [first, ...rest] = argv;
  if (first === undefined) return refuse(`a command is missing (${COMMANDS.join(', ')})`, undefined);
  if (isHelp(first) || first === 'help') return helpAbout(rest[0]);
  if (isVersion(first)) return { ok: true, tokens: { kind: 'version' } };
  if (first.startsWith('-'))
    return refuse(
      `${first} before the command: write the command first (pbx-options replay … ${first})`,
      undefined,
    );
  if (!isCommand(first)) {
    const near = nearest(first, COMMANDS);
    return refuse(
      `unknown command ${first}${near === undefined ? '' : ` (did you mean ${near}?)`}; the commands are ${COMMANDS.join(', ')}`,
      undefined,
    );
  }
  if (rest.some(isHelp)) return { ok: true, tokens: { kind: 'help', topic: first } };
  return options(first, rest);
};

const helpAbout = (topic: string | undefined): Result => {
  if (topic === undefined || isCommand(topic)) return { ok: true, tokens: { kind: 'help', topic } };
  return refuse(`no help about ${topic}; the commands are ${COMMANDS.join(', ')}`, undefined);
};

const options = (command: CommandName, words: readonly string[]): Result => {
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (word === '-' || !word.startsWith('-')) {
      positionals.push(word);
      continue;
    }
    if (isVersion(word)) return refuse(`${word} goes alone: pbx-options ${word}`, command);
    const equals = word.indexOf('=');
    const name = word.startsWith('--') ? word.slice(2, equals < 0 ? undefined : equals) : '';
    const spec = optionNamed(name);
    if (spec === undefined) return refuse(unknownOption(command, word, equals), command);
    if (!spec.commands.includes(command)) return refuse(notTaken(command, spec), command);
    let value = '';
    if (spec.meta === undefined) {
      if (equals >= 0) return refuse(`--${name} takes no value (got ${word})`, command);
    } else if (equals >= 0) value = word.slice(equals + 1);
    else {
      const next = words[i + 1];
      if (next === undefined)
        return refuse(`--${name} expects a value: ${spec.meta} (${spec.help})`, command);
      value = next;
      i += 1;
    }
    const seen = values.get(name);
    if (seen !== undefined && spec.multiple !== true) return refuse(`--${name} is given twice`, command);
    values.set(name, [...(seen ?? []), value]);
  }
  return { ok: true, tokens: { kind: 'command', command, values, positionals } };
};

const unknownOption = (command: CommandName, word: string, equals: number): string => {
  const shown = equals < 0 ? word : word.slice(0, equals);
  const names = optionsOf(command).map((o) => `--${o.name}`);
  const near = nearest(shown, [...names, '--help']);
  return `unknown option ${shown} for ${command}${near === undefined ? '' : ` (did you mean ${near}?)`}`;
};

const notTaken = (command: CommandName, spec: OptionSpec): string =>
  `${command} does not take --${spec.name} (an option of ${spec.commands.join(' and ')}: ${spec.help})`;

/** The candidate within two edits of `word` (the closest), if any: a likely typo. */
const nearest = (word: string, candidates: readonly string[]): string | undefined => {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
};

/** Levenshtein distance (short words only: option and command names). */
const distance = (a: string, b: string): number => {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost));
    }
    row = next;
  }
  return row[b.length] ?? 0;
};
