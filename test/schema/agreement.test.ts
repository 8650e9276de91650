/**
 * The schemas and the decoders accept the same inputs. Over the fuzz corpus (mutations of valid
 * commands and events of every type, garbage, prototype keys, deep nesting) and generated valid
 * messages, Ajv (draft 2020-12) with the generated schema and `decodeCommand` / `decodeEvent`
 * agree, except where a rule beyond the schema explains the difference: then every issue the
 * decoder reports belongs to one of those rules.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { accountEventRegistry, decodeEvent, decodeStoredAccountEvent } from '../../src/account/events.js';
import type { ValidationError, ValidationIssue } from '../../src/kernel/errors.js';
import { PhoneNumber } from '../../src/numbers/phone-number.js';
import {
  accountCommandSchema,
  accountEventSchema,
  accountStoredEventSchema,
} from '../../src/schema/messages.js';
import { RULES_BEYOND_SCHEMA, type RuleBeyondSchema } from '../../src/schema/rules.js';
import { TimeZone } from '../../src/tariff/time-zone.js';
import { garbage, mutated, PROTOTYPE_KEYS } from '../fuzz/support/hostile.js';
import { validEvent, validRawCommand, validStoredEvent } from '../fuzz/support/samples.js';
import { throughJson } from '../support/json.js';

type RuleId = RuleBeyondSchema['id'];

const lastKey = (path: string): string => {
  const bracket = /\["([^"]*)"\]$/.exec(path);
  if (bracket !== null) return bracket[1] ?? '';
  const dot = path.lastIndexOf('.');
  return dot < 0 ? path : path.slice(dot + 1);
};

const ANY_TEXT = 'a text without NUL or unpaired surrogates';
const PLAIN_DATA_EXPECTATIONS = [
  'data nested at most',
  'an array of at most',
  'an object of at most',
  'a field name of at most',
];

/** Whether a text anywhere in `json` holds half of a surrogate pair. */
const hasLoneSurrogate = (json: unknown): boolean =>
  typeof json === 'string'
    ? /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(json)
    : typeof json === 'object' && json !== null && Object.values(json).some(hasLoneSurrogate);

/** The rule beyond the schema an issue of the decoder belongs to, if any. */
const ruleOf = (issue: ValidationIssue, json: unknown): RuleId | undefined => {
  // Every text is checked when the input is copied; what it found depends on the text.
  if (issue.expected === ANY_TEXT) return hasLoneSurrogate(json) ? 'unpaired-surrogate' : 'plain-data';
  if (issue.expected.includes(PhoneNumber.name)) return 'phone-number';
  if (issue.expected.includes(TimeZone.name)) return 'time-zone';
  if (issue.expected.includes('without unpaired surrogates')) return 'unpaired-surrogate';
  if (PLAIN_DATA_EXPECTATIONS.some((text) => issue.expected.startsWith(text))) return 'plain-data';
  if (issue.expected === 'no such field' && PROTOTYPE_KEYS.slice(0, 3).includes(lastKey(issue.path)))
    return 'plain-data';
  return undefined;
};

/** An event labelled with a schema version older than its type's current one. */
const isOlderEvent = (json: unknown): boolean => {
  const { type, metadata } = json as { type?: unknown; metadata?: { schemaVersion?: unknown } };
  const version = metadata?.schemaVersion;
  const current = typeof type === 'string' ? accountEventRegistry.schemaVersionOf(type) : undefined;
  return typeof version === 'number' && current !== undefined && version < current;
};

const ajv = new Ajv2020({ strict: true, allErrors: false });
const commandValidator = ajv.compile(accountCommandSchema());
const eventValidator = ajv.compile(accountEventSchema());
const storedValidator = ajv.compile(accountStoredEventSchema());

type Tally = Record<RuleId | 'agreed' | 'skipped', number>;
const emptyTally = (): Tally => ({
  agreed: 0,
  skipped: 0,
  ...(Object.fromEntries(RULES_BEYOND_SCHEMA.map((r) => [r.id, 0])) as Record<RuleId, number>),
});

/** Checks one input; throws when schema and decoder disagree without a listed rule to explain it. */
const compare =
  (
    validate: (value: unknown) => boolean,
    decode: (value: unknown) => { _tag: 'Left'; left: ValidationError } | { _tag: 'Right' },
    tally: Tally,
  ) =>
  (input: unknown): void => {
    const json = throughJson(input);
    if (json === undefined) {
      tally.skipped++;
      return;
    }
    const bySchema = validate(json);
    const decoded = decode(json);
    if (bySchema === isRight(decoded as never)) {
      tally.agreed++;
      return;
    }
    if (decoded._tag === 'Right') {
      if (isOlderEvent(json)) {
        tally['older-event-version']++;
        return;
      }
      throw new Error(`the schema refuses what the decoder accepts: ${JSON.stringify(json).slice(0, 400)}`);
    }
    const rules = decoded.left.issues.map((issue) => ruleOf(issue, json));
    const unexplained = decoded.left.issues.filter((_, i) => rules[i] === undefined);
    if (unexplained.length > 0) {
      throw new Error(
        `the schema accepts what the decoder refuses for a rule not listed: ${unexplained
          .map((issue) => issue.message)
          .join('; ')} in ${JSON.stringify(json).slice(0, 400)}`,
      );
    }
    for (const rule of new Set(rules)) tally[rule as RuleId]++;
  };

const RUNS = 10_000;

describe('the command schema and decodeCommand accept the same inputs', () => {
  it('agree on generated commands of every type (texts past their limits included)', () => {
    const tally = emptyTally();
    let accepted = 0;
    const check = compare((v) => commandValidator(v) as boolean, decodeCommand, tally);
    fc.assert(
      fc.property(validRawCommand, (command) => {
        check(command);
        if (commandValidator(throughJson(command))) accepted++;
      }),
      { numRuns: 5_000, seed: 1 },
    );
    expect(accepted).toBeGreaterThan(4_500);
    expect(tally.agreed).toBe(5_000);
  });

  it(`agree on ${RUNS} mutations of valid commands and garbage, apart from the listed rules`, () => {
    const tally = emptyTally();
    const check = compare((v) => commandValidator(v) as boolean, decodeCommand, tally);
    fc.assert(fc.property(mutated(validRawCommand), check), { numRuns: RUNS, seed: 2 });
    fc.assert(fc.property(garbage, check), { numRuns: RUNS / 4, seed: 3 });
    expect(tally.agreed).toBeGreaterThan(RUNS);
    expect(tally['phone-number']).toBeGreaterThan(0);
  });
});

describe('the event schema and decodeEvent accept the same inputs', () => {
  it('every collected valid event is valid by the schema', () => {
    fc.assert(
      fc.property(validEvent, (event) => {
        const json = throughJson(event);
        if (!eventValidator(json)) throw new Error(ajv.errorsText(eventValidator.errors));
        expect(isRight(decodeEvent(json))).toBe(true);
      }),
      { numRuns: 2_000, seed: 4 },
    );
  });

  it(`agree on ${RUNS} mutations of valid events, apart from the listed rules`, () => {
    const tally = emptyTally();
    const check = compare((v) => eventValidator(v) as boolean, decodeEvent, tally);
    fc.assert(fc.property(mutated(validEvent), check), { numRuns: RUNS, seed: 5 });
    expect(tally.agreed).toBeGreaterThan(RUNS / 2);
  });
});

/** Paths to the texts and numbers of a message, `data` and `metadata` alike. */
const leavesOf = (value: unknown, path: readonly (string | number)[] = []): (string | number)[][] => {
  if (typeof value === 'string' || typeof value === 'number') return [[...path]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    leavesOf(inner, [...path, Array.isArray(value) ? Number(key) : key]),
  );
};

const withLeaf = (value: unknown, path: readonly (string | number)[], leaf: unknown): unknown => {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = leaf;
  return copy;
};

/** Characters where schema and codec could part: whitespace by every definition, controls, astral, halves of pairs. */
const tricky = fc.constantFrom(
  ' ',
  '\t',
  '\n',
  '\u000b',
  '\u00a0',
  '\u1680',
  '\u180e',
  '\u200b',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u0000',
  '\u001f',
  '\u007f',
  '😀',
  '\ud83d',
  '\ude00',
  'a',
  'Я',
  '0',
  '9',
  '+',
  '-',
  ':',
  'T',
  'Z',
  '.',
);

/** Texts and numbers near every limit the codecs have. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: tricky, maxLength: 8 }),
  fc
    .integer({ min: 0, max: 4 })
    .chain((n) =>
      fc
        .constantFrom(63, 64, 65, 199, 200, 201, 209, 210, 211)
        .map((length) => 'a'.repeat(length - n) + '😀'.repeat(n)),
    ),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,10})?)?(Z|[+-]\d{2}:\d{2})$/),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.stringMatching(/^\d{1,2}:\d{1,2}$/),
  fc.stringMatching(/^\d{3,5}$/),
  fc.integer({ min: -2, max: 1_442 }),
  fc.constantFrom(0.5, -0, 2 ** 53, 2 ** 53 - 1, 1e21),
);

describe('the stored event schema and decodeStoredAccountEvent accept the same inputs', () => {
  it(`agree on ${RUNS} mutations of stored events (an event log's lines), apart from the listed rules`, () => {
    const tally = emptyTally();
    const check = compare((v) => storedValidator(v) as boolean, decodeStoredAccountEvent, tally);
    fc.assert(fc.property(validStoredEvent, check), { numRuns: 1_000, seed: 8 });
    expect(tally.agreed).toBe(1_000 - tally.skipped);
    fc.assert(fc.property(mutated(validStoredEvent), check), { numRuns: RUNS, seed: 9 });
    expect(tally.agreed).toBeGreaterThan(RUNS / 2);
  });
});

describe('texts, instants and numbers near every limit', () => {
  it('the schemas and the decoders agree on valid messages with one leaf replaced', () => {
    const tally = emptyTally();
    let bothAccepted = 0;
    const check = compare((v) => commandValidator(v) as boolean, decodeCommand, tally);
    const checkEvent = compare((v) => eventValidator(v) as boolean, decodeEvent, tally);
    const spoiled = (valid: fc.Arbitrary<unknown>) =>
      fc.tuple(valid, fc.nat(), replacement).map(([message, at, leaf]) => {
        const leaves = leavesOf(message);
        return leaves.length === 0 ? message : withLeaf(message, leaves[at % leaves.length]!, leaf);
      });
    fc.assert(
      fc.property(spoiled(validRawCommand), (command) => {
        check(command);
        if (commandValidator(command) && isRight(decodeCommand(command))) bothAccepted++;
      }),
      { numRuns: RUNS, seed: 6 },
    );
    fc.assert(fc.property(spoiled(validEvent), checkEvent), { numRuns: RUNS, seed: 7 });
    expect(bothAccepted).toBeGreaterThan(RUNS / 10);
    expect(tally['unpaired-surrogate']).toBeGreaterThan(0);
  });
});
