/**
 * `decodeEvent` and `decodeStoredAccountEvent` against hostile input: 100 000 and 30 000
 * generated values (mutations of valid events of every type, garbage, prototype keys, deep
 * nesting, non-JSON values). No exception escapes, no built-in is touched, every refusal names
 * a path and stays small; an event that does decode is a clean copy of its input, folds onto an
 * opened account (and onto none) without throwing and leaves its state plain JSON data.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/account/decider.js';
import { type AccountEvent, decodeEvent, decodeStoredAccountEvent } from '../../src/account/events.js';
import { type GlobalsSnapshot, globalChanges, snapshotGlobals } from './support/globals.js';
import { garbage, mutated, nested, parsedWithPrototypeKeys } from './support/hostile.js';
import { checkDecoding, emptyCounts, fuzzParameters, scaled, strangePrototype } from './support/outcome.js';
import { VALID_EVENTS, validEvent, validStoredEvent } from './support/samples.js';

const opening = VALID_EVENTS.filter((e) => e.type === 'AccountOpened').slice(0, 1);
const counts = emptyCounts();
const stored = emptyCounts();
let before: GlobalsSnapshot;

beforeAll(() => {
  before = snapshotGlobals();
});

afterAll(() => {
  expect(globalChanges(before, snapshotGlobals())).toEqual([]);
});

/** A decoded event must fold onto an opened account, and the state stay plain data. */
const foldDecoded = (event: AccountEvent | undefined): void => {
  if (event === undefined) return;
  // Before the account is opened too: a log may start anywhere.
  replay([event]);
  const state = replay([...opening, event]);
  const strange = strangePrototype(state);
  if (strange !== undefined)
    throw new Error(`${event.type} left an object with a foreign prototype at ${strange}`);
  JSON.stringify(state);
};

const checkEvent = (input: unknown) => foldDecoded(checkDecoding(decodeEvent, input, counts));
const checkStored = (input: unknown) =>
  foldDecoded(checkDecoding(decodeStoredAccountEvent, input, stored) as AccountEvent | undefined);

describe('decodeEvent against hostile input', () => {
  it('survives 80 000 mutations of valid events of every type', () => {
    fc.assert(fc.property(mutated(validEvent), checkEvent), fuzzParameters(80_000));
  });

  it('survives 20 000 garbage values, prototype keys and non-JSON values', () => {
    fc.assert(fc.property(garbage, checkEvent), fuzzParameters(20_000));
  });

  it('survives prototype keys in data and metadata, schema versions and deep nesting', () => {
    const valid = VALID_EVENTS.find((e) => e.type === 'CallerIdNumberSet') as AccountEvent;
    const hostile: unknown[] = [
      { ...valid, data: parsedWithPrototypeKeys(valid.data as unknown as Record<string, unknown>) },
      { ...valid, metadata: parsedWithPrototypeKeys(valid.metadata as unknown as Record<string, unknown>) },
      { ...valid, metadata: { ...valid.metadata, schemaVersion: 0 } },
      { ...valid, metadata: { ...valid.metadata, schemaVersion: 2 } },
      { ...valid, metadata: { ...valid.metadata, schemaVersion: Number.NaN } },
      { ...valid, metadata: { ...valid.metadata, schemaVersion: '1' } },
      { ...valid, type: '__proto__' },
      { ...valid, type: 'hasOwnProperty' },
      { ...valid, data: nested(50_000) },
      nested(100_000, 'data'),
    ];
    for (const input of hostile) checkEvent(input);
    expect(counts.refused).toBeGreaterThan(0);
  });

  it('saw at least 100 000 inputs, refusing most and accepting some', () => {
    expect(counts.inputs).toBeGreaterThanOrEqual(scaled(100_000));
    expect(counts.refused).toBeGreaterThan(counts.inputs / 2);
    expect(counts.accepted).toBeGreaterThan(0);
  });
});

describe('decodeStoredAccountEvent against hostile input', () => {
  it('survives 25 000 mutations of valid stored events and 5 000 garbage values', () => {
    fc.assert(fc.property(mutated(validStoredEvent), checkStored), fuzzParameters(25_000));
    fc.assert(fc.property(garbage, checkStored), fuzzParameters(5_000));
    expect(stored.inputs).toBe(scaled(25_000) + scaled(5_000));
    expect(stored.refused).toBeGreaterThan(stored.inputs / 2);
    expect(stored.accepted).toBeGreaterThan(0);
  });
});
