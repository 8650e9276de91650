/**
 * Tariff, subscription and calendar at their edges: time zones that are not, tariff ids that
 * name built-ins, a period that ended with auto-renewal off before the scheduler ran, visit-card
 * periods a short month or a daylight-saving hour long, and evolutions that take any decoded
 * event without throwing (also before the account is opened).
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { replay } from '../../src/account/decider.js';
import { accountEventTypes } from '../../src/account/events.js';
import { isFirstContact } from '../../src/calls/visit-card.js';
import { isTimeZone, TimeZone } from '../../src/tariff/time-zone.js';
import { VALID_EVENTS } from '../fuzz/support/samples.js';
import { accepted, cmd, ev, opened, refused, typesOf } from './support.js';

const metadata = { commandId: 'c-1', accountId: 'acc-1', at: '2025-02-01T10:00:00+03:00', actor: 'user-1' };

describe('time zones', () => {
  it('knows IANA zones and refuses the rest, in `is`, in decoding and on a second asking', () => {
    for (const zone of ['Europe/Moscow', 'Asia/Vladivostok', 'UTC']) {
      expect(TimeZone.is(zone)).toBe(true);
      expect(isTimeZone(zone)).toBe(true);
      expect(isTimeZone(zone)).toBe(true);
    }
    for (const zone of ['Mars/Olympus', '', 'Europe/Moscow ', 'x'.repeat(65)]) {
      expect(TimeZone.is(zone), zone).toBe(false);
      expect(isTimeZone(zone)).toBe(false);
      expect(isTimeZone(zone)).toBe(false);
      const decoded = decodeCommand({
        type: 'OpenAccount',
        data: { tariffId: 'basic', timeZone: zone },
        metadata,
      });
      expect(isLeft(decoded) && decoded.left.issues.map((i) => i.path)).toEqual(['data.timeZone']);
    }
    expect(TimeZone.is(3)).toBe(false);
    // Not a string, even one that reads as a zone.
    const sneaky = { toString: () => 'UTC' };
    expect(TimeZone.is(sneaky)).toBe(false);
    expect(isLeft(TimeZone.decode(sneaky))).toBe(true);
    expect(isLeft(TimeZone.decode(null))).toBe(true);
  });
});

describe('tariffs and the subscription', () => {
  it('refuses tariff ids that name built-in properties', () => {
    for (const tariffId of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const open = decodeCommand({ type: 'OpenAccount', data: { tariffId }, metadata });
      if (isLeft(open)) throw new Error(open.left.message);
      expect(refused([], open.right)).toMatchObject({
        code: 'UnknownTariff',
        details: { field: 'data.tariffId', tariffId },
      });
      expect(refused([opened()], cmd('ChangeTariff', { tariffId })).code).toBe('UnknownTariff');
    }
  });

  it('refuses a paid option once the period ended with auto-renewal off, before the scheduler ran', () => {
    const history = [opened({ autoRenewal: false })];
    expect(refused(history, cmd('EnableRecording', {}, '2025-02-28T09:00:00+03:00'))).toMatchObject({
      code: 'SubscriptionLapsed',
      details: { paidUntil: '2025-02-28T09:00:00+03:00' },
    });
    expect(refused(history, cmd('AddStoragePack', {}, '2025-03-02T09:00:00+03:00')).message).toContain(
      '2025-02-28T09:00:00+03:00',
    );
    // Lapsed stays lapsed until paid, even with auto-renewal switched on again.
    const lapsed = [
      ...history,
      ev('SubscriptionLapsed', { paidUntil: '2025-02-28T09:00:00+03:00' }),
      ev('AutoRenewalSet', { enabled: true }),
    ];
    expect(refused(lapsed, cmd('EnableRecording', {}, '2025-03-02T09:00:00+03:00')).code).toBe(
      'SubscriptionLapsed',
    );
    // With auto-renewal on, the period that ended will be renewed: the option may be turned on.
    expect(typesOf(accepted([opened()], cmd('EnableRecording', {}, '2025-03-02T09:00:00+03:00')))).toEqual([
      'RecordingEnabled',
    ]);
  });
});

describe('visit-card periods', () => {
  const at = (iso: string) => Date.parse(iso);
  it('counts a month of 28 days as a month', () => {
    expect(
      isFirstContact(at('2025-02-01T10:00:00+03:00'), at('2025-03-01T10:00:00+03:00'), 1, 'Europe/Moscow'),
    ).toBe(true);
    expect(
      isFirstContact(at('2025-02-01T10:00:00+03:00'), at('2025-03-01T09:59:00+03:00'), 1, 'Europe/Moscow'),
    ).toBe(false);
    expect(isFirstContact(null, at('2025-03-01T09:59:00+03:00'), 12, 'Europe/Moscow')).toBe(true);
  });

  it('does not count 31 days and half an hour as a month when the month had 31 days and an extra hour', () => {
    // Berlin: 1 October 01:00 CEST to 1 November 00:30 CET is 31 days 30 minutes, less than the month since 1 October 00:30.
    expect(
      isFirstContact(at('2025-10-01T01:00:00+02:00'), at('2025-11-01T00:30:00+01:00'), 1, 'Europe/Berlin'),
    ).toBe(false);
    expect(
      isFirstContact(at('2025-10-01T00:30:00+02:00'), at('2025-11-01T00:30:00+01:00'), 1, 'Europe/Berlin'),
    ).toBe(true);
    expect(
      isFirstContact(at('2025-01-01T10:00:00+03:00'), at('2025-12-01T10:00:00+03:00'), 12, 'Europe/Moscow'),
    ).toBe(false);
    expect(
      isFirstContact(at('2025-01-01T10:00:00+03:00'), at('2026-01-01T10:00:00+03:00'), 12, 'Europe/Moscow'),
    ).toBe(true);
  });
});

describe('evolutions take any decoded event', () => {
  it('folds an event of every type alone, before the account is opened, without throwing', () => {
    const types = new Set(VALID_EVENTS.map((e) => e.type));
    expect([...types].sort()).toEqual([...accountEventTypes].sort());
    for (const type of types) {
      const event = VALID_EVENTS.find((e) => e.type === type);
      expect(() => replay(event === undefined ? [] : [event]), type).not.toThrow();
    }
    const unopened = replay(
      VALID_EVENTS.filter((e) =>
        ['AutoRenewalSet', 'SubscriptionRenewed', 'SubscriptionLapsed'].includes(e.type),
      ),
    );
    expect(unopened.tariff.subscription).toBeNull();
  });
});
