import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs } from '../../src/kernel/codecs.js';
import { eventInstantMs } from '../../src/kernel/event-instant.js';

const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Every admitted shape: with or without seconds and a fraction, `Z` or any offset within ±18:00. */
const anyShape = fc
  .record({
    ms: fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9000, 0, 1) }),
    zulu: fc.boolean(),
    offset: fc.integer({ min: -18 * 60, max: 18 * 60 }),
    seconds: fc.boolean(),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
  })
  .map(({ ms, zulu, offset, seconds, fraction }) => {
    const minutes = zulu ? 0 : offset;
    const local = new Date(ms + minutes * 60_000);
    const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
    const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
    const sec = seconds
      ? `:${pad(local.getUTCSeconds())}${fraction === undefined ? '' : `.${fraction}`}`
      : '';
    const zone = zulu
      ? 'Z'
      : `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
    return `${date}T${time}${sec}${zone}`;
  });

describe('eventInstantMs', () => {
  it('reads every instant as instantMs does, repeated or not', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.nat(3)), { maxLength: 50 }), (runs) => {
        for (const [iso, repeats] of runs) {
          for (let i = 0; i <= repeats; i++) expect(eventInstantMs(iso)).toBe(instantMs(iso));
        }
      }),
    );
  });

  it('reads every admitted shape as the full parser does, dates repeated or not', () => {
    fc.assert(
      fc.property(fc.array(anyShape, { minLength: 1, maxLength: 30 }), (texts) => {
        // Each text twice, apart: the remembered date of one must not leak into the next.
        for (const iso of [...texts, ...texts]) {
          expect(Number.isNaN(instantMs(iso))).toBe(false);
          expect(eventInstantMs(iso)).toBe(instantMs(iso));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads the same date under different offsets and the next day across midnight', () => {
    expect(eventInstantMs('2025-04-21T10:00:00+03:00')).toBe(Date.UTC(2025, 3, 21, 7));
    expect(eventInstantMs('2025-04-21T10:00:00-03:30')).toBe(Date.UTC(2025, 3, 21, 13, 30));
    expect(eventInstantMs('2025-04-21T01:00:00+03:00')).toBe(Date.UTC(2025, 3, 20, 22));
    expect(eventInstantMs('2025-04-22T00:00:00Z')).toBe(Date.UTC(2025, 3, 22));
    expect(eventInstantMs('2024-02-29T23:59:59Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(eventInstantMs('2025-04-21T10:00:00.1234Z')).toBe(Date.UTC(2025, 3, 21, 10, 0, 0, 123));
  });

  it('answers an equal text copied from elsewhere (as JSON gives it) with the same instant', () => {
    const at = '2025-04-21T10:00:00+03:00';
    const copy = JSON.parse(JSON.stringify({ at })).at as string;
    expect(eventInstantMs(at)).toBe(Date.UTC(2025, 3, 21, 7));
    expect(eventInstantMs(copy)).toBe(Date.UTC(2025, 3, 21, 7));
    expect(eventInstantMs('2025-04-21T10:00:00Z')).toBe(Date.UTC(2025, 3, 21, 10));
  });
});
