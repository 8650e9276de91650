/**
 * Inputs every store accepts alike: whatever the codecs accept — texts at their limits, astral
 * characters, right-to-left text, combining marks, noncharacters, ids of 64 code points, big
 * integers — a store accepts and reads back exactly as given. Run against each store from its
 * own test file: commands through the handler, and decoded events appended directly.
 */
import fc from 'fast-check';
import { type Either, isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { type AccountEvent, accountEventCodecs, decodeEvent } from '../../src/account/events.js';
import { createCommandHandler } from '../../src/account/handler.js';
import { Id, LIMITS, TextType } from '../../src/kernel/codecs.js';
import type { EventStore } from '../../src/kernel/event-store.js';
import { mutated } from '../fuzz/support/hostile.js';
import { VALID_EVENTS, validEvent } from '../fuzz/support/samples.js';
import { fieldsOf, getAt, setAt } from '../inputs/support/fields.js';

/** What a store's test file provides. */
export interface InputsFixture {
  /** A fresh, empty store of account events. */
  readonly create: () => Promise<EventStore<AccountEvent>>;
}

const ok = async <A>(task: () => Promise<Either<unknown, A>>): Promise<A> => {
  const result = await task();
  if (isLeft(result)) throw new Error(`expected success, got ${JSON.stringify(result.left).slice(0, 2_000)}`);
  return result.right;
};

/** Pieces of text a person may type or paste; each is one or more whole code points. */
const PIECES = [
  'a',
  'Z',
  '0',
  ' ',
  'я',
  'Ё',
  'ß',
  '€',
  '"',
  '\\',
  "'",
  '<',
  '%',
  '𝔘', // astral letter
  '😀',
  '👩‍👩‍👧‍👦', // ZWJ sequence
  '👍🏽',
  '🇷🇺',
  'שלום', // right to left
  'مرحبا',
  '\u202e', // right-to-left override
  '\u200f',
  '\u200b',
  '\u200d',
  'e\u0301', // combining acute
  '\u0300\u0301',
  '\ufeff',
  '\u00a0',
  '\u2028',
  '\u007f',
  '\u0085',
  '\ufffd',
  '\ufffe', // noncharacters are valid code points
  '\uffff',
  '\u{10ffff}',
  '\u{e0001}',
] as const;
const CONTROLS = ['\t', '\n', '\r', '\u001b', '\u0001'] as const;

/** The first `max` code points of `s`. */
const codePoints = (s: string, max: number): string => [...s].slice(0, max).join('');

/** Text of up to `max` code points (often exactly `max`) from the pieces, controls too unless `printable`. */
export const hostileText = (max: number, printable: boolean, min = 0): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...PIECES, ...(printable ? [] : CONTROLS)), { minLength: 1, maxLength: max }),
      fc.boolean(),
    )
    .map(([pieces, fill]) => {
      let text = pieces.join('');
      // Half the time exactly at the limit, by repeating what was drawn.
      if (fill) while ([...text].length < max) text += text;
      text = codePoints(text, max);
      return [...text].length >= min && text.trim() !== '' ? text : `x${codePoints(text, max - 1)}`;
    });

/** An id of up to 64 code points that no codec refuses. */
const hostileId = hostileText(LIMITS.id, true, 1).filter((s) => Id.is(s));

/** A list of distinct hostile ids. */
const ids = (n: number, seed: number): string[] => [
  ...new Set(fc.sample(hostileId, { numRuns: n * 3, seed })),
];

/** A text for a field, at most its limit, that its codec accepts. */
const textFor = (codec: TextType): fc.Arbitrary<string> =>
  hostileText(codec.maxLength, codec.printable, 1).filter((s) => codec.is(s));

/** A valid event with one more field in its data: hostile text or numbers, under a hostile name. */
const withExtraField = fc
  .tuple(
    validEvent,
    hostileText(LIMITS.key, false, 1),
    fc.oneof(
      hostileText(300, false),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(-0, 0.1, 1e300, -1e-300, Number.MAX_SAFE_INTEGER + 2),
      fc.jsonValue({ maxDepth: 3 }),
    ),
  )
  .filter(([, key]) => key.length <= LIMITS.key)
  .map(([event, key, value]) => ({ ...event, data: { ...(event.data as object), [key]: value } }));

/** Registers the conformance tests of inputs on one store. */
export const runInputsConformance = (name: string, fixture: InputsFixture): void => {
  describe(`inputs every store accepts alike: ${name}`, () => {
    it('commands with texts at their limits go through the handler and read back as appended', async () => {
      const store = await fixture.create();
      const handler = createCommandHandler({ eventStore: store });
      for (let run = 0; run < 3; run++) {
        const [account, actor, melody, recording, call, ...commandIds] = ids(40, run);
        const text = (max: number, printable = false) =>
          fc.sample(hostileText(max, printable, 1), { numRuns: 1, seed: 100 + run })[0] as string;
        let step = 0;
        const at = (minutes: number) =>
          `2025-04-21T${String(10 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.123456789+03:00`;
        const send = async (type: string, data: Record<string, unknown>) => {
          const input = {
            type,
            data,
            metadata: { commandId: commandIds[step] ?? `c-${step}`, accountId: account, at: at(step), actor },
          };
          step++;
          const decoded = decodeCommand(input);
          if (isLeft(decoded)) throw new Error(`${type} does not decode: ${decoded.left.message}`);
          const handled = await ok(handler.handle(decoded.right));
          return handled.events;
        };
        const appended = [
          ...(await send('OpenAccount', { tariffId: 'basic', timeZone: 'America/Argentina/ComodRivadavia' })),
          ...(await send('AddMultichannelNumber', {
            number: '+7 (495) 123-45-67'.padEnd(LIMITS.phoneNumber, ' '),
          })),
          ...(await send('AddNumber', {
            number: '8 912 345-67-80',
            kind: 'regular',
            fullName: text(LIMITS.name),
            department: text(LIMITS.department),
          })),
          ...(await send('UploadMelody', { melodyId: melody, name: text(LIMITS.melodyName) })),
          ...(await send('ConfigureNotification', {
            scenario: 'incoming-missed-call',
            sms: true,
            telegram: false,
            text: text(LIMITS.notificationText),
          })),
          ...(await send('EnableRecording', {})),
          ...(await send('StoreRecording', {
            recordingId: recording,
            callId: call,
            source: { kind: 'multichannel', number: '+74951234567' },
            sizeBytes: 1_000_000,
            durationSeconds: 60,
            recordedAt: '2025-04-21T07:00:00.999999999Z',
          })),
          ...(await send('RegisterCall', {
            callId: commandIds[30] ?? 'call-2',
            direction: 'incoming',
            line: 'multichannel',
            multichannelNumber: '+74951234567',
            client: '+7 926 123 45 67',
            outcome: 'missed',
          })),
        ];
        expect(appended.length).toBeGreaterThanOrEqual(8);
        const stream = await ok(store.readStream(`account-${account}`));
        expect(stream).toEqual(appended);
        expect(stream.map((e) => e.metadata.actor)).toEqual(appended.map(() => actor));
      }
      const all = await ok(store.readAll());
      expect(all.length).toBeGreaterThanOrEqual(24);
    });

    it('events the codecs accept, with hostile texts in every text field, append and read back as given', async () => {
      const store = await fixture.create();
      const textFields = Object.entries(accountEventCodecs).map(
        ([type, codec]) => [type, fieldsOf(codec).filter((f) => f.codec instanceof TextType)] as const,
      );
      const streamIds = ids(8, 7).map((id) => `account-${id}`);
      let n = 0;
      let appended = 0;
      for (const [type, fields] of textFields) {
        const samples = VALID_EVENTS.filter((e) => e.type === type).slice(0, 3);
        for (const sample of samples) {
          let event: unknown = sample;
          for (const { path, codec } of fields) {
            const at = ['data', ...path];
            if (getAt(event, at) === undefined) continue;
            event = setAt(event, at, fc.sample(textFor(codec as TextType), { numRuns: 1, seed: n++ })[0]);
          }
          // Unique per event, as a handler's command ids are.
          event = setAt(
            event,
            ['metadata', 'commandId'],
            codePoints(`${++appended}:${ids(1, 1_000 + n)[0]}`, LIMITS.id),
          );
          event = setAt(event, ['metadata', 'actor'], ids(1, 2_000 + n)[0]);
          const decoded = decodeEvent(event);
          if (isLeft(decoded)) throw new Error(`${type} does not decode: ${decoded.left.message}`);
          const streamId = streamIds[n % streamIds.length] as string;
          const { events } = await ok(
            store.appendToStream(streamId, [decoded.right], { expectedVersion: 'any' }),
          );
          const [back] = await ok(
            store.readStream(streamId, { fromVersion: events[0]?.metadata.version ?? 1 }),
          );
          expect(back).toEqual(events[0]);
          expect({ type: back?.type, data: back?.data }).toEqual({
            type: decoded.right.type,
            data: decoded.right.data,
          });
        }
      }
      expect(n).toBeGreaterThan(20);
      expect(appended).toBeGreaterThan(30);
    });

    it('any event decodeEvent accepts, unknown fields and odd numbers included, reads back as given', async () => {
      const store = await fixture.create();
      const accepted = fc
        .sample(fc.oneof(mutated(validEvent), withExtraField), { numRuns: 4_000, seed: 23 })
        .map((input) => decodeEvent(input))
        .filter(isRight)
        .map((decoded) => decoded.right)
        .slice(0, 150);
      expect(accepted.length).toBeGreaterThan(100);
      for (const [i, event] of accepted.entries()) {
        const unique = { ...event, metadata: { ...event.metadata, commandId: `any-${i}` } } as AccountEvent;
        const { events } = await ok(store.appendToStream('account-any', [unique], { expectedVersion: i }));
        const [back] = await ok(store.readStream('account-any', { fromVersion: i + 1 }));
        expect(back).toEqual(events[0]);
        expect(back?.data).toEqual(event.data);
      }
    });

    it('the largest integers the codecs take read back exactly', async () => {
      const store = await fixture.create();
      const stored = VALID_EVENTS.find((e) => e.type === 'RecordingStored') as AccountEvent;
      const event = setAt(
        setAt(stored, ['data', 'sizeBytes'], Number.MAX_SAFE_INTEGER),
        ['data', 'durationSeconds'],
        Number.MAX_SAFE_INTEGER - 1,
      );
      const decoded = decodeEvent(event);
      if (isLeft(decoded)) throw new Error(decoded.left.message);
      await ok(store.appendToStream('account-big', [decoded.right], { expectedVersion: 0 }));
      const [back] = await ok(store.readStream('account-big'));
      expect(back?.data).toEqual(decoded.right.data);
    });
  });
};
