import type { AccountEvent } from '../../src/account/events.js';
import { accountEventRegistry } from '../../src/account/events.js';
import { createInMemoryEventStore } from '../../src/kernel/in-memory-event-store.js';
import { runInputsConformance } from './inputs.conformance.js';

runInputsConformance('in memory (serialising, with a registry)', {
  create: async () => createInMemoryEventStore<AccountEvent>({ registry: accountEventRegistry }),
});
