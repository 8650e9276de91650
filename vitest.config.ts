import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Starts one PostgreSQL for the run when a selected test needs it (or uses PBX_PG_URL).
    globalSetup: ['test/support/postgres.ts'],
  },
});
