import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../src/account/events.js';
import { isFirstContact } from '../../src/calls/visit-card.js';
import { given } from '../../src/testing/index.js';
import {
  call,
  cmd,
  configure,
  decider,
  historyOf,
  numbers,
  OPERATOR,
  ofType,
  opened,
  type Step,
  withNumbers,
} from './fixtures.js';

const CARD = 'ООО «Ромашка»: +7 495 123-45-67, romashka.ru';

/** The incoming visit card on SMS, SMS bought. */
const ready = (...more: Step[]) =>
  historyOf(
    withNumbers(),
    cmd('PurchaseSmsPackage', { size: 500 }),
    configure('incoming-visit-card', CARD),
    configure('outgoing-visit-card', CARD),
    ...more,
  );

const cards = (events: readonly AccountEvent[]) =>
  ofType(events, 'NotificationSent').map((e) => e.data.scenario);

const expectCards = (history: AccountEvent[], command: ReturnType<typeof call>, expected: string[]) =>
  given(decider, history)
    .when(command)
    .then((events) => expect(cards(events)).toEqual(expected));

describe('Visit card: first contact within the period (decision 6)', () => {
  it('a first МКН call gets a visit card, a second within the period none, one after the period again', () => {
    expectCards(ready(), call('c1', '2025-04-21T12:00:00+03:00', { outcome: 'answered' }), [
      'incoming-visit-card',
    ]);
    const first = ready(call('c1', '2025-04-21T12:00:00+03:00', { outcome: 'answered' }));
    expectCards(first, call('c2', '2025-05-20T12:00:00+03:00', { outcome: 'answered' }), []);
    // The period runs from the last contact: exactly one calendar month later is a new period.
    const second = historyOf(first, call('c2', '2025-05-20T12:00:00+03:00', { outcome: 'answered' }));
    expectCards(second, call('c3', '2025-06-20T11:59:59+03:00', { outcome: 'answered' }), []);
    expectCards(second, call('c3', '2025-06-20T12:00:00+03:00', { outcome: 'answered' }), [
      'incoming-visit-card',
    ]);
  });

  it('any outcome counts as a contact, and a missed first call gets both its notices', () => {
    const history = ready(configure('incoming-missed-call', 'Мы перезвоним'));
    expectCards(history, call('c1', '2025-04-21T12:00:00+03:00', { outcome: 'missed' }), [
      'incoming-missed-call',
      'incoming-visit-card',
    ]);
    const missedFirst = historyOf(ready(), call('c1', '2025-04-21T12:00:00+03:00', { outcome: 'missed' }));
    expectCards(missedFirst, call('c2', '2025-04-25T12:00:00+03:00', { outcome: 'answered' }), []);
  });

  it('direct incoming calls neither get a card nor count as a contact', () => {
    const history = ready(call('c1', '2025-04-21T12:00:00+03:00', { line: 'direct', outcome: 'answered' }));
    expectCards(history, call('c2', '2025-04-22T12:00:00+03:00', { outcome: 'answered' }), [
      'incoming-visit-card',
    ]);
  });

  it('directions are separate; outgoing calls count on any line', () => {
    const incoming = ready(call('c1', '2025-04-21T12:00:00+03:00', { outcome: 'answered' }));
    const outgoing = call('c2', '2025-04-22T12:00:00+03:00', {
      direction: 'outgoing',
      line: 'direct',
      outcome: 'answered',
      operator: OPERATOR,
    });
    expectCards(incoming, outgoing, ['outgoing-visit-card']);
    expectCards(
      historyOf(incoming, outgoing),
      call('c3', '2025-05-01T12:00:00+03:00', { direction: 'outgoing', outcome: 'answered' }),
      [],
    );
  });

  it('follows the period set per direction', () => {
    const history = ready(
      cmd('SetVisitCardPeriod', { direction: 'incoming', months: 3 }),
      call('c1', '2025-04-21T12:00:00+03:00', { outcome: 'answered' }),
    );
    expectCards(history, call('c2', '2025-07-21T11:00:00+03:00', { outcome: 'answered' }), []);
    expectCards(history, call('c3', '2025-07-21T12:00:00+03:00', { outcome: 'answered' }), [
      'incoming-visit-card',
    ]);
  });

  it('counts calendar months in the account’s time zone', () => {
    // 00:00 UTC on 28 February is 03:00 in Moscow. A call at 01:00 Moscow time on 31 March looks
    // one month back to 01:00 on 28 February (day clamped) in Moscow, but to 22:00 UTC on
    // 28 February in UTC: the previous call is within the period in Moscow only.
    const previous = Date.parse('2026-02-28T00:00:00Z');
    const at = Date.parse('2026-03-30T22:00:00Z');
    expect(isFirstContact(previous, at, 1, 'Europe/Moscow')).toBe(false);
    expect(isFirstContact(previous, at, 1, 'UTC')).toBe(true);
    const moscow = historyOf(
      opened(),
      numbers(),
      cmd('PurchaseSmsPackage', { size: 500 }),
      configure('incoming-visit-card', CARD),
      call('c1', '2026-02-28T00:00:00Z', { outcome: 'answered' }),
    );
    expectCards(moscow, call('c2', '2026-03-30T22:00:00Z', { outcome: 'answered' }), []);
    const utc = historyOf(
      opened({ timeZone: 'UTC' }),
      numbers(),
      cmd('PurchaseSmsPackage', { size: 500 }),
      configure('incoming-visit-card', CARD),
      call('c1', '2026-02-28T00:00:00Z', { outcome: 'answered' }),
    );
    expectCards(utc, call('c2', '2026-03-30T22:00:00Z', { outcome: 'answered' }), ['incoming-visit-card']);
  });

  it('isFirstContact: the fast bounds agree with calendar arithmetic', () => {
    const day = 86_400_000;
    const at = Date.parse('2025-03-31T10:00:00+03:00');
    expect(isFirstContact(null, at, 1, 'Europe/Moscow')).toBe(true);
    expect(isFirstContact(at - 27 * day, at, 1, 'Europe/Moscow')).toBe(false);
    expect(isFirstContact(at - 32 * day, at, 1, 'Europe/Moscow')).toBe(true);
    // 31 March minus one month is 28 February (clamped): 31 days back is the boundary.
    expect(isFirstContact(at - 31 * day, at, 1, 'Europe/Moscow')).toBe(true);
    expect(isFirstContact(at - 31 * day + 1, at, 1, 'Europe/Moscow')).toBe(false);
    expect(isFirstContact(at - 365 * day, at, 12, 'Europe/Moscow')).toBe(true);
    expect(isFirstContact(at - 364 * day, at, 12, 'Europe/Moscow')).toBe(false);
    // A later call reported first: the earlier one is within the period.
    expect(isFirstContact(at + day, at, 1, 'Europe/Moscow')).toBe(false);
  });
});
