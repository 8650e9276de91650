/**
 * The package's version, read from its own `package.json`: next to `dist/` once installed, two
 * folders up from the sources in a clone. `undefined` when neither is found.
 * @module
 */
import { readFileSync } from 'node:fs';

/** The version in the `package.json` of `pbx-options` nearest to this module. */
export const packageVersion = (): string | undefined => {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === 'pbx-options' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // Not there: try the next place.
    }
  }
  return undefined;
};
