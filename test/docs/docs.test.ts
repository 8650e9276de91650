/**
 * The docs cannot rot: embedded code equals the tested files it comes from, output excerpts are
 * what the demo and the CLI print, relative links lead to files, and the README states the two
 * commands exactly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../examples/generate-log.js';
import { monthOfCalls } from '../../examples/month-of-calls.js';
import { EMBEDDING_DOCS, embedDocs, ROOT } from '../../scripts/embed-docs.js';
import { cli, writeLog } from '../cli/fixtures.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const docs = (): string[] => {
  const found = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'internal' && entry.name !== 'api') walk(path);
      else if (entry.name.endsWith('.md')) found.push(path);
    }
  };
  walk('docs');
  return found;
};
/** NBSP (thousands in prices) reads as a space in a doc. */
const plain = (text: string) => text.replaceAll('\u00a0', ' ');

const EXCERPT = /<!-- excerpt: (demo|cli) ([^>]*?) -->\n```text\n([\s\S]*?)\n```\n<!-- \/excerpt -->/g;

describe('the docs', () => {
  it('embed the current text of the compiled, tested files (npm run docs:embed)', () => {
    expect(embedDocs({ check: true })).toEqual([]);
    for (const doc of EMBEDDING_DOCS.filter((d) => existsSync(join(ROOT, d)))) {
      expect(read(doc)).not.toMatch(/<!-- embed: [^>]+ -->\n<!-- \/embed -->/);
    }
  });

  it('show output excerpts that the demo and the CLI print', async () => {
    const excerpts = docs().flatMap((doc) =>
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

  it('link only to files that exist', () => {
    const broken: string[] = [];
    for (const doc of docs()) {
      for (const [, target] of read(doc).matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        if (target === undefined || /^[a-z]+:/.test(target)) continue;
        if (!existsSync(join(ROOT, dirname(doc), target))) broken.push(`${doc} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('are all on the map (docs/index.md)', () => {
    const map = read('docs/index.md');
    const missing = docs()
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
