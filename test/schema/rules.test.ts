/**
 * Each rule beyond the schemas, shown by a message the schema and the decoder judge apart for
 * that rule alone: the list is neither stale nor short of one.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { decodeEvent } from '../../src/account/events.js';
import { accountCommandSchema, accountEventSchema } from '../../src/schema/messages.js';
import { RULES_BEYOND_SCHEMA } from '../../src/schema/rules.js';

const ajv = new Ajv2020({ strict: true });
const commandValid = ajv.compile(accountCommandSchema());
const eventValid = ajv.compile(accountEventSchema());

const metadata = { commandId: 'c-1', accountId: 'acc-1', at: '2025-04-21T10:00:00+03:00', actor: 'user-1' };
const command = (type: string, data: unknown, meta: object = metadata) => ({ type, data, metadata: meta });
const addNumber = (fields: object = {}) =>
  command('AddNumber', {
    number: '+79161234567',
    kind: 'regular',
    fullName: 'Иванова Анна',
    department: '',
    ...fields,
  });

/** The schema accepts, the decoder refuses, and its issue is at `path`. */
const refusedBeyondSchema = (input: unknown, path: string) => {
  expect(commandValid(input)).toBe(true);
  const decoded = decodeCommand(input);
  expect(isLeft(decoded) && decoded.left.issues.map((issue) => issue.path)).toEqual([path]);
};

describe('Given the rules the decoders apply beyond the schemas', () => {
  it('the list names five rules, each said in a sentence', () => {
    expect(RULES_BEYOND_SCHEMA.map((rule) => rule.id)).toEqual([
      'phone-number',
      'time-zone',
      'unpaired-surrogate',
      'plain-data',
      'older-event-version',
    ]);
    for (const { rule } of RULES_BEYOND_SCHEMA) expect(rule.length).toBeGreaterThan(40);
    const page = readFileSync(new URL('../../docs/schema.md', import.meta.url), 'utf8');
    for (const { id } of RULES_BEYOND_SCHEMA) expect(page).toContain(`- \`${id}\` — `);
  });

  it('a valid command is valid by both', () => {
    expect(commandValid(addNumber())).toBe(true);
    expect(isRight(decodeCommand(addNumber()))).toBe(true);
  });

  it('phone-number: a text that is no valid number', () => {
    refusedBeyondSchema(addNumber({ number: '+7 000' }), 'data.number');
  });

  it('time-zone: a name the runtime does not know', () => {
    refusedBeyondSchema(
      command('OpenAccount', { tariffId: 'basic', timeZone: 'Mars/Olympus' }),
      'data.timeZone',
    );
  });

  it('unpaired-surrogate: half of a pair in a text', () => {
    refusedBeyondSchema(addNumber({ fullName: 'Анна \ud83d' }), 'data.fullName');
  });

  it('plain-data: prototype keys, long keys, NUL and deep nesting in the open metadata', () => {
    const withProto = JSON.parse(`{"__proto__": 1, ${JSON.stringify(metadata).slice(1)}`);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = { a: deep };
    for (const meta of [
      withProto,
      { ...metadata, ['k'.repeat(65)]: 1 },
      { ...metadata, note: 'a\u0000b' },
      { ...metadata, trace: deep },
    ]) {
      const input = addNumber();
      const spoiled = { ...input, metadata: meta };
      expect(commandValid(spoiled)).toBe(true);
      const decoded = decodeCommand(spoiled);
      expect(isLeft(decoded)).toBe(true);
      if (isLeft(decoded)) for (const issue of decoded.left.issues) expect(issue.path).toMatch(/^metadata/);
    }
  });

  it('older-event-version: an event labelled with an older version is read in its older shape', () => {
    const old = {
      type: 'QuietHoursSet',
      data: { quietHours: { from: '22:00', to: '06:00' } },
      metadata: { at: '2025-04-21T10:00:00+03:00', commandId: 'c-1', actor: 'user-1', schemaVersion: 1 },
    };
    expect(eventValid(old)).toBe(false);
    expect(isRight(decodeEvent(old))).toBe(true);
    const current = {
      ...old,
      data: { sendingHours: { from: '22:00', to: '06:00' } },
      metadata: { ...old.metadata, schemaVersion: 2 },
    };
    expect(eventValid(current)).toBe(true);
    expect(isRight(decodeEvent(current))).toBe(true);
  });
});
