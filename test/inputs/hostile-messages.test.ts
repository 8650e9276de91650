/**
 * Hostile input at the public decoders: prototype keys in a command's or an event's data are
 * refused with their path (never a prototype of the decoded payload), unknown fields are named
 * even when their name is empty and shown with an excerpt of their value.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { decodeEvent, decodeStoredAccountEvent } from '../../src/account/events.js';

const metadata = { commandId: 'c-1', accountId: 'acc-1', at: '2025-04-21T10:00:00+03:00', actor: 'user-1' };
const storeRecording = (data: string) =>
  JSON.parse(`{"type":"StoreRecording","data":${data},"metadata":${JSON.stringify(metadata)}}`);
const recording =
  '"recordingId":"r-1","callId":"call-1","sizeBytes":10,"durationSeconds":1,"recordedAt":"2025-04-21T09:59:00+03:00"';

const refused = (result: ReturnType<typeof decodeCommand> | ReturnType<typeof decodeEvent>) =>
  isLeft(result) ? result.left.issues.map((i) => i.message) : [];

describe('hostile input at the decoders', () => {
  it('a command whose nested data holds an own __proto__ is refused, naming the path', () => {
    const input = storeRecording(
      `{${recording},"source":{"kind":"user","number":"+79123456789","__proto__":{"kind":"multichannel"}}}`,
    );
    expect(refused(decodeCommand(input))).toEqual([
      'data.source.__proto__: no such field, got {"kind":"multichannel"}',
    ]);
  });

  it('an event whose data holds an own constructor or prototype key is refused, stored or not', () => {
    const event = {
      type: 'RecordingPinned',
      data: JSON.parse('{"recordingId":"r-1","constructor":{"prototype":{"polluted":true}}}'),
      metadata: { at: metadata.at, commandId: 'c-1', actor: 'user-1' },
    };
    expect(refused(decodeEvent(event))).toEqual([
      'data.constructor: no such field, got {"prototype":{"polluted":true}}',
    ]);
    const stored = {
      ...event,
      metadata: {
        ...event.metadata,
        eventId: 'c-1/0',
        streamId: 'account-acc-1',
        version: 1,
        globalPosition: 1,
        schemaVersion: 1,
      },
    };
    expect(isLeft(decodeStoredAccountEvent(stored))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an unknown field named "" is named, in the command and in its data, with its value', () => {
    expect(
      refused(decodeCommand({ type: 'SetAutoRenewal', data: { enabled: true }, metadata, '': 'x' })),
    ).toEqual(['[""]: no such field, got "x"']);
    expect(
      refused(decodeCommand({ type: 'SetAutoRenewal', data: { enabled: true, '': 42 }, metadata })),
    ).toEqual(['data[""]: no such field, got 42']);
    expect(
      refused(decodeCommand({ type: 'SetAutoRenewal', data: { enabled: true }, metadata, colour: 'red' })),
    ).toEqual(['colour: no such field, got "red"']);
  });

  it('a department of 50 MB is refused with a short message', () => {
    const result = decodeCommand({
      type: 'AddNumber',
      data: {
        number: '+79123456789',
        kind: 'regular',
        fullName: 'Иванов',
        department: 'д'.repeat(50 * 1024 * 1024),
      },
      metadata,
    });
    expect(refused(result)).toEqual([
      `data.department: expected a department of at most 200 characters, got "${'д'.repeat(40)}…" (52 428 800 characters)`,
    ]);
  });
});
