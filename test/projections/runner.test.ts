import fc from 'fast-check';
import { isRight, left } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountEvent, StoredAccountEvent } from '../../src/account/events.js';
import { createCommandHandler } from '../../src/account/handler.js';
import { roubles } from '../../src/catalogue/units.js';
import { storeError } from '../../src/kernel/errors.js';
import { createInMemoryEventStore } from '../../src/kernel/in-memory-event-store.js';
import {
  accountProjections,
  createCatchUpProjector,
  createInlineProjector,
  createInMemoryCheckpointStore,
  monthlyFee,
  withInlineProjections,
} from '../../src/projections/index.js';
import { history } from './arbitraries.js';

const command = (type: string, data: object, at: string, n: number) => ({
  type,
  data,
  metadata: { commandId: `c-${n}`, accountId: 'acc-1', at, actor: 'user-1' },
});

/** The must-show #1 account, through the real handler. */
const commands = [
  command('OpenAccount', { tariffId: 'basic' }, '2025-04-21T10:00:00+03:00', 1),
  ...Array.from({ length: 12 }, (_, i) =>
    command(
      'AddNumber',
      {
        number: `+7912000${String(i + 1).padStart(4, '0')}`,
        kind: 'regular',
        fullName: `Сотрудник ${i + 1}`,
        department: '',
      },
      '2025-04-21T10:05:00+03:00',
      10 + i,
    ),
  ),
  command('EnableRecording', {}, '2025-04-21T10:10:00+03:00', 30),
  command('AddStoragePack', {}, '2025-04-21T10:11:00+03:00', 31),
  command(
    'ConfigureNotification',
    { scenario: 'incoming-missed-call', sms: false, telegram: true, text: 'Мы перезвоним' },
    '2025-04-21T10:12:00+03:00',
    32,
  ),
];

const setUp = () => {
  const eventStore = createInMemoryEventStore<AccountEvent>();
  const inline = createInlineProjector(accountProjections);
  const handler = withInlineProjections(createCommandHandler({ eventStore }), inline);
  const run = async (list: readonly object[]) => {
    for (const c of list) {
      const outcome = await handler.handleUnknown(c)();
      if (!isRight(outcome)) throw new Error(`${JSON.stringify(c)}: ${JSON.stringify(outcome.left)}`);
    }
  };
  return { eventStore, inline, handler, run };
};

describe('inline runner', () => {
  it('updates the views of the stream right after each append (end to end through the handler)', async () => {
    const { inline, run } = setUp();
    await run(commands);
    const views = inline.views('account-acc-1')!;
    // 12 regular numbers: 2 beyond the included 10.
    expect(monthlyFee(views.billing).total).toBe(roubles(2650 + 2 * 40));
    expect(views.tariffCard.employeesInUse).toBe(12);
    expect(views.history.entries.length).toBe(inline.state().position);
  });

  it('applies nothing for a repeated command, and a stored event once even if delivered twice or early', async () => {
    const { eventStore, inline, handler, run } = setUp();
    await run(commands.slice(0, 3));
    const before = inline.views('account-acc-1');
    await handler.handleUnknown(commands[1])();
    expect(inline.views('account-acc-1')).toBe(before);
    const all = await eventStore.readAll()();
    if (!isRight(all)) throw new Error('read');
    const fresh = createInlineProjector(accountProjections);
    const [first, second, third] = all.right;
    fresh.applyStored([third!, second!]);
    // Events waiting for an earlier version are not applied: the account is not known yet.
    expect(fresh.views('account-acc-1')).toBeUndefined();
    expect(fresh.state().streams).toEqual({});
    fresh.applyStored([first!, second!]);
    expect(fresh.views('account-acc-1')).toStrictEqual(inline.views('account-acc-1'));
  });
});

describe('catch-up runner', () => {
  it('rebuilds from the log the same views as inline, follows appends, and resumes after stop', async () => {
    const { eventStore, inline, run } = setUp();
    await run(commands.slice(0, 8));
    const checkpoints = createInMemoryCheckpointStore();
    const options = {
      name: 'read-models',
      eventStore,
      projections: accountProjections,
      checkpoints,
      saveEvery: 3,
    };
    const projector = createCatchUpProjector(options);
    expect(isRight(await projector.start()())).toBe(true);
    await projector.caughtUp();
    expect(projector.state()).toStrictEqual(inline.state());

    await run(commands.slice(8, 12));
    await projector.caughtUp();
    expect(projector.state()).toStrictEqual(inline.state());

    await projector.stop();
    await run(commands.slice(12));
    expect(isRight(await checkpoints.load('read-models')())).toBe(true);
    expect(isRight(await projector.start()())).toBe(true);
    await projector.caughtUp();
    await projector.stop();
    expect(projector.state()).toStrictEqual(inline.state());
    const saved = await checkpoints.load('read-models')();
    expect(isRight(saved) && saved.right).toBe(inline.state().position);

    // A new process has the checkpoint but not the views: it rebuilds them.
    const restarted = createCatchUpProjector(options);
    expect(isRight(await restarted.start()())).toBe(true);
    await restarted.caughtUp();
    await restarted.stop();
    expect(restarted.state()).toStrictEqual(inline.state());
  });

  it('resumes from views a service kept at the checkpoint, without reading the log again', async () => {
    const { eventStore, inline, run } = setUp();
    await run(commands.slice(0, 5));
    const checkpoints = createInMemoryCheckpointStore();
    const first = createCatchUpProjector({
      name: 'p',
      eventStore,
      projections: accountProjections,
      checkpoints,
    });
    await first.start()();
    await first.caughtUp();
    await first.stop();
    const kept = first.state();
    await run(commands.slice(5));
    // Reading the log from the start would be a rebuild: this store refuses it.
    const noRebuild: typeof eventStore = {
      ...eventStore,
      readAll: (o) =>
        o?.after ? eventStore.readAll(o) : () => Promise.resolve(left(storeError('Unavailable', 'no'))),
    };
    const second = createCatchUpProjector({
      name: 'p',
      eventStore: noRebuild,
      projections: accountProjections,
      checkpoints,
      from: kept,
    });
    expect(isRight(await second.start()())).toBe(true);
    await second.caughtUp();
    await second.stop();
    expect(second.state()).toStrictEqual(inline.state());
    expect(second.views('account-acc-1')!.history.entries.length).toBe(inline.state().position);
    expect(second.views('account-nobody')).toBeUndefined();
  });

  it('refuses to rebuild while running', async () => {
    const { eventStore } = setUp();
    const projector = createCatchUpProjector({
      name: 'p',
      eventStore,
      projections: accountProjections,
      checkpoints: createInMemoryCheckpointStore(),
    });
    await projector.start()();
    const rebuilt = await projector.rebuild()();
    expect(!isRight(rebuilt) && rebuilt.left.code).toBe('Internal');
    expect(!isRight(await projector.start()())).toBe(true);
    await projector.stop();
  });
});

describe('rebuilding equals running inline (property)', () => {
  it('holds for any histories of several accounts appended in any batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), history(12)), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 5 }),
        async (accounts, batch) => {
          const eventStore = createInMemoryEventStore<AccountEvent>();
          const inline = createInlineProjector(accountProjections);
          for (const [account, events] of accounts) {
            for (let i = 0; i < events.length; i += batch) {
              const appended = await eventStore.appendToStream(
                `account-${account}`,
                events.slice(i, i + batch),
                {
                  expectedVersion: 'any',
                },
              )();
              if (!isRight(appended)) throw new Error('append');
              inline.applyStored(appended.right.events as readonly StoredAccountEvent[]);
            }
          }
          const rebuilt = createCatchUpProjector({
            name: 'x',
            eventStore,
            projections: accountProjections,
            checkpoints: createInMemoryCheckpointStore(),
            batchSize: 7,
          });
          await rebuilt.rebuild()();
          expect(rebuilt.state()).toStrictEqual(inline.state());
        },
      ),
      { numRuns: 40 },
    );
  });
});
