/**
 * Idempotency and concurrency through the command handler, rule by rule: a command id has one
 * outcome per account (events, a refusal, or nothing), returned to every later send of that id,
 * from any handler over the same store, also when two handlers race with it; two accounts may use
 * the same command id; concurrent commands of one account all apply, with gapless versions.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountCommand } from '../../src/account/commands.js';
import { accountStreamId, createCommandHandler, createInMemoryEventStore } from '../../src/index.js';
import { DAY_2, MKN, OPENED_AT } from './support.js';

const command = <C extends AccountCommand>(
  type: C['type'],
  data: C['data'],
  commandId: string,
  accountId = 'acc-1',
  at = DAY_2,
) => ({ type, data, metadata: { commandId, accountId, at, actor: 'user-1' } }) as C;
const open = (accountId = 'acc-1') =>
  command('OpenAccount', { tariffId: 'basic' }, `open-${accountId}`, accountId, OPENED_AT);

const setUp = async () => {
  const eventStore = createInMemoryEventStore();
  const handler = createCommandHandler({ eventStore });
  const opened = await handler.execute(open());
  if (!isRight(opened)) throw new Error('not opened');
  const stream = async (accountId = 'acc-1') => {
    const read = await eventStore.readStream(accountStreamId(accountId))();
    if (isLeft(read)) throw new Error(read.left.message);
    return read.right;
  };
  return { eventStore, handler, stream };
};

describe('a command id has one outcome', () => {
  it('handled again, an accepted command appends nothing and returns the first events, marked duplicate', async () => {
    const { handler, stream } = await setUp();
    const buy = command('PurchaseSmsPackage', { size: 500 }, 'buy-1');
    const first = await handler.execute(buy);
    const again = await handler.execute(buy);
    if (!isRight(first) || !isRight(again)) throw new Error('refused');
    expect(again.right.duplicate).toBe(true);
    expect(again.right.events).toEqual(first.right.events);
    expect((await stream()).filter((event) => event.type === 'SmsPackagePurchased')).toHaveLength(1);
  });

  it('a refusal repeated is the same refusal, even once the state would accept it', async () => {
    const { handler, stream } = await setUp();
    const tenth = command('RemoveStoragePack', {}, 'remove-1');
    const refused = await handler.execute(tenth);
    if (!isLeft(refused)) throw new Error('accepted');
    expect(refused.left.code).toBe('NoStoragePack');
    await handler.execute(command('AddStoragePack', {}, 'add-1'));
    const again = await handler.execute(tenth);
    if (!isLeft(again)) throw new Error('accepted the second time');
    expect(again.left).toEqual(refused.left);
    expect((await stream()).filter((event) => event.type === 'StoragePackRemoved')).toHaveLength(0);
  });

  it('an empty decision repeated appends nothing, also after a change', async () => {
    const { handler, stream } = await setUp();
    const same = command('SetAutoRenewal', { enabled: true }, 'renew-on');
    const first = await handler.execute(same);
    if (!isRight(first)) throw new Error('refused');
    expect(first.right.events).toHaveLength(0);
    await handler.execute(command('SetAutoRenewal', { enabled: false }, 'renew-off'));
    const again = await handler.execute(same);
    if (!isRight(again)) throw new Error('refused');
    expect(again.right.events).toHaveLength(0);
    expect(again.right.duplicate).toBe(true);
    expect((await stream()).filter((event) => event.type === 'AutoRenewalSet')).toHaveLength(1);
  });

  it('another handler over the same store returns the recorded outcome', async () => {
    const { eventStore, handler, stream } = await setUp();
    const buy = command('PurchaseSmsPackage', { size: 1000 }, 'buy-2');
    await handler.execute(buy);
    const other = createCommandHandler({ eventStore });
    const again = await other.execute(buy);
    if (!isRight(again)) throw new Error('refused');
    expect(again.right.duplicate).toBe(true);
    expect((await stream()).filter((event) => event.type === 'SmsPackagePurchased')).toHaveLength(1);
  });

  it('two handlers racing with the same id: exactly one decides', async () => {
    const { eventStore, stream } = await setUp();
    const handlers = Array.from({ length: 4 }, () => createCommandHandler({ eventStore }));
    const buy = command('PurchaseSmsPackage', { size: 3000 }, 'buy-race');
    const outcomes = await Promise.all(
      handlers.flatMap((handler) => [handler.execute(buy), handler.execute(buy)]),
    );
    expect(outcomes.every(isRight)).toBe(true);
    expect(outcomes.filter((outcome) => isRight(outcome) && !outcome.right.duplicate)).toHaveLength(1);
    expect((await stream()).filter((event) => event.type === 'SmsPackagePurchased')).toHaveLength(1);
  });

  it('two accounts may use the same command id', async () => {
    const { handler, stream } = await setUp();
    await handler.execute(open('acc-2'));
    const one = await handler.execute(command('AddMultichannelNumber', { number: MKN }, 'same-id', 'acc-1'));
    const two = await handler.execute(command('AddMultichannelNumber', { number: MKN }, 'same-id', 'acc-2'));
    if (!isRight(one) || !isRight(two)) throw new Error('refused');
    expect([one.right.duplicate, two.right.duplicate]).toEqual([false, false]);
    expect((await stream('acc-2')).map((event) => event.type)).toContain('MultichannelNumberAdded');
  });
});

describe('concurrency: appends carry the expected version, conflicts are retried', () => {
  it('commands of one account sent at once through several handlers all apply, versions gapless', async () => {
    const { eventStore, stream } = await setUp();
    const handlers = Array.from({ length: 4 }, () => createCommandHandler({ eventStore }));
    const numbers = Array.from({ length: 12 }, (_, i) => `+7916700${String(i).padStart(4, '0')}`);
    const outcomes = await Promise.all(
      numbers.map((number, i) =>
        handlers[i % handlers.length]!.execute(
          command(
            'AddNumber',
            { number, kind: 'regular', fullName: `Сотрудник ${i}`, department: '' },
            `add-${i}`,
          ),
        ),
      ),
    );
    expect(outcomes.every(isRight)).toBe(true);
    const events = await stream();
    expect(events.filter((event) => event.type === 'NumberAdded')).toHaveLength(12);
    expect(events.map((event) => event.metadata.version)).toEqual(events.map((_, i) => i + 1));
  });
});
