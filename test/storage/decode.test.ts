import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { MKN, recording } from './fixtures.js';

const metadata = { commandId: 'c-1', accountId: 'acc-1', at: '2025-04-21T10:00:00+03:00', actor: 'user-1' };
const good = recording('r1', 1000);

/** Malformed payloads of every storage command, and the field the error must name. */
const malformed: [type: string, data: unknown, field: string][] = [
  ['AddStoragePack', { packs: 2 }, 'data.packs'],
  ['RemoveStoragePack', { confirmEviction: false }, 'data.confirmEviction'],
  ['SetAutoAddPacks', { enabled: 'yes' }, 'data.enabled'],
  ['StoreRecording', { ...good, sizeBytes: 0 }, 'data.sizeBytes'],
  ['StoreRecording', { ...good, durationSeconds: -1 }, 'data.durationSeconds'],
  ['StoreRecording', { ...good, recordedAt: '2025-04-21 10:00' }, 'data.recordedAt'],
  ['StoreRecording', { ...good, source: { kind: 'multichannel', number: '123' } }, 'data.source.number'],
  ['StoreRecording', { ...good, recordingId: '' }, 'data.recordingId'],
  ['DeleteRecording', { recordingId: 7 }, 'data.recordingId'],
  ['PinRecording', {}, 'data.recordingId'],
  ['UnpinRecording', { recordingId: 'r1', reason: 'court' }, 'data.reason'],
];

describe('storage commands: malformed payloads', () => {
  it.each(malformed)('%s with %j names %s', (type, data, field) => {
    const result = decodeCommand({ type, data, metadata });
    expect(isLeft(result) && result.left.code).toBe('ValidationError');
    expect(isLeft(result) && result.left.issues.map((issue) => issue.path)).toContain(field);
  });

  it('normalises the source number of a well-formed StoreRecording', () => {
    const result = decodeCommand({
      type: 'StoreRecording',
      data: { ...good, source: { kind: 'multichannel', number: '8 (495) 123-45-67' } },
      metadata,
    });
    expect(isRight(result) && result.right.type === 'StoreRecording' && result.right.data.source.number).toBe(
      MKN,
    );
  });
});
