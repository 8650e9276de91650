/**
 * Instants: the codec admits only real calendar instants with an explicit offset, and
 * `instantMs` parses that one shape exactly, giving what `Date.parse` gives for it.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { Instant, instantMs } from '../../src/kernel/codecs.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** Any admitted text: every year, day of month, time with or without seconds and fraction, any offset. */
const admitted = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
    fraction: fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
    offset: fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 18 * 60 }))
        .map(([sign, minutes]) => `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`),
    ),
  })
  .map(({ year, month, day, hour, minute, second, fraction, offset }) => {
    const d = Math.min(day, daysIn(year, month));
    const seconds =
      second === undefined ? '' : `:${pad(second)}${fraction === undefined ? '' : `.${fraction}`}`;
    return `${pad(year, 4)}-${pad(month)}-${pad(d)}T${pad(hour)}:${pad(minute)}${seconds}${offset}`;
  });

describe('instants', () => {
  it('instantMs gives what Date.parse gives, for 50 000 admitted texts', () => {
    fc.assert(
      fc.property(admitted, (s) => {
        expect(Instant.is(s)).toBe(true);
        expect(instantMs(s)).toBe(Date.parse(s));
      }),
      { numRuns: 50_000 },
    );
  });

  it('instantMs gives what Date.parse gives on leap days, DST changes, fractions and offsets', () => {
    const corpus = [
      '2024-02-29T12:00:00+03:00',
      '2000-02-29T00:00:00Z',
      '1600-02-29T23:59:59.999Z',
      '2025-03-30T01:59:59+00:00', // Europe springs forward at 01:00 UTC
      '2025-03-30T03:00:00+02:00',
      '2025-10-26T02:30:00+02:00', // the hour that comes twice in Central Europe
      '2025-10-26T02:30:00+01:00',
      '2011-03-27T02:00:00+03:00', // Moscow's last change to summer time
      '2014-10-26T01:00:00+03:00', // and back to +03:00 for good
      '2025-04-21T10:00:00.1+03:00',
      '2025-04-21T10:00:00.12+03:00',
      '2025-04-21T10:00:00.123456789+03:00',
      '2025-04-21T10:00:00.999999999-05:00',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.0001Z',
      '0000-01-01T00:00:00Z',
      '0099-03-01T00:00Z',
      '9999-12-31T23:59:59.999+18:00',
      '2025-01-01T00:00:00-00:00',
      '2025-01-01T00:00:00-18:00',
      '2025-06-15T12:34+05:45',
      '2025-06-15T12:34-09:30',
    ];
    for (const s of corpus) {
      expect(Instant.is(s), s).toBe(true);
      expect(instantMs(s), s).toBe(Date.parse(s));
    }
  });

  it('refuses impossible instants and other shapes that Date.parse would take', () => {
    const refused = [
      '2025-02-30T10:00:00+03:00', // no 30 February
      '2025-02-29T10:00:00+03:00', // 2025 is not a leap year
      '1900-02-29T10:00:00Z', // nor is 1900
      '2025-04-31T10:00:00Z',
      '2025-04-21T24:00:00+03:00', // no 24:00
      '2025-06-30T23:59:60Z', // no leap second
      '2025-04-21T10:60:00Z',
      '2025-00-10T10:00:00Z',
      '2025-13-10T10:00:00Z',
      '2025-04-00T10:00:00Z',
      '2025-04-21T10:00:00+18:01', // beyond ±18:00
      '2025-04-21T10:00:00-19:00',
      '2025-04-21T10:00:00+03:60',
      '2025-04-21T10:00:00', // no offset
      '2025-04-21T10:00:00+0300',
      '2025-04-21T10:00:00+03',
      '2025-04-21t10:00:00z',
      '2025-04-21 10:00:00Z',
      '2025-04-21T10:00:00.Z',
      '2025-04-21T10:00:00.1234567890Z', // ten fraction digits
      '2025-04-21T10:00.5Z',
      '+002025-04-21T10:00:00Z',
      '2025-04-21',
      'Mon, 21 Apr 2025 10:00:00 GMT',
      '２０２５-04-21T10:00:00Z',
      '',
    ];
    for (const s of refused) {
      expect(Instant.is(s), s).toBe(false);
      expect(instantMs(s), s).toBeNaN();
    }
  });

  it('a command dated 30 February is refused, naming metadata.at', () => {
    const decoded = decodeCommand({
      type: 'SetAutoRenewal',
      data: { enabled: true },
      metadata: { commandId: 'c-1', accountId: 'acc-1', at: '2025-02-30T10:00:00+03:00', actor: 'user-1' },
    });
    expect(isLeft(decoded) && decoded.left.issues.map((i) => i.path)).toEqual(['metadata.at']);
  });
});
