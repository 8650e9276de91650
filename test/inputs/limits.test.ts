/**
 * The table of limits, walked through every command and event codec: every text field is
 * bounded by an entry of the table (no unbounded string is left anywhere), takes a text of
 * exactly its limit — in Latin, Cyrillic and astral characters — and refuses one more
 * character, and any NUL or unpaired surrogate, naming the field's path.
 */
import fc from 'fast-check';
import { type Either, isLeft, isRight } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { accountCommandCodecs, accountCommandTypes, decodeCommand } from '../../src/account/commands.js';
import { accountEventCodecs, decodeEvent } from '../../src/account/events.js';
import { LIMITS, TextType } from '../../src/kernel/codecs.js';
import type { ValidationError } from '../../src/kernel/errors.js';
import { PhoneNumber } from '../../src/numbers/phone-number.js';
import { isTimeZone, TimeZone } from '../../src/tariff/time-zone.js';
import { VALID_EVENTS, validRawCommand } from '../fuzz/support/samples.js';
import { fieldsOf, getAt, pathText, setAt } from './support/fields.js';

const refusedAt = (result: Either<ValidationError, unknown>): string[] =>
  isLeft(result) ? result.left.issues.map((i) => i.path) : [];

/** Texts of exactly `n` characters: Latin, Cyrillic, astral (two code units each). */
const textsOf = (n: number, printable: boolean): string[] => [
  'a'.repeat(n),
  'я'.repeat(n),
  '𝔘'.repeat(n),
  // Right-to-left and combining marks count one character per code point.
  printable ? 'ש'.repeat(n) : 'e\u0301'.repeat(Math.floor(n / 2)) + 'ש'.repeat(n % 2),
];

/** A raw command of each type that decodes, as a client would send it (the samples stray at times). */
const COMMANDS = new Map<string, Record<string, unknown>>();
for (const command of fc.sample(validRawCommand, { numRuns: 3_000, seed: 19 }))
  if (!COMMANDS.has(command.type as string) && isRight(decodeCommand(command)))
    COMMANDS.set(command.type as string, command);

const textLimits = new Set<number>(Object.values(LIMITS));

describe('the table of limits', () => {
  it('bounds every text field of every command and event codec (no unbounded string left)', () => {
    const all = [
      ...Object.entries(accountCommandCodecs).flatMap(([type, c]) =>
        fieldsOf(c).map((f) => ({ type, ...f })),
      ),
      ...Object.entries(accountEventCodecs).flatMap(([type, c]) => fieldsOf(c).map((f) => ({ type, ...f }))),
    ];
    const unbounded = all.filter((f) => f.codec instanceof t.StringType).map((f) => pathText(f.type, f.path));
    expect(unbounded).toEqual([]);
    for (const field of all)
      if (field.codec instanceof TextType) expect(textLimits.has(field.codec.maxLength)).toBe(true);
    expect(all.filter((f) => f.codec instanceof TextType).length).toBeGreaterThan(20);
  });

  it('names the limits of the spec: ids and numbers 64, names and departments 200, texts 210, melodies 200', () => {
    expect(LIMITS).toMatchObject({
      id: 64,
      phoneNumber: 64,
      name: 200,
      department: 200,
      notificationText: 210,
      melodyName: 200,
    });
  });

  it('sampled a valid command of every type', () => {
    expect([...COMMANDS.keys()].sort()).toEqual([...accountCommandTypes].sort());
    for (const command of COMMANDS.values()) expect(isRight(decodeCommand(command))).toBe(true);
  });

  it('every text field of every command: at its limit accepted, one more refused naming its path', () => {
    let checked = 0;
    for (const [type, codec] of Object.entries(accountCommandCodecs)) {
      const command = COMMANDS.get(type) as Record<string, unknown>;
      for (const { path, codec: field } of fieldsOf(codec)) {
        if (!(field instanceof TextType)) continue;
        const at = ['data', ...path];
        for (const text of textsOf(field.maxLength, field.printable)) {
          expect(refusedAt(decodeCommand(setAt(command, at, text))), `${type} ${text.length}`).toEqual([]);
          expect(refusedAt(decodeCommand(setAt(command, at, `${text}a`)))).toEqual([pathText('data', path)]);
        }
        checked++;
      }
      for (const key of ['commandId', 'accountId', 'actor']) {
        expect(refusedAt(decodeCommand(setAt(command, ['metadata', key], '𝔘'.repeat(LIMITS.id))))).toEqual(
          [],
        );
        expect(
          refusedAt(decodeCommand(setAt(command, ['metadata', key], 'x'.repeat(LIMITS.id + 1)))),
        ).toEqual([`metadata.${key}`]);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('every phone number field of every command: 64 characters accepted, 65 refused naming its path', () => {
    const spelled = '+7 (912) 345-67-89';
    const atLimit = spelled.padEnd(LIMITS.phoneNumber, ' ');
    let checked = 0;
    for (const [type, codec] of Object.entries(accountCommandCodecs)) {
      const command = COMMANDS.get(type) as Record<string, unknown>;
      for (const { path, codec: field } of fieldsOf(codec)) {
        if (field !== PhoneNumber) continue;
        const at = ['data', ...path];
        const accepted = decodeCommand(setAt(command, at, atLimit));
        expect(isRight(accepted) && getAt(accepted.right, at)).toBe('+79123456789');
        expect(refusedAt(decodeCommand(setAt(command, at, `${atLimit} `)))).toEqual([pathText('data', path)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('every text field of every event: at its limit accepted, one more refused naming its path', () => {
    let checked = 0;
    for (const [type, codec] of Object.entries(accountEventCodecs)) {
      for (const { path, codec: field } of fieldsOf(codec)) {
        if (!(field instanceof TextType)) continue;
        const at = ['data', ...path];
        // An event of this type in which the field is there (an array may be empty in some).
        const event = VALID_EVENTS.find((e) => e.type === type && getAt(e, at) !== undefined);
        if (event === undefined) continue;
        const text = 'я'.repeat(field.maxLength);
        expect(refusedAt(decodeEvent(setAt(event, at, text))), `${type}`).toEqual([]);
        expect(refusedAt(decodeEvent(setAt(event, at, `${text}я`)))).toEqual([pathText('data', path)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('every text field refuses NUL and unpaired surrogates, naming its path', () => {
    for (const [type, codec] of Object.entries(accountCommandCodecs)) {
      const command = COMMANDS.get(type) as Record<string, unknown>;
      for (const { path, codec: field } of fieldsOf(codec)) {
        if (!(field instanceof TextType)) continue;
        for (const bad of ['a\u0000b', 'a\ud83d', '\ude00a', '\ude00\ud83d'])
          expect(refusedAt(decodeCommand(setAt(command, ['data', ...path], bad)))).toEqual([
            pathText('data', path),
          ]);
      }
    }
  });

  it('a bulk option change takes 10 000 numbers and refuses 10 001, naming data.numbers', () => {
    const command = COMMANDS.get('EnableNumberOption') as Record<string, unknown>;
    const numbers = (n: number) => Array.from({ length: n }, () => '+79123456789');
    expect(
      refusedAt(decodeCommand(setAt(command, ['data', 'numbers'], numbers(LIMITS.numbersPerCommand)))),
    ).toEqual([]);
    expect(
      refusedAt(decodeCommand(setAt(command, ['data', 'numbers'], numbers(LIMITS.numbersPerCommand + 1)))),
    ).toEqual(['data.numbers']);
  });

  it('a time zone name is at most 64 characters, refused before the runtime is asked', () => {
    expect(TimeZone.is('America/Argentina/ComodRivadavia')).toBe(true);
    const long = `Europe/${'M'.repeat(LIMITS.timeZone - 6)}`;
    expect(long.length).toBe(LIMITS.timeZone + 1);
    expect(isTimeZone(long)).toBe(false);
    const command = COMMANDS.get('OpenAccount') as Record<string, unknown>;
    expect(refusedAt(decodeCommand(setAt(command, ['data', 'timeZone'], long)))).toEqual(['data.timeZone']);
  });
});
