import { type AccountEvent, accountEventRegistry } from '../../src/account/events.js';
import { createPostgresEventStore } from '../../src/postgres/index.js';
import { freshSchema, testPool } from '../postgres/harness.js';
import { runInputsConformance } from './inputs.conformance.js';

const pool = testPool();

runInputsConformance('PostgreSQL', {
  create: async () =>
    createPostgresEventStore<AccountEvent>({
      pool,
      registry: accountEventRegistry,
      schema: await freshSchema(pool, 'inputs'),
    }),
});
