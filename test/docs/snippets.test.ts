/**
 * Every TypeScript block of the README and the docs compiles as a reader would paste it: a block
 * embedded from a tested file is checked by `npm run docs:embed -- --check` (docs.test.ts);
 * every other block is compiled here, whole, with its own imports, against the package's entry
 * points (`pbx-options`, `pbx-options/testing`, `pbx-options/postgres`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/embed-docs.js';
import { docPages } from './pages.js';

interface Snippet {
  readonly page: string;
  readonly line: number;
  readonly code: string;
  readonly embedded: boolean;
}

/** Every ```ts block of `page`, and whether an embed marker fills it. */
const snippetsOf = (page: string): Snippet[] => {
  const text = readFileSync(join(ROOT, page), 'utf8');
  const found: Snippet[] = [];
  for (const m of text.matchAll(/^([ \t]*)```(?:ts|typescript)\n([\s\S]*?)^\1```$/gm)) {
    const before = text.slice(0, m.index).trimEnd().split('\n').at(-1) ?? '';
    const indent = m[1] ?? '';
    const code = (m[2] ?? '')
      .split('\n')
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
      .join('\n');
    found.push({
      page,
      line: text.slice(0, m.index).split('\n').length,
      code,
      embedded: /<!-- embed: [^>]+ -->$/.test(before.trim()),
    });
  }
  return found;
};

const all = docPages().flatMap(snippetsOf);

const compile = (snippets: readonly Snippet[]) => {
  const files = new Map(
    snippets.map((s, i) => [join(ROOT, 'docs', `snippet-${i}.ts`), `${s.code}\nexport {};\n`] as const),
  );
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    baseUrl: ROOT,
    paths: {
      'pbx-options': ['src/index.ts'],
      'pbx-options/testing': ['src/testing/index.ts'],
      'pbx-options/postgres': ['src/postgres/index.ts'],
    },
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (file) => files.get(file) ?? read(file);
  const exists = host.fileExists.bind(host);
  host.fileExists = (file) => files.has(file) || exists(file);
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language) => {
    const text = files.get(file);
    return text === undefined ? getSource(file, language) : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file !== undefined && files.has(d.file.fileName))
    .map((d) => {
      const index = [...files.keys()].indexOf(d.file?.fileName ?? '');
      const s = snippets[index] as Snippet;
      const at = d.file?.getLineAndCharacterOfPosition(d.start ?? 0).line ?? 0;
      return `${s.page}:${s.line + 1 + at}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
};

describe('TypeScript in the docs', () => {
  it('is found: the README and the guides show code', () => {
    expect(all.length).toBeGreaterThan(15);
    expect(all.filter((s) => s.page === 'README.md')).not.toHaveLength(0);
  });

  it('every block not embedded from a tested file compiles whole, with its imports', () => {
    const loose = all.filter((s) => !s.embedded);
    expect(loose.length).toBeGreaterThan(0);
    for (const s of loose) expect(s.code, `${s.page}:${s.line}`).toMatch(/^import /m);
    expect(compile(loose)).toEqual([]);
  }, 120_000);
});
