/**
 * The handler's untrusted entry against hostile input: 11 000 generated values (valid commands
 * of every type and mutations of them, garbage, prototype keys, non-JSON values) sent to an opened
 * account in a store that keeps events as JSON, as a database does. The task always resolves
 * (no exception, no rejection); a refusal is a validation or domain error, never a store error,
 * and stays small; whatever was accepted is stored and reads back.
 */
import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountEvent, accountEventRegistry } from '../../src/account/events.js';
import { createCommandHandler } from '../../src/account/handler.js';
import { createInMemoryEventStore } from '../../src/kernel/in-memory-event-store.js';
import { ACCOUNT } from '../properties/support/runner.js';
import {
  freshObjectsPolluted,
  type GlobalsSnapshot,
  globalChanges,
  snapshotGlobals,
} from './support/globals.js';
import { garbage, mutated } from './support/hostile.js';
import { expectSmallError, fuzzParameters, scaled } from './support/outcome.js';
import { validRawCommand } from './support/samples.js';

const store = createInMemoryEventStore<AccountEvent>({ registry: accountEventRegistry });
const handler = createCommandHandler({ eventStore: store });
/** The handler's entry for untrusted input. */
const handleUntrusted = (input: unknown) => handler.handleUnknown(input);
const seen = { inputs: 0, accepted: 0, refused: 0, events: 0 };
let before: GlobalsSnapshot;

beforeAll(async () => {
  before = snapshotGlobals();
  const opened = await handleUntrusted({
    type: 'OpenAccount',
    data: { tariffId: 'basic' },
    metadata: { commandId: 'open', accountId: ACCOUNT, at: '2019-12-31T10:00:00+03:00', actor: 'user-1' },
  })();
  expect(isRight(opened)).toBe(true);
  if (isRight(opened)) seen.events += opened.right.events.length;
});

afterAll(() => {
  expect(globalChanges(before, snapshotGlobals())).toEqual([]);
});

let sequence = 0;
const START = Date.parse('2020-01-01T00:00:00Z');
const isPlain = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u) && Object.getPrototypeOf(u) === Object.prototype;

/**
 * The same input with a command id of its own (the samples share theirs) and an instant later
 * than the previous one (time moves forward in an account), when it has them to change.
 */
const withFreshId = (input: unknown): unknown => {
  if (!isPlain(input) || !isPlain(input.metadata) || typeof input.metadata.commandId !== 'string')
    return input;
  const n = ++sequence;
  const atMs = START + n * 60_000;
  const metadata: Record<string, unknown> = { ...input.metadata, commandId: `fuzz-${n}` };
  if (typeof metadata.at === 'string' && !Number.isNaN(Date.parse(metadata.at)))
    metadata.at = new Date(atMs).toISOString();
  const data = input.data;
  if (isPlain(data) && typeof data.recordedAt === 'string')
    return { ...input, metadata, data: { ...data, recordedAt: new Date(atMs - 60_000).toISOString() } };
  return { ...input, metadata };
};

/** Handles one input and checks the outcome; throws for fast-check to report. */
const check = async (raw: unknown): Promise<void> => {
  seen.inputs++;
  const input = withFreshId(raw);
  const result = await handleUntrusted(input)();
  const polluted = freshObjectsPolluted();
  if (polluted.length > 0) throw new Error(`handling polluted the built-ins: ${polluted.join(', ')}`);
  if (isRight(result)) {
    seen.accepted++;
    seen.events += result.right.events.length;
    return;
  }
  seen.refused++;
  expectSmallError(result.left);
  if (result.left._tag !== 'ValidationError' && result.left._tag !== 'DomainError')
    throw new Error(`a ${result.left._tag} for accepted input: ${result.left.message}`);
};

describe('handle() against hostile input', () => {
  it('survives 8 000 mutations of valid commands of every type', async () => {
    await fc.assert(fc.asyncProperty(mutated(validRawCommand), check), fuzzParameters(8_000));
  });

  it('decides 2 000 valid commands of every type, accepting or refusing each with a domain error', async () => {
    await fc.assert(fc.asyncProperty(validRawCommand, check), fuzzParameters(2_000));
  });

  it('survives 1 000 garbage values, prototype keys and non-JSON values', async () => {
    await fc.assert(fc.asyncProperty(garbage, check), fuzzParameters(1_000));
  });

  it('accepted some, refused most, and every stored event reads back', async () => {
    expect(seen.inputs).toBe(scaled(8_000) + scaled(2_000) + scaled(1_000));
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(seen.inputs / 2);
    expect(seen.accepted).toBeGreaterThan(scaled(2_000) / 20);
    const all = await store.readAll()();
    expect(isLeft(all)).toBe(false);
    expect(isRight(all) && all.right.length).toBe(seen.events);
  });
});
