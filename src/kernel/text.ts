/**
 * Text codecs bounded by the table of {@link LIMITS}: each counts code points, refuses NUL and
 * unpaired surrogates, and keeps its rules readable (`maxLength`) for forms and tests.
 * @module
 */
import * as t from 'io-ts';
import { withJsonSchema } from './json-schema.js';
import { LIMITS, scanText } from './limits.js';

/** How a {@link TextType} checks its texts. */
export interface TextRules {
  /** At most this many code points. */
  readonly maxLength: number;
  /** Refuse an empty text, or one of whitespace only. */
  readonly nonEmpty: boolean;
  /** Refuse control characters (below U+0020), as ids do. */
  readonly printable: boolean;
}

/**
 * A text field: at most `maxLength` code points, never a NUL or an unpaired surrogate. Its
 * rules are readable (`maxLength`), so a form or a test can learn every field's limit.
 */
export class TextType extends t.Type<string, string, unknown> implements TextRules {
  readonly _tag = 'TextType' as const;
  readonly maxLength: number;
  readonly nonEmpty: boolean;
  readonly printable: boolean;
  constructor(name: string, rules: TextRules, refuse?: (s: string) => boolean) {
    const check = (s: string): string | undefined => {
      const scan = scanText(s, rules.maxLength, rules.printable);
      if (scan === 'nul') return `${name}, without NUL characters`;
      if (scan === 'surrogate') return `${name}, without unpaired surrogates`;
      if (scan === 'control') return `${name}, of printable characters`;
      if (scan > rules.maxLength || (rules.nonEmpty && s.trim() === '') || refuse?.(s)) return name;
      return undefined;
    };
    super(
      name,
      (u): u is string => typeof u === 'string' && check(u) === undefined,
      (u, c) => {
        if (typeof u !== 'string') return t.failure(u, c);
        const problem = check(u);
        return problem === undefined ? t.success(u) : t.failure(u, c, problem === name ? undefined : problem);
      },
      t.identity,
    );
    this.maxLength = rules.maxLength;
    this.nonEmpty = rules.nonEmpty;
    this.printable = rules.printable;
  }
}

/** A text of 0 to `max` characters (code points) that a store can keep. */
export const boundedText = (what: string, max: number): TextType =>
  new TextType(`${what} of at most ${max} characters`, { maxLength: max, nonEmpty: false, printable: false });

/** A text of 1 to `max` characters (code points) that is not only whitespace. */
export const nonEmptyString = (max: number = LIMITS.name, what = 'a non-empty string'): TextType =>
  new TextType(`${what} of 1 to ${max} characters`, { maxLength: max, nonEmpty: true, printable: false });

const printableId = (what: string, max: number): TextType =>
  withJsonSchema(
    new TextType(
      `${what} of 1 to ${max} printable characters`,
      { maxLength: max, nonEmpty: false, printable: true },
      // "__proto__" would turn an id-keyed record into a prototype change.
      (s) => s.length === 0 || s === '__proto__',
    ),
    // The refusal above is a function: a schema walker reads it here.
    { minLength: 1, not: { const: '__proto__' } },
  );

/** An identifier a caller chooses: 1 to 64 printable characters. */
export const Id = printableId('an id', LIMITS.id);
/** A short machine code carried by an event (e.g. why a number was skipped). */
export const Code = printableId('a code', LIMITS.code);
/** An event id as a store keeps it (a command id, a separator and an index fit). */
export const EventId = printableId('an event id', LIMITS.eventId);
/** A stream id as a store keeps it (a prefix and an account id fit). */
export const StreamId = printableId('a stream id', LIMITS.streamId);
/** A person's full name, or a tariff's name. */
export const Name = nonEmptyString(LIMITS.name, 'a name');
/** An employee's department; may be empty. */
export const Department = boundedText('a department', LIMITS.department);
/** The name of an uploaded melody. */
export const MelodyName = nonEmptyString(LIMITS.melodyName, 'a melody name');
/** The text of a notification sent after a call; may be empty while its channels are off. */
export const NotificationText = boundedText('a notification text', LIMITS.notificationText);
