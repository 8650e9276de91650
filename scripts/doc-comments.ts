/**
 * A lint over TypeDoc's JSON output: every export's comment must say something its name does
 * not. A comment is a tautology when, once the words of the export's name, the names it links
 * to, and words that carry nothing here ("the", "of", "options", "view") are taken away, no word
 * is left: «Options of migrate.» on `MigrateOptions`, «The billing view.» on `Billing`.
 *
 *     npm run docs                  # TypeDoc: HTML into docs/api, JSON into reports/api.json
 *     npm run docs:lint             # exit 1 and list the tautologies
 * @module
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The part of a TypeDoc JSON reflection the lint reads. */
export interface Reflection {
  readonly name: string;
  readonly kind: number;
  readonly comment?: { readonly summary?: readonly { readonly kind: string; readonly text: string }[] };
  readonly signatures?: readonly Reflection[];
  readonly children?: readonly Reflection[];
}

/** A comment that only repeats its export's name. */
export interface Tautology {
  /** `module.Export`. */
  readonly path: string;
  readonly comment: string;
}

// Words that say nothing about an export: grammar, and what every export of a library is.
const EMPTY = new Set(
  (
    'a an the of for to is are be this that these those and or in on by with as its it from at all any ' +
    'every each one ones some given new returns return gets get option options view views type types ' +
    'value values function functions interface object objects result results thing things here'
  ).split(' '),
);

/** `createInMemoryEventStore` → `create in memory event store`; `SMSBalance` → `sms balance`. */
export const splitName = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());

/** `creates`, `created`, `creating` and `create` all become `creat`; `entries` becomes `entry`. */
const stem = (word: string): string => {
  if (word.length <= 3) return word;
  const singular = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.replace(/([^s])s$/, '$1');
  return singular.replace(/(ed|ing)$/, '').replace(/e$/, '');
};

const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

type Part = { readonly kind: string; readonly text: string; readonly tag?: string };

/** The comment's summary (tags like `@example` do not count), in parts: text, code, links. */
const summaryOf = (r: Reflection): readonly Part[] =>
  r.comment?.summary ?? r.signatures?.find((s) => s.comment !== undefined)?.comment?.summary ?? [];

const IDENTIFIER = /^`?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(?:\(\))?`?$/;

/**
 * Whether a comment (its summary's parts) on an export named `name` says nothing its name does
 * not. Names it links to or quotes as code count as its own words: «Options of
 * {@link migrate}.» repeats `MigrateOptions`.
 */
export const isTautology = (name: string, parts: readonly Part[]): boolean => {
  const known = new Set(splitName(name).map(stem));
  const words: string[] = [];
  for (const part of parts) {
    const identifier = part.kind === 'text' ? null : IDENTIFIER.exec(part.text.trim());
    if (identifier !== null) for (const w of splitName(identifier[1] ?? '')) known.add(stem(w));
    else words.push(...wordsOf(part.text).flatMap(splitName));
  }
  return words.length > 0 && words.every((w) => EMPTY.has(w) || known.has(stem(w)));
};

/** The exports of `project` (a TypeDoc JSON project) whose comment is a tautology. */
export const tautologies = (project: Reflection): Tautology[] => {
  const found: Tautology[] = [];
  const modules = project.children?.some((c) => c.kind === 2) ? (project.children ?? []) : [project];
  for (const module of modules) {
    for (const exported of module.children ?? []) {
      const parts = summaryOf(exported);
      if (isTautology(exported.name, parts))
        found.push({
          path: `${module.name}.${exported.name}`,
          comment: parts
            .map((p) => p.text)
            .join('')
            .trim(),
        });
    }
  }
  return found;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = process.argv[2] ?? 'reports/api.json';
  const found = tautologies(JSON.parse(readFileSync(path, 'utf8')) as Reflection);
  for (const t of found) process.stderr.write(`${t.path}: «${t.comment}» says no more than its name\n`);
  if (found.length > 0) {
    process.stderr.write(`${found.length} doc comment(s) only repeat the export's name\n`);
    process.exitCode = 1;
  } else process.stdout.write('every export comment says more than its name\n');
}
