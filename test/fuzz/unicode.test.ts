/**
 * Every kind of Unicode through `countSmsSegments` and `ConfigureNotification`: combining marks,
 * right-to-left text and controls, zero-width characters, lone surrogates, emoji with ZWJ and
 * skin tones, GSM extension characters, at every length around the 70 / 160 / 210 limits. No
 * crash, and a defined answer: `characters` = code points, `segments` a non-negative integer
 * within the bounds of the encoding; decoding refuses a text no store keeps (NUL, an unpaired
 * surrogate) or longer than 210 characters, and the decision either configures or refuses with
 * the reason.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { createAccountDecider } from '../../src/account/decider.js';
import { deepFreeze } from '../../src/kernel/decider.js';
import { GSM_DEFAULT_CHARACTERS, GSM_EXTENSION_CHARACTERS } from '../../src/sms/gsm-alphabet.js';
import { countSmsSegments } from '../../src/sms/segments.js';
import { fuzzParameters } from './support/outcome.js';

const pieces = [
  'a',
  'Z',
  ' ',
  '@',
  '€',
  '{',
  '\f',
  '\n',
  'я',
  'Ё',
  'e\u0301', // combining acute
  'ä',
  '\u0300\u0301\u0302', // combining marks alone
  'שלום', // Hebrew (RTL)
  'مرحبا', // Arabic (RTL)
  '\u202e', // right-to-left override
  '\u200f', // right-to-left mark
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\ufeff', // byte-order mark
  '\u00a0',
  '\ud83d', // lone high surrogate
  '\ude00', // lone low surrogate
  '😀',
  '👩‍👩‍👧‍👦', // ZWJ family
  '👍🏽', // skin tone
  '🏳️‍🌈',
  '🇷🇺',
  '𝔘', // mathematical letter (astral)
  '\u0000',
  '\u001b',
  '\u{10ffff}',
] as const;

/** Texts stitched from the pieces, and random strings of every unit kind. */
const text = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 240 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 260 }),
  fc.string({ unit: 'grapheme', maxLength: 240 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 120 }),
  fc.string({
    unit: fc.constantFrom(...GSM_DEFAULT_CHARACTERS, ...GSM_EXTENSION_CHARACTERS),
    maxLength: 480,
  }),
  fc.integer({ min: 0, max: 400 }).chain((n) => fc.constantFrom('a', 'я', '€', '😀').map((c) => c.repeat(n))),
);

const gsm = new Map<string, number>();
for (const c of GSM_DEFAULT_CHARACTERS) gsm.set(c, 1);
for (const c of GSM_EXTENSION_CHARACTERS) gsm.set(c, 2);

/** What the rules allow, worked out independently: bounds, not the packing itself. */
const expectDefinedAnswer = (t: string): void => {
  const answer = countSmsSegments(t);
  const codePoints = [...t];
  expect(answer.characters).toBe(codePoints.length);
  expect(['GSM-7', 'UCS-2']).toContain(answer.encoding);
  expect(Number.isSafeInteger(answer.segments) && answer.segments >= 0).toBe(true);
  if (t.length === 0) {
    expect(answer.segments).toBe(0);
    return;
  }
  const septets = codePoints.every((c) => gsm.has(c))
    ? codePoints.reduce((sum, c) => sum + (gsm.get(c) ?? 0), 0)
    : undefined;
  if (septets !== undefined) {
    expect(answer.encoding).toBe('GSM-7');
    if (septets <= 160) expect(answer.segments).toBe(1);
    // 153 septets a part; an extension character never split may leave one unused.
    else
      expect(answer.segments).toSatisfy(
        (s: number) => s >= Math.ceil(septets / 153) && s <= Math.ceil(septets / 152),
      );
  } else {
    expect(answer.encoding).toBe('UCS-2');
    const units = t.length;
    if (units <= 70) expect(answer.segments).toBe(1);
    else
      expect(answer.segments).toSatisfy(
        (s: number) => s >= Math.ceil(units / 67) && s <= Math.ceil(units / 66),
      );
  }
};

const decider = createAccountDecider();
const account = deepFreeze(
  decider.evolve(decider.initialState, {
    type: 'AccountOpened',
    data: {
      accountId: 'acc-1',
      tariff: {
        tariffId: 'basic',
        name: 'Базовый',
        monthlyFee: 150000,
        includedEmployees: 10,
        includedMultichannelNumbers: 1,
        extraEmployeeFee: 4000,
        baseStorageBytes: 1073741824,
      },
      timeZone: 'Europe/Moscow',
      openedAt: '2025-01-31T09:00:00+03:00',
      periodStart: '2025-01-31T09:00:00+03:00',
      paidUntil: '2025-02-28T09:00:00+03:00',
      autoRenewal: true,
    },
    metadata: { at: '2025-01-31T09:00:00+03:00', commandId: 'c-0', actor: 'user-1' },
  }),
);

/** Whether a text holds a NUL or a surrogate without its pair (no store keeps either). */
const unstorable = (t: string): boolean =>
  t.includes('\u0000') || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(t);

/**
 * `ConfigureNotification` with the text: refused at decoding, naming `data.text`, when no store
 * could keep it or it is longer than 210 characters; else configured with its count, or refused
 * for a stated reason.
 */
const expectConfiguredOrRefused = (t: string, sms: boolean, telegram: boolean): void => {
  const decoded = decodeCommand({
    type: 'ConfigureNotification',
    data: { scenario: 'incoming-visit-card', sms, telegram, text: t },
    metadata: { commandId: 'c-1', accountId: 'acc-1', at: '2025-02-01T10:00:00+03:00', actor: 'user-1' },
  });
  const count = countSmsSegments(t);
  const refused = unstorable(t) || count.characters > 210;
  expect(isLeft(decoded)).toBe(refused);
  if (isLeft(decoded)) {
    expect(decoded.left.issues.map((i) => i.path)).toEqual(['data.text']);
    return;
  }
  const decision = decider.decide(decoded.right, account);
  if (isLeft(decision)) {
    expect(decision.left.code).toBe('NotificationTextEmpty');
    expect((sms || telegram) && t.trim() === '').toBe(true);
    return;
  }
  expect(count.characters).toBeLessThanOrEqual(210);
  const [event] = decision.right;
  if (event === undefined) {
    // Nothing changes: the scenario already has these settings (off, with an empty text).
    expect({ sms, telegram, t }).toEqual({ sms: false, telegram: false, t: '' });
    return;
  }
  expect(event.type).toBe('NotificationConfigured');
  if (event.type !== 'NotificationConfigured') return;
  expect(event.data).toMatchObject({
    text: t,
    characters: count.characters,
    segments: count.segments,
    encoding: count.encoding,
  });
  const state = decider.evolve(account, event);
  expect(state.notifications.scenarios['incoming-visit-card'].segments).toBe(count.segments);
};

describe('every kind of Unicode', () => {
  it('countSmsSegments gives a defined answer within the rules, for 30 000 texts', () => {
    fc.assert(
      fc.property(text, (t) => expectDefinedAnswer(t)),
      fuzzParameters(30_000),
    );
  });

  it('ConfigureNotification configures or refuses with the reason, for 10 000 texts', () => {
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), (t, sms, telegram) =>
        expectConfiguredOrRefused(t, sms, telegram),
      ),
      fuzzParameters(10_000),
    );
  });

  it('handles every piece alone, and texts of lone surrogates only', () => {
    for (const piece of pieces) {
      expectDefinedAnswer(piece);
      expectConfiguredOrRefused(piece, true, false);
    }
    expectDefinedAnswer('\ud83d'.repeat(300));
    expectDefinedAnswer('\ude00\ud83d'.repeat(150));
    expect(countSmsSegments('\ud83d\ude00').characters).toBe(1);
    expect(countSmsSegments('\ude00\ud83d').characters).toBe(2);
  });

  it('takes 210 emoji (420 code units) and refuses 211 at decoding, naming data.text', () => {
    const decode = (text: string) =>
      decodeCommand({
        type: 'ConfigureNotification',
        data: { scenario: 'incoming-visit-card', sms: true, telegram: false, text },
        metadata: { commandId: 'c-1', accountId: 'acc-1', at: '2025-02-01T10:00:00+03:00', actor: 'user-1' },
      });
    expect(isLeft(decode('😀'.repeat(210)))).toBe(false);
    const refused = decode('😀'.repeat(211));
    expect(isLeft(refused) && refused.left.issues.map((i) => i.path)).toEqual(['data.text']);
  });
});
