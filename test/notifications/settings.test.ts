import { describe, expect, it } from 'vitest';
import type { AccountCommandOf } from '../../src/account/commands.js';
import { given } from '../../src/testing/index.js';
import {
  cmd,
  decider,
  detailsOf,
  evt,
  expectMalformed,
  historyOf,
  opened,
  stateOf,
} from '../calls/fixtures.js';

/** A typed command that never went through decoding (a value the codec would refuse). */
const unchecked = <K extends 'SetVisitCardPeriod' | 'SetNotificationSuppression' | 'SetQuietHours'>(
  type: K,
  data: unknown,
) => cmd(type, data as AccountCommandOf<K>['data']);

describe('SetVisitCardPeriod', () => {
  it('sets the period of one direction; the same period again appends nothing', () => {
    const command = cmd('SetVisitCardPeriod', { direction: 'outgoing', months: 3 });
    given(decider, opened())
      .when(command)
      .then([evt('VisitCardPeriodSet', { direction: 'outgoing', months: 3 }, command)]);
    expect(stateOf(historyOf(opened(), command)).notifications.visitCardMonths).toEqual({
      incoming: 1,
      outgoing: 3,
    });
    given(decider, opened())
      .when(cmd('SetVisitCardPeriod', { direction: 'incoming', months: 1 }))
      .thenNothing();
  });

  it('refuses 0 and 13 months through decodeCommand, naming data.months', () => {
    expectMalformed('SetVisitCardPeriod', { direction: 'incoming', months: 0 }, 'data.months');
    expectMalformed('SetVisitCardPeriod', { direction: 'incoming', months: 13 }, 'data.months');
    expectMalformed('SetVisitCardPeriod', { direction: 'incoming', months: 1.5 }, 'data.months');
    expectMalformed('SetVisitCardPeriod', { direction: 'both', months: 1 }, 'data.direction');
  });

  it('refuses 0 and 13 months in decide too (a typed command that bypassed decoding)', () => {
    for (const months of [0, 13, 2.5]) {
      const error = given(decider, opened())
        .when(unchecked('SetVisitCardPeriod', { direction: 'incoming', months }))
        .thenError('InvalidVisitCardPeriod');
      expect(detailsOf(error)).toEqual({ field: 'data.months', months, min: 1, max: 12 });
    }
  });
});

describe('SetNotificationSuppression', () => {
  it('sets the window (0 turns suppression off); the same value again appends nothing', () => {
    const command = cmd('SetNotificationSuppression', { minutes: 0 });
    given(decider, opened())
      .when(command)
      .then([evt('NotificationSuppressionSet', { minutes: 0, scenario: null }, command)]);
    given(decider, opened())
      .when(cmd('SetNotificationSuppression', { minutes: 60 }))
      .thenNothing();
    expect(stateOf(historyOf(opened(), command)).notifications.suppressionMinutes).toEqual({
      'incoming-missed-call': 0,
      'outgoing-unreached': 0,
    });
  });

  it('refuses -1 and 1 441 minutes through decodeCommand and in decide', () => {
    expectMalformed('SetNotificationSuppression', { minutes: -1 }, 'data.minutes');
    expectMalformed('SetNotificationSuppression', { minutes: 1441 }, 'data.minutes');
    for (const minutes of [-1, 1441]) {
      const error = given(decider, opened())
        .when(unchecked('SetNotificationSuppression', { minutes }))
        .thenError('InvalidSuppressionWindow');
      expect(detailsOf(error)).toEqual({ field: 'data.minutes', minutes, min: 0, max: 1440 });
    }
  });
});

describe('SetQuietHours', () => {
  it('sets and clears quiet hours; the same value again appends nothing', () => {
    const set = cmd('SetQuietHours', { sendingHours: { from: '09:00', to: '20:00' } });
    given(decider, opened())
      .when(set)
      .then([evt('QuietHoursSet', { sendingHours: { from: '09:00', to: '20:00' } }, set)]);
    const withHours = historyOf(opened(), set);
    expect(stateOf(withHours).notifications.sendingHours).toEqual({ from: '09:00', to: '20:00' });
    given(decider, withHours)
      .when(cmd('SetQuietHours', { sendingHours: { from: '09:00', to: '20:00' } }))
      .thenNothing();
    const clear = cmd('SetQuietHours', { sendingHours: null });
    given(decider, withHours)
      .when(clear)
      .then([evt('QuietHoursSet', { sendingHours: null }, clear)]);
    given(decider, opened())
      .when(cmd('SetQuietHours', { sendingHours: null }))
      .thenNothing();
    // Spanning midnight is allowed.
    given(decider, opened())
      .when(cmd('SetQuietHours', { sendingHours: { from: '22:00', to: '06:00' } }))
      .then((events) => expect(events).toHaveLength(1));
  });

  it('refuses from equal to to: InvalidQuietHours', () => {
    const error = given(decider, opened())
      .when(cmd('SetQuietHours', { sendingHours: { from: '09:00', to: '09:00' } }))
      .thenError('InvalidQuietHours');
    expect(detailsOf(error)).toEqual({ field: 'data.sendingHours.to', from: '09:00', to: '09:00' });
  });

  it('refuses a time that is not HH:mm in decide too', () => {
    const error = given(decider, opened())
      .when(unchecked('SetQuietHours', { sendingHours: { from: '24:00', to: '09:00' } }))
      .thenError('InvalidQuietHours');
    expect(detailsOf(error)).toMatchObject({ field: 'data.sendingHours.from' });
  });

  it('refuses a malformed payload naming the field', () => {
    expectMalformed(
      'SetQuietHours',
      { sendingHours: { from: '9:00', to: '20:00' } },
      'data.sendingHours.from',
    );
    expectMalformed(
      'SetQuietHours',
      { sendingHours: { from: '09:00', to: '20:60' } },
      'data.sendingHours.to',
    );
    expectMalformed('SetQuietHours', {}, 'data.sendingHours');
  });
});
