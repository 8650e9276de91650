/**
 * Small io-ts codecs shared by every capability: bounded integers, texts bounded by the table of
 * {@link LIMITS}, ids, instants, and `strictType`, which refuses fields it does not know (a typo
 * in a command is an error, not a silently ignored flag).
 * @module
 */
import * as t from 'io-ts';
import { MAX_INSTANT_LENGTH, parseInstant } from './instant.js';
import { LIMITS, scanText } from './limits.js';
import { OmittedIssues, UnknownField } from './validation.js';

export { LIMITS } from './limits.js';

/** An integer within `[min, max]` (both inclusive), named for error messages. */
export const intRange = (min: number, max: number, name = `an integer from ${min} to ${max}`) =>
  new t.Type<number, number, unknown>(
    name,
    (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max,
    (u, c) =>
      typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max
        ? t.success(u)
        : t.failure(u, c),
    t.identity,
  );

/** A safe integer ≥ 0. */
export const NonNegativeInt = intRange(0, Number.MAX_SAFE_INTEGER, 'a non-negative integer');
/** A safe integer ≥ 1. */
export const PositiveInt = intRange(1, Number.MAX_SAFE_INTEGER, 'a positive integer');

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
  new TextType(
    `${what} of 1 to ${max} printable characters`,
    { maxLength: max, nonEmpty: false, printable: true },
    // "__proto__" would turn an id-keyed record into a prototype change.
    (s) => s.length === 0 || s === '__proto__',
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

/**
 * An ISO-8601 instant with an explicit offset (`Z` or `±hh:mm`), e.g. `2025-04-21T10:00:00+03:00`:
 * a real calendar instant (no 30 February, 24:00 or leap second), offset within ±18:00.
 */
export const Instant = new t.Type<string, string, unknown>(
  'an ISO-8601 instant with offset',
  (u): u is string => typeof u === 'string' && isInstant(u),
  (u, c) => (typeof u === 'string' && isInstant(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);
function isInstant(s: string): boolean {
  return s.length <= MAX_INSTANT_LENGTH && !Number.isNaN(parseInstant(s));
}

/**
 * Epoch milliseconds of an instant {@link Instant} admits (`NaN` for any other text): an exact
 * hand parser of that one shape, for hot paths instead of `Date.parse` or `parseISO`.
 */
export const instantMs = (iso: string): number => parseInstant(iso);

/** `true` only: an explicit acknowledgement or confirmation flag. */
export const True = t.literal(true);

/**
 * A codec made by {@link strictType}; its declared fields stay readable, so a form or a test can
 * walk them.
 */
export class StrictType<P extends t.Props, O extends t.Props, A> extends t.Type<A, A, unknown> {
  readonly _tag = 'StrictType' as const;
  constructor(
    name: string,
    is: t.Is<A>,
    validate: t.Validate<unknown, A>,
    readonly required: P,
    readonly optional: O,
  ) {
    super(name, is, validate, t.identity);
  }
}

/**
 * Like `t.type`, but a field that is not declared is an error naming it (at most the first
 * few; a flood of unknown fields costs no more than a few). `optional` fields may be absent
 * (never `undefined`-valued keys in the output).
 */
export const strictType = <P extends t.Props, O extends t.Props = Record<never, t.Mixed>>(
  required: P,
  optional?: O,
  name?: string,
) => {
  const base =
    optional === undefined ? t.type(required) : t.intersection([t.type(required), t.partial(optional)]);
  const known = new Set([...Object.keys(required), ...Object.keys(optional ?? {})]);
  type A = t.TypeOf<t.TypeC<P>> & Partial<t.TypeOf<t.TypeC<O>>>;
  return new StrictType<P, O, A>(
    name ?? base.name,
    (u): u is A => base.is(u),
    (u, c) => {
      if (typeof u === 'object' && u !== null && !Array.isArray(u)) {
        const errors: t.ValidationError[] = [];
        let extra = 0;
        for (const k of Object.keys(u)) {
          if (known.has(k) || ++extra > LIMITS.issues) continue;
          const value = (u as Record<string, unknown>)[k];
          errors.push({ value, context: [...c, { key: k, type: UnknownField, actual: value }] });
        }
        // Past the listed ones only the count matters: a flood of fields costs one entry.
        if (extra > LIMITS.issues) {
          const omitted = extra - LIMITS.issues;
          errors.push({ value: omitted, context: [...c, { key: '', type: OmittedIssues, actual: omitted }] });
        }
        if (errors.length > 0) return t.failures(errors);
      }
      // The inner codec enters the context so that paths skip its member indexes.
      return base.validate(u, t.appendContext(c, '', base, u)) as t.Validation<A>;
    },
    required,
    (optional ?? {}) as O,
  );
};
