/**
 * The docs cannot rot: embedded code equals the tested files it comes from, output excerpts are
 * what the demo and the CLI print, relative links lead to files that ship in the package (and
 * to headings that exist), every page stands on its own, and the README states the two commands
 * exactly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../examples/generate-log.js';
import { monthOfCalls } from '../../examples/month-of-calls.js';
import { EMBEDDING_DOCS, embedDocs, ROOT } from '../../scripts/embed-docs.js';
import { cli, writeLog } from '../cli/fixtures.js';
import { docPages } from './pages.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** NBSP (thousands in prices) reads as a space in a doc. */
const plain = (text: string) => text.replaceAll('\u00a0', ' ');

/** Whether `path` (from the root) is in the tarball npm publishes, by package.json `files`. */
const shipped = (path: string): boolean => {
  const files = JSON.parse(read('package.json')).files as string[];
  const always = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];
  return always.includes(path) || files.some((entry) => path === entry || path.startsWith(`${entry}/`));
};

/** The anchors of a Markdown page's headings, as GitHub and TypeDoc make them. */
const anchorsOf = (markdown: string): Set<string> =>
  new Set(
    [...markdown.matchAll(/^#{1,6} +(.+)$/gm)].map((m) =>
      (m[1] ?? '')
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );

/**
 * What a page must not lean on: the team's specification and tickets, the document the rules
 * were first written in, work sessions, and paths of the machine the docs were written on. A
 * rule is written out where it is used instead.
 */
const ELSEWHERE = [
  /\bSPEC\b/,
  /SPEC\.md/i,
  /\bdecisions?\s+(?:#|§)?\d/i,
  /\bissues?\s+#?\d/i,
  /§\s*\d/,
  // "The source" was the document the rules were first written in ("the source's screens", "as
  // the source counts it"); a source database or shard is another thing, and stays allowed.
  /\bthe\s+source's/i,
  /\bthe\s+source\s+(?:says|gives|shows|does|is\s+silent|prices|counts)\b/i,
  /\b(?:in|by|beyond|as|than|of)\s+the\s+source\b(?!\s+(?:shard|server|schema|pool|database|stream))/i,
  /\bthe\s+seed's/i,
  /\b(?:this|a|the|previous|earlier|work|helper's)\s+session\b(?!\s+(?:idle|pool))/i,
  /\bsession\s+\d/i,
  /\/work\/|\/home\/|\/root\//,
];

const EXCERPT = /<!-- excerpt: (demo|cli) ([^>]*?) -->\n```text\n([\s\S]*?)\n```\n<!-- \/excerpt -->/g;

describe('the docs', () => {
  it('embed the current text of the compiled, tested files (npm run docs:embed)', () => {
    expect(embedDocs({ check: true })).toEqual([]);
    for (const doc of EMBEDDING_DOCS.filter((d) => existsSync(join(ROOT, d)))) {
      expect(read(doc)).not.toMatch(/<!-- embed: [^>]+ -->\n<!-- \/embed -->/);
    }
  });

  it('show output excerpts that the demo and the CLI print', async () => {
    const excerpts = docPages().flatMap((doc) =>
      [...read(doc).matchAll(EXCERPT)].map((m) => ({ doc, kind: m[1], args: m[2], text: m[3] })),
    );
    expect(excerpts.length).toBeGreaterThanOrEqual(3);
    const lines: string[] = [];
    await generateLog({ events: 3_000, seed: 3, write: (line) => lines.push(line) });
    const log = writeLog(lines);
    const outputs = new Map<string, string>();
    for (const { doc, kind, args, text } of excerpts) {
      const key = `${kind} ${args}`;
      if (!outputs.has(key)) {
        const argv = (args ?? '').split(' ');
        const value = (name: string) => Number(argv[argv.indexOf(name) + 1]);
        const output =
          kind === 'demo'
            ? await monthOfCalls({ calls: value('--calls'), seed: value('--seed') })
            : (await cli(...argv.map((a) => (a === 'events.jsonl' ? log : a)))).out;
        outputs.set(key, plain(output));
      }
      expect(outputs.get(key), `${doc}: ${key}`).toContain(plain(text ?? ''));
    }
  });

  it('link only to files that ship in the package, and to headings those files have', () => {
    const broken: string[] = [];
    for (const doc of docPages()) {
      for (const [, target, anchor] of read(doc).matchAll(/\]\(([^)\s#]*)(?:#([^)\s]*))?\)/g)) {
        if (target === undefined || /^[a-z]+:/.test(target)) continue;
        const path = target === '' ? doc : normalize(join(dirname(doc), target));
        if (path.startsWith('..') || !existsSync(join(ROOT, path)))
          broken.push(`${doc} → ${target}: no such file`);
        else if (!shipped(path)) broken.push(`${doc} → ${target}: not in the published package`);
        else if (anchor !== undefined && path.endsWith('.md') && !anchorsOf(read(path)).has(anchor))
          broken.push(`${doc} → ${target}#${anchor}: no such heading`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('stand on their own: no reference to documents, tickets or machines a reader does not have', () => {
    const found: string[] = [];
    for (const doc of [...docPages(), 'CHANGELOG.md']) {
      const text = read(doc);
      // A newline is one character, as a space is: offsets stay, and a phrase may span two lines.
      const flat = text.replaceAll('\n', ' ');
      for (const pattern of ELSEWHERE) {
        for (const m of flat.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
          const line = text.slice(0, m.index).split('\n').length;
          found.push(`${doc}:${line}: ${m[0]}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('so does the API reference: no doc comment in src/ leans on an outside document either', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) {
          const text = read(path);
          for (const pattern of ELSEWHERE)
            for (const m of text
              .replaceAll('\n', ' ')
              .matchAll(new RegExp(pattern.source, `${pattern.flags}g`)))
              found.push(`${path}:${text.slice(0, m.index).split('\n').length}: ${m[0]}`);
        }
      }
    };
    walk('src');
    expect(found).toEqual([]);
  });

  it('are all on the map (docs/index.md)', () => {
    const map = read('docs/index.md');
    const missing = docPages()
      .filter((doc) => doc.startsWith('docs/') && doc !== 'docs/index.md')
      .map((doc) => relative('docs', doc))
      .filter((page) => !map.includes(`](${page})`));
    expect(missing).toEqual([]);
  });

  it('README states the two commands that set up and run everything on a fresh machine', () => {
    const readme = read('README.md');
    expect(readme).toContain('`npm ci && npm run demo`');
    expect(readme).toContain('`npm ci && npm test`');
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    expect(scripts.demo).toBe('tsx examples/month-of-calls.ts');
    expect(scripts.test).toBe('vitest run');
  });
});
