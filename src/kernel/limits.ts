/**
 * The limits of every text field of commands and events, in one table, and the scan that checks
 * a text against them. A limit counts characters as a person sees them (Unicode code points),
 * and every text refuses NUL and unpaired surrogates: a database keeps neither, so a message one
 * store would refuse is refused by the codec first.
 * @module
 */

/** Maximum lengths, in code points unless said otherwise. */
export const LIMITS = {
  /** Ids a caller chooses: commands, accounts, actors, tariffs, recordings, calls, melodies. */
  id: 64,
  /** A phone number as typed, in any common spelling (its E.164 form has at most 16). */
  phoneNumber: 64,
  /** An IANA time zone name. */
  timeZone: 64,
  /** A short machine code carried by an event, e.g. why a number was skipped. */
  code: 64,
  /** An event id the store keeps: a command id, a separator and an index. */
  eventId: 128,
  /** A stream id: a prefix and an account id. */
  streamId: 128,
  /** Full names of employees, tariff names. */
  name: 200,
  /** Departments of employees. */
  department: 200,
  /** Names of uploaded melodies. */
  melodyName: 200,
  /** Texts of notifications sent after calls. */
  notificationText: 210,
  /** Phone numbers in one bulk option change (items, not characters). */
  numbersPerCommand: 10_000,
  /** Any key of any object in a message (code units; keys are field names and ids). */
  key: 64,
  /** Fields of any one object in a message (a payload has about ten). */
  fieldsPerObject: 1_000,
  /** Items of any one array in a message (a bulk change has at most 10 000 numbers). */
  itemsPerArray: 1_000_000,
  /** Nesting of objects and arrays in a message. */
  depth: 32,
  /** Issues a validation error lists one by one; the rest are counted. */
  issues: 20,
} as const;

/** Why a text is refused, or its length in code points. */
export type TextScan = number | 'nul' | 'surrogate' | 'control';

/**
 * Scans `s`: its length in code points, or what makes it unfit for any store (a NUL, an unpaired
 * surrogate; with `printable`, any control character below U+0020). Stops early past `max` code
 * points, returning `max + 1`, so a huge string costs no more than a short one.
 */
export const scanText = (s: string, max: number, printable = false): TextScan => {
  // At least half of the code units are code points: a text this long is too long already.
  if (s.length > 2 * max) return max + 1;
  let points = 0;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit < 0x20) {
      if (unit === 0) return 'nul';
      if (printable) return 'control';
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      // A high surrogate followed by a low one is one code point; anything else is unpaired.
      if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return 'surrogate';
      i++;
    }
    if (++points > max) return points;
  }
  return points;
};

/** Whether a text holds nothing a store would refuse: no NUL, no unpaired surrogate. */
export const isStorableText = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit === 0) return false;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    }
  }
  return true;
};
