/**
 * The vitest configuration Stryker runs (`npm run test:mutation`): every unit test of the domain,
 * without the PostgreSQL adapter's tests (not mutated, and they need a server), the CLI's or the
 * docs' own checks, and
 * with the property and fuzz suites at a mutation size: 400 sequences and 2 % of the fuzz inputs,
 * a fixed seed (a mutant is killed or not, run after run), no shrinking.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/postgres/**',
      'test/conformance/postgres.test.ts',
      'test/examples/postgres-service.test.ts',
      'test/cli/**',
      // The docs' own checks (embedded code, CLI excerpts, the map) are not about the domain.
      'test/docs/**',
      '**/node_modules/**',
    ],
    testTimeout: 60_000,
    env: {
      PBX_PROPERTY_RUNS: '400',
      PBX_PROPERTY_SEED: '20251127',
      PBX_PROPERTY_NO_SHRINK: '1',
      PBX_FUZZ_SCALE: '0.02',
    },
  },
});
