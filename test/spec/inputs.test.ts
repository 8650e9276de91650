/**
 * Inputs every store accepts alike: text fields have a maximum length, refused by the codec
 * naming the field.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/index.js';
import { ACCOUNT, DAY_2 } from './support.js';

const metadata = { commandId: 'c-1', accountId: ACCOUNT, at: DAY_2, actor: 'user-1' };
const decode = (type: string, data: unknown, meta: Record<string, unknown> = metadata) =>
  decodeCommand({ type, data, metadata: meta });
const refusedAt = (type: string, data: unknown, path: string, meta?: Record<string, unknown>) => {
  const decoded = decode(type, data, meta);
  if (!isLeft(decoded)) throw new Error(`${type} accepted`);
  expect(decoded.left.issues.map((issue) => issue.path)).toContain(path);
};

describe('maximum lengths', () => {
  it('a phone number longer than 64 characters is refused', () => {
    refusedAt('AddMultichannelNumber', { number: `+7 495 123-45-67${' '.repeat(60)}` }, 'data.number');
  });

  it('a melody name takes 200 characters, not 201', () => {
    expect(isRight(decode('UploadMelody', { melodyId: 'm-1', name: 'Я'.repeat(200) }))).toBe(true);
    refusedAt('UploadMelody', { melodyId: 'm-1', name: 'Я'.repeat(201) }, 'data.name');
  });
});
