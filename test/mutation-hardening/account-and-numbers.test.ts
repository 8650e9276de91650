/**
 * The account decider's own refusals, the handler's options, and numbers at their edges: codecs'
 * `is` as well as decoding, 10 000 numbers in one command, 40-character spellings, the
 * short-number index when other options go off, messages that list what was ineligible.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type AccountCommand, decodeCommand } from '../../src/account/commands.js';
import { createAccountDecider } from '../../src/account/decider.js';
import type { AccountEvent } from '../../src/account/events.js';
import { createCommandHandler } from '../../src/account/handler.js';
import type { AccountState } from '../../src/account/state.js';
import { createInMemoryEventStore } from '../../src/kernel/in-memory-event-store.js';
import { createInMemorySnapshotStore } from '../../src/kernel/snapshot-store.js';
import { numbersCommands } from '../../src/numbers/commands.js';
import { ShortNumberCodec } from '../../src/numbers/events.js';
import { normalisePhoneNumber, PhoneNumber } from '../../src/numbers/phone-number.js';
import { accepted, cmd, ev, MKN, opened, refused, stateOf, USER } from './support.js';

const metadata = { commandId: 'c-1', accountId: 'acc-1', at: '2025-02-01T10:00:00+03:00', actor: 'user-1' };

describe('the account decider', () => {
  const decider = createAccountDecider();
  const state = stateOf([opened()]);

  it('refuses a typed command of no known type, and an instant that is not one', () => {
    const unknown = { type: 'Teleport', data: {}, metadata } as unknown as AccountCommand;
    const error = decider.decide(unknown, state);
    expect(isLeft(error) && error.left).toMatchObject({
      code: 'UnknownCommand',
      details: { type: 'Teleport' },
    });
    expect(isLeft(error) && error.left.message).toContain('Teleport');
    const late = {
      ...cmd('DisableRecording', {}),
      metadata: { ...metadata, at: 'someday' },
    } as AccountCommand;
    const instant = decider.decide(late, state);
    expect(isLeft(instant) && instant.left).toMatchObject({
      code: 'InvalidInstant',
      details: { field: 'metadata.at', at: 'someday' },
    });
    expect(isLeft(instant) && instant.left.message).toContain('someday');
  });

  it('names both accounts when a command is for another one', () => {
    const other = {
      ...cmd('DisableRecording', {}),
      metadata: { ...metadata, accountId: 'acc-2' },
    } as AccountCommand;
    const error = decider.decide(other, state);
    expect(isLeft(error) && error.left).toMatchObject({
      code: 'AccountMismatch',
      details: { expected: 'acc-1', actual: 'acc-2' },
    });
    expect(isLeft(error) && error.left.message).toContain('acc-2');
    const before = decider.decide(cmd('DisableRecording', {}), stateOf([]));
    expect(isLeft(before) && before.left).toMatchObject({
      code: 'AccountNotOpened',
      details: { accountId: 'acc-1' },
    });
  });
});

describe('the account command handler', () => {
  it('uses the event ids, snapshots and cache it is given', async () => {
    const eventStore = createInMemoryEventStore<AccountEvent>();
    const snapshots = createInMemorySnapshotStore<AccountState>();
    const handler = createCommandHandler({
      eventStore,
      eventIdOf: (command, index) => `custom-${command.metadata.commandId}-${index}`,
      snapshots: { store: snapshots, every: 1, schemaVersion: 1 },
      cacheSize: 0,
      maxRetries: 0,
    });
    const open = await handler.handle({ type: 'OpenAccount', data: { tariffId: 'basic' }, metadata })();
    expect(isRight(open) && open.right.events.map((e) => e.metadata.eventId)).toEqual(['custom-c-1-0']);
    const saved = await snapshots.load('account-acc-1')();
    expect(isRight(saved) && saved.right._tag === 'Some' && saved.right.value.version).toBe(1);
    const next = await handler.handle({
      type: 'SetAutoRenewal',
      data: { enabled: false },
      metadata: { ...metadata, commandId: 'c-2' },
    })();
    expect(isRight(next) && next.right.version).toBe(2);
  });
});

describe('numbers at their edges', () => {
  it('checks lists of numbers in `is` as in decoding: 1 to 10 000 numbers, each in E.164', () => {
    const codec = numbersCommands.EnableNumberOption;
    expect(codec.is({ option: 'melody', numbers: [USER] })).toBe(true);
    expect(codec.is({ option: 'melody', numbers: [] })).toBe(false);
    expect(codec.is({ option: 'melody', numbers: ['8 912 345-67-80'] })).toBe(false);
    expect(codec.is({ option: 'melody', numbers: USER })).toBe(false);
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => `+7912${String(10_000_000 + i).slice(1)}`);
    expect(codec.is({ option: 'melody', numbers: many(10_000) })).toBe(true);
    expect(codec.is({ option: 'melody', numbers: many(10_001) })).toBe(false);
    expect(
      isLeft(
        decodeCommand({
          type: 'EnableNumberOption',
          data: { option: 'melody', numbers: many(10_000) },
          metadata,
        }),
      ),
    ).toBe(false);
    const tooMany = decodeCommand({
      type: 'EnableNumberOption',
      data: { option: 'melody', numbers: many(10_001) },
      metadata,
    });
    expect(isLeft(tooMany) && tooMany.left.issues.map((i) => i.path)).toEqual(['data.numbers']);
  });

  it('reads spellings of up to 64 characters, and is a phone number only in E.164', () => {
    const spelled = '8 (912) 345-67-80';
    expect(normalisePhoneNumber(spelled.padEnd(64, ' '))).toBe(USER);
    expect(normalisePhoneNumber(spelled.padEnd(65, ' '))).toBeUndefined();
    expect(normalisePhoneNumber('')).toBeUndefined();
    expect(PhoneNumber.is(USER)).toBe(true);
    expect(PhoneNumber.is(spelled)).toBe(false);
    expect(PhoneNumber.is(79123456780)).toBe(false);
    expect(ShortNumberCodec.is('0042')).toBe(true);
    for (const bad of ['042', '00420', 'a042', '0042a', 42])
      expect(ShortNumberCodec.is(bad), String(bad)).toBe(false);
  });

  it('keeps a short number indexed when another option of its number goes off', () => {
    const history = [
      opened(),
      ev('MultichannelNumberAdded', { number: MKN, main: true, extraMonthlyFee: 0 }),
      ev('NumberAdded', { number: USER, kind: 'regular', fullName: 'Иван', department: '' }),
      ev('NumberOptionEnabled', {
        option: 'shortNumber',
        numbers: [USER],
        skipped: [],
        monthlyFee: 5000,
        callerIdNumber: null,
      }),
      ev('NumberOptionEnabled', {
        option: 'callerId',
        numbers: [USER],
        skipped: [],
        monthlyFee: 10000,
        callerIdNumber: MKN,
      }),
      ev('ShortNumberAssigned', { number: USER, shortNumber: '1234', previous: null }),
    ];
    const off = accepted(history, cmd('DisableNumberOption', { option: 'callerId', numbers: [USER] }));
    expect(stateOf([...history, ...off]).numbers.shortNumbers).toEqual({ '1234': USER });
    const shortOff = accepted(
      history,
      cmd('DisableNumberOption', { option: 'shortNumber', numbers: [USER] }),
    );
    expect(shortOff).toMatchObject([{ data: { freedShortNumbers: ['1234'] } }]);
    expect(stateOf([...history, ...shortOff]).numbers.shortNumbers).toEqual({});
    const moved = accepted(history, cmd('AssignShortNumber', { number: USER, shortNumber: '5678' }));
    expect(stateOf([...history, ...moved]).numbers.shortNumbers).toEqual({ '5678': USER });
  });

  it('lists the first five ineligible numbers and counts the rest', () => {
    const numbers = Array.from({ length: 7 }, (_, i) => `+7912345678${i}`);
    const error = refused([opened()], cmd('EnableNumberOption', { option: 'melody', numbers }));
    expect(error.message).toContain('no number is eligible');
    expect(error.message).toContain(`${numbers[4]} (unknown-number)`);
    expect(error.message).not.toContain(numbers[5]);
    expect(error.message).toContain('and 2 more');
    const five = refused(
      [opened()],
      cmd('EnableNumberOption', { option: 'melody', numbers: numbers.slice(0, 5) }),
    );
    expect(five.message).not.toContain('more');
    const duplicate = refused(
      [opened()],
      cmd('EnableNumberOption', { option: 'melody', numbers: [USER, USER] }),
    );
    expect(duplicate).toMatchObject({
      code: 'DuplicateNumbers',
      details: { field: 'data.numbers', numbers: [USER] },
    });
    expect(duplicate.message).toContain(USER);
  });
});

describe('smart callback windows at their bounds', () => {
  it('takes a window of one minute and of a whole day', () => {
    for (const minutes of [1, 1440]) {
      const set = accepted([opened()], cmd('SetSmartCallbackWindow', { minutes }));
      expect(set).toMatchObject([{ type: 'SmartCallbackWindowSet', data: { minutes } }]);
      const on = accepted([opened()], cmd('EnableSmartCallback', { windowMinutes: minutes }));
      expect(on).toMatchObject([{ type: 'SmartCallbackEnabled', data: { windowMinutes: minutes } }]);
    }
    const error = refused([opened()], cmd('SetSmartCallbackWindow', { minutes: 0 }));
    expect(error).toMatchObject({
      code: 'InvalidCallbackWindow',
      details: { field: 'data.minutes', minutes: 0 },
    });
    expect(error.message).toContain('0');
  });
});
