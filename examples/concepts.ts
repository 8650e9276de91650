/**
 * The ideas of the library in small runnable pieces, embedded in docs/concepts.md and run by
 * test/examples/concepts.test.ts: decide and evolve, validation of untrusted input,
 * idempotency by command id, and optimistic concurrency.
 * @module
 */
import {
  type AccountEvent,
  createAccountDecider,
  createCommandHandler,
  createInMemoryEventStore,
  decodeCommand,
  replay,
} from '../src/index.js';

const at = '2025-04-21T10:00:00+03:00';
const meta = (commandId: string) => ({ commandId, accountId: 'acme', at, actor: 'admin' });

/** A command is decided against a state into events; events fold into the next state. */
export const decideAndEvolve = () => {
  // #region decide
  const decider = createAccountDecider(); // prices: defaultCatalogue
  const open = { type: 'OpenAccount', data: { tariffId: 'basic' }, metadata: meta('c1') } as const;
  const opened = decider.decide(open, decider.initialState); // Right([AccountOpened])
  if (opened._tag === 'Left') throw new Error(opened.left.message);
  const state = opened.right.reduce(decider.evolve, decider.initialState);

  const addPack = { type: 'AddStoragePack', data: {}, metadata: meta('c2') } as const;
  const added = decider.decide(addPack, state); // Right([StoragePackAdded]): 1 of at most 9, 150 ₽ a month
  const renew = { type: 'RenewSubscription', data: {}, metadata: meta('c3') } as const;
  const refused = decider.decide(renew, state); // Left(DomainError 'RenewalNotDue'): paid until 21.05.2025
  const sameState = replay(opened.right); // a whole history folds at replay speed
  // #endregion decide
  return { opened: opened.right, state, added, refused, sameState };
};

/** Untrusted input is validated; errors name the failing path and the value. */
export const validate = () => {
  // #region validate
  const input = JSON.parse(
    '{"type":"SetVisitCardPeriod","data":{"direction":"incoming","months":13},' +
      '"metadata":{"commandId":"c3","accountId":"acme","at":"2025-04-21T10:00:00+03:00","actor":"admin"}}',
  );
  const decoded = decodeCommand(input);
  // Left: { _tag: 'ValidationError', message: 'data.months: expected an integer from 1 to 12, got 13', issues: [...] }
  // #endregion validate
  return decoded;
};

/** The same command id handled twice appends once and returns the first outcome. */
export const idempotency = async () => {
  // #region idempotency
  const eventStore = createInMemoryEventStore<AccountEvent>();
  const handler = createCommandHandler({ eventStore });
  const open = { type: 'OpenAccount', data: { tariffId: 'basic' }, metadata: meta('open-acme') } as const;

  const first = await handler.handle(open)(); // Right({ events: [AccountOpened], version: 1, duplicate: false })
  const again = await handler.handle(open)(); // Right({ events: [the same AccountOpened], version: 1, duplicate: true })
  const stream = await eventStore.readStream('account-acme')(); // one event
  // #endregion idempotency
  return { first, again, stream };
};

/** Two service instances write one stream: appends carry the expected version; conflicts retry. */
export const concurrency = async () => {
  // #region concurrency
  const eventStore = createInMemoryEventStore<AccountEvent>();
  const a = createCommandHandler({ eventStore });
  const b = createCommandHandler({ eventStore }); // another instance, its own cache
  await a.handle({ type: 'OpenAccount', data: { tariffId: 'basic' }, metadata: meta('open') })();

  // Both decide on version 1; one append wins, the other reloads the tail, decides again, appends.
  const [x, y] = await Promise.all([
    a.handle({ type: 'AddStoragePack', data: {}, metadata: meta('pack-a') })(),
    b.handle({ type: 'AddStoragePack', data: {}, metadata: meta('pack-b') })(),
  ]);

  // Writing to the store directly with a stale version is refused, and nothing is written.
  const event = {
    type: 'AutoRenewalSet',
    data: { enabled: false },
    metadata: { at, commandId: 'x', actor: 'admin' },
  } as const;
  const stale = await eventStore.appendToStream('account-acme', [event], { expectedVersion: 1 })();
  // Left: { _tag: 'ConcurrencyError', expectedVersion: 1, actualVersion: 3, ... }
  // #endregion concurrency
  return { x, y, stale };
};
