/**
 * The handler and the in-memory store share no object with their callers: a caller that changes
 * whatever it can reach (the command it sent, the events it got back, what a subscriber or a read
 * received) changes neither the history nor the state decisions are made on.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountCommand } from '../../src/account/commands.js';
import { createAccountDecider } from '../../src/account/decider.js';
import type { AccountEvent } from '../../src/account/events.js';
import { accountStreamId, createCommandHandler } from '../../src/account/handler.js';
import { createInMemoryEventStore } from '../../src/kernel/in-memory-event-store.js';
import type { EventStore, StoredEvent } from '../../src/kernel/index.js';

const MB = 1024 * 1024;
const ACCOUNT = 'acme';
const decider = createAccountDecider();

const at = (minute: number) => `2025-04-21T10:${String(minute).padStart(2, '0')}:00+03:00`;

/** A month's worth of account commands in small: numbers, recordings that fill storage, calls, notices. */
const script = (): AccountCommand[] => {
  const raw: Array<[string, unknown]> = [
    ['OpenAccount', { tariffId: 'basic' }],
    ['AddMultichannelNumber', { number: '+74951234567' }],
    ['EnableRecording', {}],
    ['SetAutoAddPacks', { enabled: true }],
    [
      'AddNumber',
      { number: '+79123456780', kind: 'regular', fullName: 'Иванов Иван', department: 'Продажи' },
    ],
    ['EnableNumberOption', { option: 'callerId', numbers: ['+79123456780'] }],
    ['PurchaseSmsPackage', { size: 500 }],
    [
      'ConfigureNotification',
      { scenario: 'incoming-missed-call', sms: true, telegram: true, text: 'Перезвоним!' },
    ],
  ];
  for (let i = 0; i < 8; i++) {
    raw.push([
      'StoreRecording',
      {
        recordingId: `rec-${i}`,
        callId: `call-${i}`,
        source: { kind: 'multichannel', number: '+74951234567' },
        sizeBytes: 900 * MB,
        durationSeconds: 600,
        recordedAt: at(10 + i),
      },
    ]);
    raw.push([
      'RegisterCall',
      {
        callId: `missed-${i}`,
        direction: 'incoming',
        line: 'multichannel',
        multichannelNumber: '+74951234567',
        client: `+7916123456${i}`,
        outcome: 'missed',
      },
    ]);
  }
  raw.push(['DeleteRecording', { recordingId: 'rec-7' }]);
  return raw.map(
    ([type, data], i) =>
      ({
        type,
        data,
        metadata: { commandId: `c-${i}`, accountId: ACCOUNT, at: at(Math.min(59, 10 + i)), actor: 'admin' },
      }) as AccountCommand,
  );
};

/** Changes every field it can reach; frozen objects refuse, which is the point. */
const vandalise = (value: unknown, depth = 0): void => {
  if (typeof value !== 'object' || value === null || depth > 8) return;
  const attempt = (change: () => void) => {
    try {
      change();
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
  };
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (typeof field === 'object' && field !== null) vandalise(field, depth + 1);
    attempt(() => {
      if (typeof field === 'number') record[key] = 1;
      else if (typeof field === 'string') record[key] = `${field}!`;
      else if (typeof field === 'boolean') record[key] = !field;
    });
  }
  if (Array.isArray(value)) attempt(() => value.push(value[0]));
  attempt(() => {
    record.vandalised = true;
  });
};

const plain = (events: readonly StoredEvent<AccountEvent>[]) => JSON.parse(JSON.stringify(events));

const read = async (store: EventStore<AccountEvent>) => {
  const events = await store.readStream(accountStreamId(ACCOUNT))();
  if (isLeft(events)) throw new Error(events.left.message);
  return events.right;
};

describe('nothing is shared with callers', () => {
  it('a caller changing everything it can reach leaves the history and the decided state as they were', async () => {
    // The reference: the same commands, nobody touching anything.
    const reference = createInMemoryEventStore<AccountEvent>();
    const calm = createCommandHandler({ eventStore: reference });
    for (const command of script()) {
      const result = await calm.execute(command);
      if (isLeft(result)) throw new Error(`${command.type}: ${result.left.message}`);
    }

    const store = createInMemoryEventStore<AccountEvent>();
    const subscription = store.subscribe({ onEvent: (event) => vandalise(event) });
    const warm = createCommandHandler({ eventStore: store });
    const cold = createCommandHandler({ eventStore: store, cacheSize: 0 }); // replays the stream each time
    for (const [i, command] of script().entries()) {
      const handler = i % 2 === 0 ? warm : cold;
      const pending = handler.execute(command);
      vandalise(command); // while it is being handled
      const result = await pending;
      if (isLeft(result)) throw new Error(`${command.type}: ${result.left.message}`);
      vandalise(result.right);
      vandalise(result.right.events);
      const readBack = await read(store);
      vandalise(readBack);
      (readBack as unknown[]).reverse();
    }
    await subscription.caughtUp();
    await subscription.stop();

    const history = await read(store);
    expect(plain(history)).toEqual(plain(await read(reference)));
    expect(decider.fold(history)).toEqual(decider.fold(await read(reference)));
    // The states the handlers decide on are intact: the next commands are decided alike.
    for (const [i, handler] of [warm, cold].entries()) {
      const next = {
        type: 'StoreRecording',
        data: {
          recordingId: `rec-next-${i}`,
          callId: `call-next-${i}`,
          source: { kind: 'multichannel', number: '+74951234567' },
          sizeBytes: 2_000 * MB,
          durationSeconds: 60,
          recordedAt: at(59),
        },
        metadata: { commandId: `c-next-${i}`, accountId: ACCOUNT, at: at(59), actor: 'admin' },
      } as AccountCommand;
      const expected = await calm.execute(structuredClone(next));
      const actual = await handler.execute(next);
      if (isLeft(expected) || isLeft(actual)) throw new Error('the next recording was refused');
      expect(plain(actual.right.events)).toEqual(plain(expected.right.events));
    }
  });
});
