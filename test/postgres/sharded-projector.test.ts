/**
 * The projection runner over a sharded store: one catch-up projector per shard, each with its own
 * checkpoint; an account's views are its shard's. A shard whose log cannot be read stops only its
 * own projector, which starts again from its checkpoint once the shard answers.
 */
import { isLeft, isRight, left, right } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../src/account/events.js';
import { createCommandHandler } from '../../src/account/handler.js';
import { createInMemoryEventStore, type EventStore, storeError } from '../../src/kernel/index.js';
import { startCatchUp } from '../../src/kernel/subscription.js';
import { createShardedEventStore, createShardedProjector } from '../../src/postgres/index.js';
import {
  accountProjections,
  createInlineProjector,
  createInMemoryCheckpointStore,
  withInlineProjections,
} from '../../src/projections/index.js';

/** A store whose log can be made unreadable (as when its server is down for readers). */
const flaky = (store: EventStore<AccountEvent>) => {
  let down = false;
  const unavailable = () => storeError('Unavailable', 'the shard does not answer');
  const readAll: EventStore<AccountEvent>['readAll'] = (o) => () =>
    down ? Promise.resolve(left(unavailable())) : store.readAll(o)();
  const wrapped: EventStore<AccountEvent> = {
    ...store,
    readAll,
    subscribe: (o) =>
      startCatchUp(
        {
          readAll,
          head: async () => {
            if (down) throw unavailable();
            const all = await store.readAll()();
            return isRight(all) ? (all.right.at(-1)?.metadata.globalPosition ?? 0) : 0;
          },
          waitForAppend: (_after, signal) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, 5);
              signal.addEventListener(
                'abort',
                () => {
                  clearTimeout(timer);
                  resolve();
                },
                { once: true },
              );
            }),
        },
        o,
      ),
  };
  return {
    store: wrapped,
    setDown: (value: boolean) => {
      down = value;
    },
  };
};

const command = (account: string, type: string, data: object, n: number) => ({
  type,
  data,
  metadata: {
    commandId: `${account}-${n}`,
    accountId: account,
    at: '2025-04-21T10:00:00+03:00',
    actor: 'user-1',
  },
});

const numberOf = (account: number, n: number) =>
  `+7912${String(account).padStart(3, '0')}${String(n).padStart(4, '0')}`;

describe('a projector over a sharded store', () => {
  it('gives each account the views of its shard, rides out a shard that cannot be read, and catches up after', async () => {
    const shards = ['a', 'b', 'c'].map((id) => ({
      id,
      ...flaky(createInMemoryEventStore<AccountEvent>()),
      checkpoints: createInMemoryCheckpointStore(),
    }));
    const sharded = createShardedEventStore<AccountEvent>({
      shards: shards.map(({ id, store, checkpoints }) => ({ id, store, checkpoints })),
    });
    const inline = createInlineProjector(accountProjections);
    const handler = withInlineProjections(createCommandHandler({ eventStore: sharded }), inline);
    const accounts = Array.from({ length: 9 }, (_, i) => `acc-${i}`);
    const run = async (list: readonly object[]) => {
      for (const c of list) {
        const outcome = await handler.handleUnknown(c)();
        if (!isRight(outcome)) throw new Error(`${JSON.stringify(c)}: ${JSON.stringify(outcome.left)}`);
      }
    };
    await run(accounts.map((a) => command(a, 'OpenAccount', { tariffId: 'basic' }, 0)));
    const addNumbers = (from: number, to: number) =>
      run(
        accounts.flatMap((a, i) =>
          Array.from({ length: to - from }, (_, k) =>
            command(
              a,
              'AddNumber',
              {
                number: numberOf(i, from + k),
                kind: 'regular',
                fullName: `Сотрудник ${from + k}`,
                department: '',
              },
              1 + from + k,
            ),
          ),
        ),
      );
    await addNumbers(0, 3);

    const errors: string[] = [];
    const projector = createShardedProjector({
      name: 'read-models',
      store: sharded,
      projections: accountProjections,
      saveEvery: 2,
      retryMs: 10,
      onError: (_, shard) => void errors.push(shard),
    });
    expect(await projector.start()()).toEqual(right(undefined));
    expect(await projector.caughtUp()).toEqual(right(undefined));
    const same = () => {
      for (const a of accounts) {
        expect(projector.views(`account-${a}`)).toStrictEqual(inline.views(`account-${a}`));
      }
    };
    same();
    expect([...projector.shards.keys()]).toEqual(['a', 'b', 'c']);

    // Shard b's log cannot be read: its projector stops and keeps trying; the others follow.
    shards[1]!.setDown(true);
    await addNumbers(3, 6);
    await expect.poll(async () => isLeft(await projector.caughtUp()), { timeout: 10_000 }).toBe(true);
    expect(errors).toContain('b');
    expect(errors.every((shard) => shard === 'b')).toBe(true);
    const onB = (a: string) => sharded.shardFor(`account-${a}`) === sharded.shards[1];
    for (const a of accounts.filter((x) => !onB(x))) {
      await expect
        .poll(() => projector.views(`account-${a}`), { timeout: 10_000 })
        .toStrictEqual(inline.views(`account-${a}`));
    }
    expect(accounts.some(onB)).toBe(true);

    shards[1]!.setDown(false);
    await expect.poll(async () => isRight(await projector.caughtUp()), { timeout: 10_000 }).toBe(true);
    same();
    await projector.stop();
    // Each shard's checkpoint is in its own store.
    for (const shard of shards) {
      const saved = await shard.checkpoints.load('read-models')();
      expect(isRight(saved) && saved.right).toBeGreaterThan(0);
    }
  });
});
