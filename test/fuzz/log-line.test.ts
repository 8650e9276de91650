/**
 * The CLI's line decoder against hostile lines: 20 000 generated lines (JSON of valid stored
 * events and of mutations of them, garbage JSON, random text of every kind of unit, byte-order
 * marks) and a few huge ones. No exception escapes; a bad line is reported with at least one
 * issue naming a path, and its issues stay small whatever the size of the line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLogLine } from '../../src/cli/event-log.js';
import { garbage, mutated, parsedWithPrototypeKeys } from './support/hostile.js';
import { expectSmallError, fuzzParameters, scaled } from './support/outcome.js';
import { validStoredEvent } from './support/samples.js';

const seen = { lines: 0, good: 0, bad: 0 };

/** JSON text of a value, or a fixed text when it has none (a BigInt, a cycle). */
const jsonOf = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return '{}';
  }
};

const check = (line: string): void => {
  seen.lines++;
  const decoded = decodeLogLine(line);
  if (decoded.ok) {
    seen.good++;
    return;
  }
  seen.bad++;
  if (decoded.issues.length === 0) throw new Error('a bad line without issues');
  for (const issue of decoded.issues)
    if (typeof issue.path !== 'string' || issue.path.length === 0) throw new Error('an issue without a path');
  expectSmallError(decoded.issues);
};

const lines = fc.oneof(
  { weight: 2, arbitrary: validStoredEvent.map(jsonOf) },
  { weight: 6, arbitrary: mutated(validStoredEvent).map(jsonOf) },
  { weight: 2, arbitrary: garbage.map(jsonOf) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: validStoredEvent.map((e) => `\ufeff${jsonOf(e)}`) },
);

describe('decodeLogLine against hostile lines', () => {
  it('survives 20 000 generated lines', () => {
    fc.assert(fc.property(lines, check), fuzzParameters(20_000));
  });

  it('survives huge lines and prototype keys, with small issues', () => {
    const valid = fc.sample(validStoredEvent, { numRuns: 1, seed: 3 })[0] as Record<string, unknown>;
    const huge = 'я'.repeat(10 * 1024 * 1024);
    for (const line of [
      jsonOf({ ...valid, data: { ...(valid.data as object), junk: huge } }),
      jsonOf({ ...valid, metadata: { ...(valid.metadata as object), streamId: huge } }),
      jsonOf({ ...valid, type: huge }),
      `"${huge}"`,
      `[${'1,'.repeat(1_000_000)}1]`,
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      jsonOf({ ...valid, data: parsedWithPrototypeKeys(valid.data as Record<string, unknown>) }),
      huge,
    ])
      check(line);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('read good lines and bad ones', () => {
    expect(seen.lines).toBe(scaled(20_000) + 8);
    expect(seen.good).toBeGreaterThan(0);
    expect(seen.bad).toBeGreaterThan(seen.lines / 3);
  });
});
