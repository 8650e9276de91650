// Packs the package as npm would publish it, then checks the tarball with publint and
// are-the-types-wrong (every entry point, every resolution mode), and that it carries the docs a
// README link or the API reference leads to. Exits non-zero on a problem.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const out = mkdtempSync(join(tmpdir(), 'pbx-options-pack-'));
try {
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', out], { encoding: 'utf8' });
  const [{ filename, files }] = JSON.parse(json);
  const tarball = join(out, filename);
  console.log(`packed ${tarball}`);
  const packed = new Set(files.map((f) => f.path));
  const needed = ['dist/cli.js', 'docs/index.md', 'docs/event-log.schema.json', 'docs/api/index.html'];
  const missing = needed.filter((path) => !packed.has(path));
  if (missing.length > 0)
    throw new Error(`not in the tarball: ${missing.join(', ')} (run npm run docs first)`);
  run('npx', ['publint', '--strict', tarball]);
  run('npx', ['attw', '--pack', '.', '--format', 'table-flipped']);
} finally {
  rmSync(out, { recursive: true, force: true });
}
