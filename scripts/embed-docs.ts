/**
 * Keeps the code in the docs compiled and tested: a Markdown block
 *
 *     <!-- embed: examples/quick-start.ts#service -->
 *     ```ts
 *     …
 *     ```
 *     <!-- /embed -->
 *
 * is replaced by the region `service` of that file (between `// #region service` and
 * `// #endregion service`; the whole file without a `#name`), dedented, with the repository's
 * relative imports of the entry points written as a consumer writes them (`../src/index.js` →
 * `pbx-options`, `…/src/testing/index.js` → `pbx-options/testing`, `…/src/postgres/index.js` →
 * `pbx-options/postgres`, and likewise `pbx-options/schema` and `pbx-options/sms`). The files
 * embedded are type-checked by `npm run typecheck` and run by tests under test/examples;
 * test/docs fails when a doc is out of date.
 *
 *     npm run docs:embed            # rewrite the docs
 *     npm run docs:embed -- --check # exit 1 and list the docs out of date
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LOG_SCHEMA_PATH, logSchemaText } from './log-schema.js';

/** The repository's root folder. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Docs that embed code (paths from the root). */
export const EMBEDDING_DOCS = [
  'README.md',
  'docs/concepts.md',
  'docs/integrating.md',
  'docs/testing.md',
  'docs/upgrading-events.md',
  'docs/cli.md',
  'docs/schema.md',
];

const BLOCK = /^([ \t]*)<!-- embed: ([^\s#]+)(?:#([\w-]+))? -->\n[\s\S]*?^[ \t]*<!-- \/embed -->/gm;
const MARKER = /^\s*\/\/ #(?:end)?region\b/;
const LANGUAGES: Record<string, string> = { '.ts': 'ts', '.mjs': 'js', '.json': 'json', '.sh': 'sh' };

/** The lines of region `name` of `source` (the whole source without a name), markers removed. */
export const regionOf = (source: string, name: string | undefined, file = '?'): string => {
  const lines = source.replace(/\n$/, '').split('\n');
  let body = lines;
  if (name !== undefined) {
    const start = lines.findIndex((l) => l.trim() === `// #region ${name}`);
    const end = lines.findIndex((l, i) => i > start && l.trim() === `// #endregion ${name}`);
    if (start < 0 || end < 0) throw new Error(`${file}: no region ${name}`);
    body = lines.slice(start + 1, end);
  }
  body = body.filter((l) => !MARKER.test(l));
  const indent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
};

/** Relative imports of the package's entry points, as a consumer writes them. */
export const publicImports = (code: string): string =>
  code
    .replace(/(['"])(?:\.\.?\/)+src\/testing\/index\.js\1/g, "'pbx-options/testing'")
    .replace(/(['"])(?:\.\.?\/)+src\/postgres\/index\.js\1/g, "'pbx-options/postgres'")
    .replace(/(['"])(?:\.\.?\/)+src\/schema\/entry\.js\1/g, "'pbx-options/schema'")
    .replace(/(['"])(?:\.\.?\/)+src\/sms\/entry\.js\1/g, "'pbx-options/sms'")
    .replace(/(['"])(?:\.\.?\/)+src\/index\.js\1/g, "'pbx-options'");

/**
 * A doc with every embed block brought up to date. `read` gets a path from the root. A block
 * indented (inside a list item) is filled with lines indented the same.
 */
export const renderDoc = (text: string, read: (path: string) => string): string =>
  text.replace(BLOCK, (_, indent: string, file: string, name: string | undefined) => {
    const code = publicImports(regionOf(read(file), name, file));
    const language = LANGUAGES[extname(file)] ?? 'text';
    const block = [
      `<!-- embed: ${file}${name === undefined ? '' : `#${name}`} -->`,
      `\`\`\`${language}`,
      code,
      '```',
      '<!-- /embed -->',
    ];
    return block
      .join('\n')
      .split('\n')
      .map((line) => (line === '' ? '' : `${indent}${line}`))
      .join('\n');
  });

/**
 * Brings the docs and the event log's JSON Schema up to date (or, with `check`, only says which
 * are not); returns those that were not.
 */
export const embedDocs = (options: { readonly root?: string; readonly check: boolean }): string[] => {
  const root = options.root ?? ROOT;
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const stale: string[] = [];
  const schema = logSchemaText();
  const schemaPath = join(root, LOG_SCHEMA_PATH);
  if (!existsSync(schemaPath) || readFileSync(schemaPath, 'utf8') !== schema) {
    stale.push(LOG_SCHEMA_PATH);
    if (!options.check) writeFileSync(schemaPath, schema);
  }
  for (const doc of EMBEDDING_DOCS) {
    if (!existsSync(join(root, doc))) continue;
    const text = read(doc);
    const next = renderDoc(text, read);
    if (next === text) continue;
    stale.push(doc);
    if (!options.check) writeFileSync(join(root, doc), next);
  }
  return stale;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const check = process.argv.includes('--check');
  const stale = embedDocs({ check });
  if (check && stale.length > 0) {
    process.stderr.write(`out of date (run npm run docs:embed): ${stale.join(', ')}\n`);
    process.exitCode = 1;
  } else if (!check) {
    process.stdout.write(stale.length === 0 ? 'docs up to date\n' : `updated ${stale.join(', ')}\n`);
  }
}
