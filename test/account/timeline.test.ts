/**
 * Time moves forward in an account: a command stamped before the account's latest event is
 * refused, naming both instants, and changes nothing; facts carrying their own instants may lie
 * before the command, never after it, never before the opening.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/account/handler.js';
import { createInMemoryEventStore } from '../../src/kernel/in-memory-event-store.js';
import { given } from '../../src/testing/index.js';
import { call, cmd, decider, detailsOf, historyOf, OPENED_AT, withNumbers } from '../calls/fixtures.js';

const DAY_20 = '2025-05-10T12:00:00+03:00';
const DAY_5 = '2025-04-25T12:00:00+03:00';

describe('a command stamped before the latest event', () => {
  it('is refused InstantOutOfOrder naming both instants, and the state stays as it was', () => {
    // A change to «Корпоративный» on 10.05, then "to «Бизнес» on 25.04": the second is refused,
    // so the bill never counts 25.04–10.05 twice.
    const history = historyOf(withNumbers(), cmd('ChangeTariff', { tariffId: 'corporate' }, DAY_20));
    const spec = given(decider, history);
    const error = spec
      .when(cmd('ChangeTariff', { tariffId: 'business' }, DAY_5))
      .thenError('InstantOutOfOrder');
    expect(detailsOf(error)).toEqual({ field: 'metadata.at', latest: DAY_20, at: DAY_5 });
    expect(spec.state.tariff.terms?.tariffId).toBe('corporate');
    expect(spec.state.timeline.latestAt).toBe(DAY_20);
  });

  it('is refused whatever its type, before any rule of the capability is asked', () => {
    const history = historyOf(withNumbers(), cmd('AddStoragePack', {}, DAY_20));
    // Removing the pack "before" it was added would bill a day of nothing.
    given(decider, history)
      .when(cmd('RemoveStoragePack', {}, DAY_5))
      .thenError('InstantOutOfOrder');
    given(decider, history).when(call('c-early', DAY_5)).thenError('InstantOutOfOrder');
    given(decider, history)
      .when(cmd('RenewSubscription', { manual: true }, DAY_5))
      .thenError('InstantOutOfOrder');
  });

  it('at the very instant of the latest event, or with another offset for a later one, it is in order', () => {
    const history = historyOf(withNumbers(), cmd('AddStoragePack', {}, DAY_20));
    given(decider, history)
      .when(cmd('AddStoragePack', {}, DAY_20))
      .then((events) => expect(events).toHaveLength(1));
    // 09:00:01Z is one second after 12:00+03:00.
    given(decider, history)
      .when(cmd('AddStoragePack', {}, '2025-05-10T09:00:01Z'))
      .then((events) => expect(events).toHaveLength(1));
    given(decider, history)
      .when(cmd('AddStoragePack', {}, '2025-05-10T08:59:59Z'))
      .thenError('InstantOutOfOrder');
  });

  it('an accepted command that changes nothing does not move the account on', () => {
    const history = historyOf(withNumbers(), cmd('SetAutoRenewal', { enabled: true }, DAY_20));
    // Auto-renewal was already on: no event, so the latest instant is still the opening's set-up.
    expect(decider.fold(history).timeline.latestAt).toBe(OPENED_AT);
    given(decider, history)
      .when(cmd('AddStoragePack', {}, DAY_5))
      .then((events) => expect(events).toHaveLength(1));
  });

  it('through the handler: refused, nothing appended, and the stream keeps its version', async () => {
    const store = createInMemoryEventStore();
    const handler = createCommandHandler({ eventStore: store });
    for (const command of [cmd('OpenAccount', { tariffId: 'basic' }), cmd('AddStoragePack', {}, DAY_20)]) {
      const done = await handler.handle(command)();
      if (isLeft(done)) throw new Error(done.left.message);
    }
    const refused = await handler.handle(cmd('RemoveStoragePack', {}, DAY_5))();
    expect(isLeft(refused) && refused.left.code).toBe('InstantOutOfOrder');
    const all = await store.readAll()();
    expect(isLeft(all) ? -1 : all.right.length).toBe(2);
  });
});

describe("facts carrying their own instants (a call's start and end)", () => {
  const report = '2025-04-22T12:00:00+03:00';

  it('may lie before the command and before the latest event', () => {
    const history = historyOf(withNumbers(), cmd('AddStoragePack', {}, '2025-04-22T11:00:00+03:00'));
    given(decider, history)
      .when(
        call('c-1', report, {
          outcome: 'answered',
          startedAt: '2025-04-22T10:55:00+03:00',
          endedAt: '2025-04-22T11:02:00+03:00',
        }),
      )
      .then((events) =>
        expect(events[0]?.data).toMatchObject({
          startedAt: '2025-04-22T10:55:00+03:00',
          endedAt: '2025-04-22T11:02:00+03:00',
        }),
      );
  });

  it('are refused after the report, before the opening, or ending before they start', () => {
    const error = given(decider, withNumbers())
      .when(call('c-1', report, { startedAt: '2025-04-22T12:00:01+03:00' }))
      .thenError('InstantAfterCommand');
    expect(detailsOf(error)).toEqual({
      field: 'data.startedAt',
      value: '2025-04-22T12:00:01+03:00',
      at: report,
    });
    const early = given(decider, withNumbers())
      .when(call('c-1', report, { endedAt: '2025-04-21T09:59:59+03:00' }))
      .thenError('InstantBeforeOpening');
    expect(detailsOf(early)).toEqual({
      field: 'data.endedAt',
      value: '2025-04-21T09:59:59+03:00',
      openedAt: OPENED_AT,
    });
    const backwards = given(decider, withNumbers())
      .when(
        call('c-1', report, { startedAt: '2025-04-22T11:00:00+03:00', endedAt: '2025-04-22T10:59:00+03:00' }),
      )
      .thenError('CallEndedBeforeStart');
    expect(detailsOf(backwards)).toEqual({
      field: 'data.endedAt',
      startedAt: '2025-04-22T11:00:00+03:00',
      endedAt: '2025-04-22T10:59:00+03:00',
    });
  });

  it('the visit card counts the call from when it was made, not when it was reported', () => {
    // Visit card of 1 month: a call made on 21.05 09:00 is within a month of the one made on
    // 21.04 10:00+ (it was reported on 21.05 11:00, past a month): no second visit card.
    const history = historyOf(
      withNumbers(),
      cmd('ConfigureNotification', {
        scenario: 'incoming-visit-card',
        sms: false,
        telegram: true,
        text: 'Визитка',
      }),
      call('c-1', '2025-04-21T10:30:00+03:00', { outcome: 'answered' }),
    );
    given(decider, history)
      .when(
        call('c-2', '2025-05-21T11:00:00+03:00', {
          outcome: 'answered',
          startedAt: '2025-05-21T09:00:00+03:00',
        }),
      )
      .then((events) => expect(events.map((e) => e.type)).toEqual(['CallRegistered']));
    given(decider, history)
      .when(call('c-2', '2025-05-21T11:00:00+03:00', { outcome: 'answered' }))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['CallRegistered', 'NotificationSent']));
  });
});
