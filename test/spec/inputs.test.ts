/**
 * Inputs every store accepts alike: every text field has a maximum length (ids and phone numbers
 * 64 characters, names and departments 200, notification texts 210 code points, melody names
 * 200) and refuses NUL and unpaired surrogates, by the codec, naming the field.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/index.js';
import { ACCOUNT, DAY_2, OPERATOR } from './support.js';

const metadata = { commandId: 'c-1', accountId: ACCOUNT, at: DAY_2, actor: 'user-1' };
const decode = (type: string, data: unknown, meta: Record<string, unknown> = metadata) =>
  decodeCommand({ type, data, metadata: meta });
const refusedAt = (type: string, data: unknown, path: string, meta?: Record<string, unknown>) => {
  const decoded = decode(type, data, meta);
  if (!isLeft(decoded)) throw new Error(`${type} accepted`);
  expect(decoded.left.issues.map((issue) => issue.path)).toContain(path);
};
const addNumber = (fields: Record<string, unknown>) => ({
  number: OPERATOR,
  kind: 'regular',
  fullName: 'Иванова Анна',
  department: 'Продажи',
  ...fields,
});

describe('maximum lengths', () => {
  it.each([
    ['commandId', 'metadata.commandId'],
    ['accountId', 'metadata.accountId'],
    ['actor', 'metadata.actor'],
  ])('an id (%s) takes 64 characters, not 65', (field, path) => {
    expect(isRight(decode('AddStoragePack', {}, { ...metadata, [field]: 'x'.repeat(64) }))).toBe(true);
    refusedAt('AddStoragePack', {}, path, { ...metadata, [field]: 'x'.repeat(65) });
  });

  it('a recording id takes 64 characters, not 65', () => {
    expect(isRight(decode('DeleteRecording', { recordingId: 'r'.repeat(64) }))).toBe(true);
    refusedAt('DeleteRecording', { recordingId: 'r'.repeat(65) }, 'data.recordingId');
  });

  it('a phone number longer than 64 characters is refused', () => {
    refusedAt('AddMultichannelNumber', { number: `+7 495 123-45-67${' '.repeat(60)}` }, 'data.number');
  });

  it('a full name and a department take 200 characters, not 201', () => {
    expect(
      isRight(decode('AddNumber', addNumber({ fullName: 'Я'.repeat(200), department: 'Я'.repeat(200) }))),
    ).toBe(true);
    refusedAt('AddNumber', addNumber({ fullName: 'Я'.repeat(201) }), 'data.fullName');
    refusedAt('AddNumber', addNumber({ department: 'Я'.repeat(201) }), 'data.department');
  });

  it('a melody name takes 200 characters, not 201', () => {
    expect(isRight(decode('UploadMelody', { melodyId: 'm-1', name: 'Я'.repeat(200) }))).toBe(true);
    refusedAt('UploadMelody', { melodyId: 'm-1', name: 'Я'.repeat(201) }, 'data.name');
  });

  it('a notification text takes 210 code points (emoji included), not 211', () => {
    const text = '😀'.repeat(210);
    const configure = (t: string) => ({
      scenario: 'incoming-missed-call',
      sms: true,
      telegram: false,
      text: t,
    });
    expect(isRight(decode('ConfigureNotification', configure(text)))).toBe(true);
    refusedAt('ConfigureNotification', configure(`${text}!`), 'data.text');
  });
});

describe('NUL and unpaired surrogates are refused in every text field', () => {
  it.each([
    ['\u0000', 'NUL'],
    ['\uD800', 'a lone high surrogate'],
    ['\uDC00', 'a lone low surrogate'],
  ])('%j (%s) in a name, a department, a text, a melody name, an id', (bad) => {
    refusedAt('AddNumber', addNumber({ fullName: `Анна${bad}` }), 'data.fullName');
    refusedAt('AddNumber', addNumber({ department: `Отдел${bad}` }), 'data.department');
    refusedAt(
      'ConfigureNotification',
      { scenario: 'incoming-missed-call', sms: true, telegram: false, text: `Текст${bad}` },
      'data.text',
    );
    refusedAt('UploadMelody', { melodyId: 'm-1', name: `Весна${bad}` }, 'data.name');
    refusedAt('DeleteRecording', { recordingId: `r${bad}` }, 'data.recordingId');
  });
});
