/**
 * Stored events fresh from a JSON parser take a fast path: checked in place, kept as they are.
 * It must agree with the full decode (plain copy, io-ts, upcasters) on every input: the same
 * event, or the same error with the same paths. And it takes the fast path exactly when the full
 * decode would succeed and give the input back unchanged.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../examples/generate-log.js';
import { accountEventRegistry } from '../../src/account/events.js';
import {
  decodeParsedStoredEvent,
  decodeStoredEvent,
  storedEventDecodesToItself,
  toStoredEvent,
} from '../../src/kernel/stored-event.js';
import { garbage, mutated } from '../fuzz/support/hostile.js';
import { fuzzParameters } from '../fuzz/support/outcome.js';
import { VALID_EVENTS, validEvent, validStoredEvent } from '../fuzz/support/samples.js';
import { throughJson } from '../support/json.js';

const registry = accountEventRegistry;

/** A valid stored event written at its type's current schema version, as JSON data. */
const currentStoredEvent: fc.Arbitrary<unknown> = fc
  .tuple(validEvent, fc.integer({ min: 1, max: 1_000_000 }))
  .map(([event, version]) =>
    JSON.parse(
      JSON.stringify(
        toStoredEvent(
          event,
          `e-${version}`,
          'account-acc-1',
          version,
          version + 7,
          registry.schemaVersionOf(event.type)!,
        ),
      ),
    ),
  );

/** The input as the fast path would return it: the fixed envelope (extra fields dropped) around its own data. */
const asIs = (raw: { type: string; data: unknown; metadata: Record<string, unknown> }) => {
  const m = raw.metadata;
  const metadata = {
    at: m.at,
    commandId: m.commandId,
    actor: m.actor,
    eventId: m.eventId,
    streamId: m.streamId,
  };
  return {
    type: raw.type,
    data: raw.data,
    metadata: {
      ...metadata,
      version: m.version,
      globalPosition: m.globalPosition,
      schemaVersion: m.schemaVersion,
    },
  };
};

/** Both paths on two copies of one parsed text; checks they agree and that the fast one is exact. */
const agree = (text: string): 'fast' | 'normalised' | 'refused' => {
  const full = decodeStoredEvent(registry, JSON.parse(text));
  const raw = JSON.parse(text);
  const exact = storedEventDecodesToItself(registry, raw);
  const fast = decodeParsedStoredEvent(registry, raw);
  expect(fast._tag).toBe(full._tag);
  if (isLeft(full) || isLeft(fast)) {
    expect(exact).toBe(false);
    expect(isLeft(fast) && isLeft(full) && fast.left.message === full.left.message).toBe(true);
    expect(isLeft(fast) && fast.left.issues).toEqual(isLeft(full) && full.left.issues);
    return 'refused';
  }
  expect(isDeepStrictEqual(fast.right, full.right)).toBe(true);
  // Exact: taken as is only when the full decode gives the same value back.
  const unchanged = isDeepStrictEqual(full.right, asIs(JSON.parse(text)));
  expect(exact).toBe(unchanged);
  if (exact) expect(fast.right.data).toBe(raw.data);
  return exact ? 'fast' : 'normalised';
};

describe('decoding a stored event fresh from a JSON parser', () => {
  it('takes every valid event of the current schema version as it is, equal to the full decode', async () => {
    const lines: string[] = [];
    await generateLog({ events: 3_000, seed: 11, write: (line) => lines.push(line) });
    for (const event of VALID_EVENTS) {
      const stored = toStoredEvent(
        event,
        'e-1',
        'account-acc-1',
        1,
        8,
        registry.schemaVersionOf(event.type)!,
      );
      lines.push(JSON.stringify(stored));
    }
    const types = new Set<string>();
    for (const line of lines) {
      expect(agree(line)).toBe('fast');
      types.add((JSON.parse(line) as { type: string }).type);
    }
    expect(types.size).toBeGreaterThanOrEqual(20);
  });

  it('agrees with the full decode on mutations of valid events, old schema versions and garbage', () => {
    const seen = { fast: 0, normalised: 0, refused: 0 };
    const check = (input: unknown) => {
      const parsed = throughJson(input);
      if (parsed !== undefined) seen[agree(JSON.stringify(parsed))]++;
    };
    fc.assert(fc.property(mutated(currentStoredEvent), check), fuzzParameters(15_000));
    fc.assert(fc.property(mutated(validStoredEvent), check), fuzzParameters(5_000));
    fc.assert(fc.property(garbage, check), fuzzParameters(3_000));
    expect(seen.fast).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(seen.fast);
  });

  it('decodes in full what it would change: -0, another spelling of a number, an old schema version', () => {
    const stored = (type: string, data: unknown, schemaVersion: number) =>
      `{"type":"${type}","data":${JSON.stringify(data)},"metadata":{"at":"2025-05-01T10:00:00+03:00","commandId":"c","actor":"a","eventId":"c/0","streamId":"account-a","version":3,"globalPosition":9,"schemaVersion":${schemaVersion}}}`;
    const zero = stored('StorageAlmostFull', { usedBytes: 5, quotaBytes: 10 }, 1).replace(
      '"usedBytes":5',
      '"usedBytes":-0',
    );
    expect(agree(zero)).toBe('normalised');
    const decoded = decodeParsedStoredEvent(registry, JSON.parse(zero));
    expect(isRight(decoded) && Object.is((decoded.right.data as { usedBytes: number }).usedBytes, 0)).toBe(
      true,
    );
    const spelled = stored(
      'CallerIdNumberSet',
      { number: '8 (912) 345-67-89', multichannelNumber: '+74951000000' },
      1,
    );
    expect(agree(spelled)).toBe('normalised');
    const old = stored(
      'CallRegistered',
      {
        callId: 'k',
        direction: 'incoming',
        line: 'direct',
        multichannelNumber: null,
        client: '+79123456789',
        operator: null,
        outcome: 'missed',
      },
      1,
    );
    expect(agree(old)).toBe('normalised');
  });

  it('refuses what a parser can make and no store keeps, with the full decode’s error', () => {
    const base = (data: string, extra = '') =>
      `{"type":"RecordingPinned","data":${data},"metadata":{"at":"2025-05-01T10:00:00+03:00","commandId":"c","actor":"a","eventId":"c/0","streamId":"account-a","version":3,"globalPosition":9,"schemaVersion":1${extra}}}`;
    for (const text of [
      base('{"recordingId":"r","__proto__":{"x":1}}'),
      base('{"recordingId":"r\\u0000"}'),
      base('{"recordingId":"r","note":"\\ud800"}'),
      base(`{"recordingId":"r","${'k'.repeat(65)}":1}`),
      base('{"recordingId":"r"}', ',"constructor":1'),
      base('{"recordingId":"r"}').replace('"version":3', '"version":0'),
      base('{"recordingId":"r"}').replace('"RecordingPinned"', '"NoSuchEvent"'),
      base(JSON.stringify({ recordingId: 'r', deep: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) })),
    ]) {
      expect(agree(text)).toBe('refused');
    }
  });
});
