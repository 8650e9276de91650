/**
 * Command sequences a property once failed on, kept: each runs through the same runner and
 * invariants as the property suite, so the defect it exposed cannot come back unnoticed. A case
 * is a JSON file in `cases/` (see README.md for how to add one from a printed seed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../properties/support/catalogues.js';
import { runSteps } from '../properties/support/runner.js';
import type { Step } from '../properties/support/steps.js';

interface RegressionCase {
  readonly title: string;
  readonly foundBy: string;
  readonly catalogue: string;
  readonly startMs: number;
  readonly steps: readonly Step[];
}

const directory = join(import.meta.dirname, 'cases');
const cases = readdirSync(directory)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(join(directory, file), 'utf8')) as RegressionCase] as const);

describe('counterexamples kept as regression tests', () => {
  it('has cases to run', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const [file, c] of cases) {
    it(`${file}: ${c.title}`, () => {
      const catalogue = CATALOGUES[c.catalogue];
      expect(catalogue).toBeDefined();
      const result = runSteps(c.steps, c.startMs, catalogue === undefined ? {} : { catalogue });
      // The run checks every invariant after every event; it also must get as far as the case.
      expect(result.log.length).toBeGreaterThan(0);
    });
  }
});
