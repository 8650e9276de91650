/** CHANGELOG.md keeps the Keep a Changelog form, so tools and readers find each release. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/embed-docs.js';

const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
const versions = [...changelog.matchAll(/^## \[([^\]]+)\](.*)$/gm)].map((m) => ({ name: m[1], rest: m[2] }));

describe('CHANGELOG.md', () => {
  it('opens with Unreleased, then releases newest first, each with its date', () => {
    expect(versions[0]).toEqual({ name: 'Unreleased', rest: '' });
    const released = versions.slice(1);
    expect(released.length).toBeGreaterThan(0);
    for (const v of released) {
      expect(v.name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(v.rest).toMatch(/^ - \d{4}-\d{2}-\d{2}$/);
    }
    const dates = released.map((v) => v.rest);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('the version in package.json is released, or the next one is planned', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(versions.map((v) => v.name)).toContain(version);
  });

  it('groups changes under the standard headings only, and links every version', () => {
    for (const [, heading] of changelog.matchAll(/^### (.+)$/gm))
      expect(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']).toContain(heading);
    for (const v of versions) expect(changelog).toMatch(new RegExp(`^\\[${v.name}\\]: https://`, 'm'));
  });
});
