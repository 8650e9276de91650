import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs } from '../../src/kernel/codecs.js';
import { eventInstantMs } from '../../src/kernel/event-instant.js';

const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

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

  it('answers an equal text copied from elsewhere (as JSON gives it) with the same instant', () => {
    const at = '2025-04-21T10:00:00+03:00';
    const copy = JSON.parse(JSON.stringify({ at })).at as string;
    expect(eventInstantMs(at)).toBe(Date.UTC(2025, 3, 21, 7));
    expect(eventInstantMs(copy)).toBe(Date.UTC(2025, 3, 21, 7));
    expect(eventInstantMs('2025-04-21T10:00:00Z')).toBe(Date.UTC(2025, 3, 21, 10));
  });
});
