/**
 * `decodeCommand` against hostile input: 100 000 generated values (mutations of valid commands of
 * every type, garbage, prototype keys, deep nesting, non-JSON values), getters and proxies that
 * throw, frozen input, and a few 10 MB strings. No exception escapes, no built-in is touched,
 * every refusal names a path and stays small; a command that does decode is a clean copy,
 * decodes again to itself and can be decided without throwing.
 */
import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { createAccountDecider } from '../../src/account/decider.js';
import type { AccountEvent } from '../../src/account/events.js';
import { deepFreeze } from '../../src/kernel/decider.js';
import { firstDifference } from '../properties/support/compare.js';
import { type GlobalsSnapshot, globalChanges, snapshotGlobals } from './support/globals.js';
import { garbage, mutated, nested, nestedArray, parsedWithPrototypeKeys } from './support/hostile.js';
import { checkDecoding, emptyCounts, expectSmallError, fuzzParameters, scaled } from './support/outcome.js';
import { validRawCommand } from './support/samples.js';

const decider = createAccountDecider();
const opened: AccountEvent = {
  type: 'AccountOpened',
  data: {
    accountId: 'acc-1',
    tariff: {
      tariffId: 'basic',
      name: 'Базовый',
      monthlyFee: 150000,
      includedEmployees: 10,
      includedMultichannelNumbers: 1,
      extraEmployeeFee: 4000,
      baseStorageBytes: 1073741824,
    },
    timeZone: 'Europe/Moscow',
    openedAt: '2025-01-31T09:00:00+03:00',
    periodStart: '2025-01-31T09:00:00+03:00',
    paidUntil: '2025-02-28T09:00:00+03:00',
    autoRenewal: true,
  },
  metadata: { at: '2025-01-31T09:00:00+03:00', commandId: 'c-0', actor: 'user-1' },
};
const state = deepFreeze(decider.evolve(decider.initialState, opened));
const counts = emptyCounts();
let before: GlobalsSnapshot;

beforeAll(() => {
  before = snapshotGlobals();
});

afterAll(() => {
  expect(globalChanges(before, snapshotGlobals())).toEqual([]);
});

/** Decodes; a command that decodes must decode again to itself and be decided without throwing. */
const check = (input: unknown): void => {
  const command = checkDecoding(decodeCommand, input, counts);
  if (command === undefined) return;
  const again = decodeCommand(command);
  if (isLeft(again)) throw new Error(`a decoded command does not decode again: ${again.left.message}`);
  const difference = firstDifference(again.right, command);
  if (difference !== undefined) throw new Error(`decoding is not idempotent at ${difference}`);
  const decision = decider.decide(command, state);
  if (isRight(decision)) for (const event of decision.right) decider.evolve(state, event);
};

describe('decodeCommand against hostile input', () => {
  it('survives 70 000 mutations of valid commands of every type', () => {
    fc.assert(fc.property(mutated(validRawCommand), check), fuzzParameters(70_000));
  });

  it('survives 30 000 garbage values, prototype keys and non-JSON values', () => {
    fc.assert(fc.property(garbage, check), fuzzParameters(30_000));
  });

  it('survives prototype keys in every position, deep nesting and arrays for objects', () => {
    const valid = fc.sample(validRawCommand, { numRuns: 1, seed: 7 })[0] as Record<string, unknown>;
    const hostile: unknown[] = [
      parsedWithPrototypeKeys(),
      parsedWithPrototypeKeys({ type: 'AddStoragePack', data: {}, metadata: valid.metadata }),
      { ...valid, data: parsedWithPrototypeKeys() },
      { ...valid, metadata: parsedWithPrototypeKeys(valid.metadata as Record<string, unknown>) },
      JSON.parse(
        '{"type":"AddStoragePack","data":{"__proto__":{"polluted":1}},"metadata":{"commandId":"c","accountId":"a","at":"2025-01-01T00:00:00Z","actor":"u"}}',
      ),
      JSON.parse(
        '{"type":"__proto__","data":{},"metadata":{"commandId":"__proto__","accountId":"constructor","at":"2025-01-01T00:00:00Z","actor":"prototype"}}',
      ),
      JSON.parse(
        '{"type":"constructor","data":{},"metadata":{"commandId":"c","accountId":"a","at":"2025-01-01T00:00:00Z","actor":"u"}}',
      ),
      JSON.parse(
        '{"type":"toString","data":{},"metadata":{"commandId":"c","accountId":"a","at":"2025-01-01T00:00:00Z","actor":"u"}}',
      ),
      nested(100_000),
      nestedArray(100_000),
      { ...valid, data: nested(10_000, 'source') },
      { ...valid, data: [valid.data] },
      [valid],
      { ...valid, metadata: [valid.metadata] },
    ];
    for (const input of hostile) check(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(counts.refused).toBeGreaterThan(0);
  });

  it('refuses getters and proxies that throw, frozen prototype keys and arrays with a constructor', () => {
    const valid = fc.sample(validRawCommand, { numRuns: 1, seed: 11 })[0] as Record<string, unknown>;
    const throwing = {};
    Object.defineProperty(throwing, 'type', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const trap = new Proxy({}, { ownKeys: () => [1 as unknown as string] });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const frozenProto = JSON.parse(
      '{"type":"AddNumber","data":{"__proto__":{"number":"+79123456789"},"number":"89123456789","kind":"regular","fullName":"A","department":""},"metadata":{"commandId":"c","accountId":"a","at":"2025-01-01T00:00:00Z","actor":"u"}}',
    );
    const numbers = ['89123456789'];
    Object.defineProperty(numbers, 'constructor', { value: 1, enumerable: true });
    const cases: Array<[unknown, string]> = [
      [throwing, 'type'],
      [{ ...valid, data: trap }, 'data'],
      [{ ...valid, data: revocable.proxy }, 'data'],
      [frozenProto, 'data.__proto__'],
      [
        { type: 'EnableNumberOption', data: { option: 'melody', numbers }, metadata: valid.metadata },
        'data.numbers.constructor',
      ],
    ];
    for (const [input, path] of cases) {
      const result = decodeCommand(input);
      expect(isLeft(result) && result.left.issues.map((i) => i.path)).toEqual([path]);
      if (isLeft(result)) expectSmallError(result.left);
    }
    // Frozen all the way down, as the fuzz checks do with every input.
    check(frozenProto);
  });

  it('refuses 10 MB strings in every string field, naming the field, with a small error', () => {
    const huge = 'я'.repeat(10 * 1024 * 1024);
    const valid = {
      type: 'ConfigureNotification',
      data: { scenario: 'incoming-missed-call', sms: true, telegram: false, text: 'ok' },
      metadata: { commandId: 'c-1', accountId: 'acc-1', at: '2025-01-31T10:00:00+03:00', actor: 'user-1' },
    };
    const cases: Array<[unknown, string]> = [
      [{ ...valid, data: { ...valid.data, text: huge } }, 'data.text'],
      [{ ...valid, metadata: { ...valid.metadata, commandId: huge } }, 'metadata.commandId'],
      [{ ...valid, metadata: { ...valid.metadata, at: huge } }, 'metadata.at'],
      [{ ...valid, type: huge }, 'type'],
      [
        {
          type: 'AddNumber',
          data: { number: huge, kind: 'regular', fullName: 'A', department: '' },
          metadata: valid.metadata,
        },
        'data.number',
      ],
      [
        { type: 'OpenAccount', data: { tariffId: 'basic', timeZone: huge }, metadata: valid.metadata },
        'data.timeZone',
      ],
    ];
    for (const [input, path] of cases) {
      const result = decodeCommand(input);
      expect(isLeft(result) && result.left.issues.map((i) => i.path)).toEqual([path]);
      // The message and `actual` show a short excerpt of the value, never the whole of it.
      expect(isLeft(result) && result.left.message.length).toBeLessThan(500);
      if (isLeft(result)) expectSmallError(result.left);
      expect(isLeft(result) && JSON.stringify(result.left).length).toBeLessThan(2_000);
    }
  });

  it('saw at least 100 000 inputs, refusing most and accepting some', () => {
    expect(counts.inputs).toBeGreaterThanOrEqual(scaled(100_000));
    expect(counts.refused).toBeGreaterThan(counts.inputs / 2);
    expect(counts.accepted).toBeGreaterThan(0);
  });
});
