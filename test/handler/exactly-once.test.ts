/**
 * A command id has one outcome in its account, whichever handler decides it and however often
 * it is sent: appended events, a refusal or nothing, decided once and returned as recorded.
 */
import { type Either, isLeft, isRight, right } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountCommand, AccountCommandOf, AccountCommandType } from '../../src/account/commands.js';
import type { AccountEvent } from '../../src/account/events.js';
import {
  type AccountCommandHandler,
  accountStreamId,
  createCommandHandler,
} from '../../src/account/handler.js';
import { createInMemoryEventStore } from '../../src/kernel/in-memory-event-store.js';
import type { EventStore, StoredEvent } from '../../src/kernel/index.js';
import { holdAfterLookup } from '../support/held-lookup.js';

const AT = '2025-04-21T10:00:00+03:00';

const command = <K extends AccountCommandType>(
  accountId: string,
  commandId: string,
  type: K,
  data: AccountCommandOf<K>['data'],
): AccountCommandOf<K> =>
  ({ type, data, metadata: { commandId, accountId, at: AT, actor: 'admin' } }) as AccountCommandOf<K>;

const must = async <A>(result: Promise<Either<unknown, A>>): Promise<A> => {
  const settled = await result;
  if (isLeft(settled)) throw new Error(`expected success, got ${JSON.stringify(settled.left)}`);
  return settled.right;
};

const streamOf = async (store: EventStore<AccountEvent>, accountId: string) =>
  must(store.readStream(accountStreamId(accountId))());

const opened = async (store: EventStore<AccountEvent>, ...accounts: string[]) => {
  const handler = createCommandHandler({ eventStore: store });
  for (const id of accounts)
    await must(handler.execute(command(id, `open-${id}`, 'OpenAccount', { tariffId: 'basic' })));
};

const buy = (accountId: string, commandId: string) =>
  command(accountId, commandId, 'PurchaseSmsPackage', { size: 500 });

const purchases = (events: readonly StoredEvent<AccountEvent>[]) =>
  events.flatMap((e) => (e.type === 'SmsPackagePurchased' ? [e.data.balanceAfter] : []));

describe('a command id has one outcome', () => {
  it('a handler that looked the id up just before another appended it returns that first outcome: one package bought', async () => {
    const store = createInMemoryEventStore<AccountEvent>();
    await opened(store, 'acme');
    const { store: slow, lookedUp: bLookedUp, release } = holdAfterLookup(store);
    const a = createCommandHandler({ eventStore: store });
    const b = createCommandHandler({ eventStore: slow });
    const fromB = b.execute(buy('acme', 'buy-1'));
    await bLookedUp; // B found nothing
    const fromA = await must(a.execute(buy('acme', 'buy-1')));
    release();
    expect(await fromB).toEqual(right({ ...fromA, duplicate: true }));
    expect(fromA).toMatchObject({ duplicate: false, version: 2 });
    expect(purchases(await streamOf(store, 'acme'))).toEqual([500]);
  });

  it('applies 1 000 commands, each sent 3 times through 4 handlers at once, exactly once with gapless versions', async () => {
    const store = createInMemoryEventStore<AccountEvent>();
    const accounts = Array.from({ length: 10 }, (_, i) => `acc-${i}`);
    await opened(store, ...accounts);
    const handlers = [0, 1, 2, 3].map(() => createCommandHandler({ eventStore: store }));
    const commands = Array.from({ length: 1_000 }, (_, i) => buy(accounts[i % 10]!, `buy-${i}`));
    // Each command three times, through different handlers, interleaved with the others.
    const sends = [0, 1, 2].flatMap((round) =>
      commands.map((c, i) => ({ command: c, handler: handlers[(i + round) % 4]! })),
    );
    const results = await Promise.all(sends.map(({ command: c, handler }) => handler.execute(c)));
    expect(results.filter(isLeft)).toEqual([]);
    for (const id of accounts) {
      const events = await streamOf(store, id);
      expect(events.map((e) => e.metadata.version)).toEqual(events.map((_, i) => i + 1));
      // Balances run 500, 1 000, … 50 000: no purchase lost, none doubled.
      expect(purchases(events)).toEqual(Array.from({ length: 100 }, (_, i) => 500 * (i + 1)));
    }
    const fresh = results.filter((r) => isRight(r) && !r.right.duplicate);
    expect(fresh).toHaveLength(1_000);
    // All three sends of a command got the same events.
    const answers = new Map<string, string>();
    results.forEach((result, i) => {
      const id = sends[i]!.command.metadata.commandId;
      const events = JSON.stringify(isRight(result) && result.right.events);
      expect(answers.get(id) ?? events).toBe(events);
      answers.set(id, events);
    });
  });

  it('applies the same command id in two accounts, once in each', async () => {
    const store = createInMemoryEventStore<AccountEvent>();
    await opened(store, 'one', 'two');
    const handler = createCommandHandler({ eventStore: store });
    const first = await must(handler.execute(buy('one', 'shared-id')));
    const second = await must(handler.execute(buy('two', 'shared-id')));
    expect([first.duplicate, second.duplicate]).toEqual([false, false]);
    expect(first.events[0]?.metadata.eventId).toBe(second.events[0]?.metadata.eventId);
    expect(purchases(await streamOf(store, 'one'))).toEqual([500]);
    expect(purchases(await streamOf(store, 'two'))).toEqual([500]);
    expect(await handler.execute(buy('two', 'shared-id'))).toEqual(right({ ...second, duplicate: true }));
  });

  it('answers a refusal sent again with the same refusal, from another handler too, even once the command would succeed', async () => {
    const store = createInMemoryEventStore<AccountEvent>();
    await opened(store, 'acme');
    const one = createCommandHandler({ eventStore: store });
    const remove = command('acme', 'remove-1', 'RemoveStoragePack', {});
    const refused = await one.execute(remove);
    expect(isLeft(refused) && refused.left).toMatchObject({ _tag: 'DomainError', code: 'NoStoragePack' });
    await must(one.execute(command('acme', 'add-1', 'AddStoragePack', {})));
    const before = await streamOf(store, 'acme');
    // Decided now, `remove-1` would remove the pack; it was refused, and that is its outcome.
    for (const handler of [one, createCommandHandler({ eventStore: store })]) {
      expect(await handler.execute(remove)).toEqual(refused);
    }
    expect(await streamOf(store, 'acme')).toEqual(before);
    // A new id is a new command.
    expect(isRight(await one.execute(command('acme', 'remove-2', 'RemoveStoragePack', {})))).toBe(true);
  });

  it('answers an empty decision sent again with nothing, from another handler too, even once it would append', async () => {
    const store = createInMemoryEventStore<AccountEvent>();
    await opened(store, 'acme');
    const one = createCommandHandler({ eventStore: store });
    const on = command('acme', 'renew-on', 'SetAutoRenewal', { enabled: true }); // it already is
    const first = await must(one.execute(on));
    expect(first).toEqual({ events: [], version: 1, duplicate: false });
    await must(one.execute(command('acme', 'renew-off', 'SetAutoRenewal', { enabled: false })));
    for (const handler of [one, createCommandHandler({ eventStore: store })]) {
      expect(await handler.execute(on)).toEqual(right({ ...first, duplicate: true }));
    }
    expect((await streamOf(store, 'acme')).map((e) => e.type)).toEqual(['AccountOpened', 'AutoRenewalSet']);
  });

  it('neither decides nor records a command that fails validation: fixed and sent again, it applies', async () => {
    const store = createInMemoryEventStore<AccountEvent>();
    await opened(store, 'acme');
    const handler: AccountCommandHandler = createCommandHandler({ eventStore: store });
    const invalid = { ...buy('acme', 'buy-1'), data: { size: -1 } };
    const refused = await handler.handleUnknown(invalid)();
    expect(isLeft(refused) && refused.left).toMatchObject({ _tag: 'ValidationError' });
    const found = await must(store.findCommand(accountStreamId('acme'), 'buy-1')());
    expect(found._tag).toBe('None');
    const applied = await must(handler.execute(buy('acme', 'buy-1')));
    expect(applied.duplicate).toBe(false);
    expect(purchases(applied.events)).toEqual([500]);
  });

  it('takes the same command through handle, handleUnknown and execute alike', async () => {
    const store = createInMemoryEventStore<AccountEvent>();
    await opened(store, 'acme');
    const handler = createCommandHandler({ eventStore: store });
    const c: AccountCommand = buy('acme', 'buy-1');
    const first = await handler.handle(c)();
    const viaJson = await handler.handleUnknown(JSON.parse(JSON.stringify(c)))();
    const viaPromise = await handler.execute(c);
    expect(isRight(first) && first.right.duplicate).toBe(false);
    expect(viaJson).toEqual(isRight(first) && right({ ...first.right, duplicate: true }));
    expect(viaPromise).toEqual(viaJson);
  });
});
