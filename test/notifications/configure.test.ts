import { describe, expect, it } from 'vitest';
import { given } from '../../src/testing/index.js';
import {
  cmd,
  configure,
  decider,
  detailsOf,
  evt,
  expectMalformed,
  historyOf,
  lapsed,
  opened,
  stateOf,
} from '../calls/fixtures.js';

const SEED_TEXT = 'Здравствуйтесь, спасибо за ваш звонок.';
const AFTER_LAPSE = '2025-05-22T10:00:00+03:00';

describe('ConfigureNotification', () => {
  it('saves channels and text, carrying the text’s count and Telegram’s price in effect', () => {
    const command = configure('incoming-visit-card', SEED_TEXT, { sms: true, telegram: true });
    given(decider, opened())
      .when(command)
      .then([
        evt(
          'NotificationConfigured',
          {
            scenario: 'incoming-visit-card',
            sms: true,
            telegram: true,
            text: SEED_TEXT,
            characters: 38,
            segments: 1,
            encoding: 'UCS-2',
            telegramMonthlyFee: 30_000,
          },
          command,
        ),
      ]);
    expect(stateOf(historyOf(opened(), command)).notifications.scenarios['incoming-visit-card']).toEqual({
      sms: true,
      telegram: true,
      text: SEED_TEXT,
      segments: 1,
      telegramMonthlyFee: 30_000,
    });
  });

  it('210 Cyrillic characters take 4 SMS; 211 are refused with SmsTextTooLong', () => {
    given(decider, opened())
      .when(configure('incoming-missed-call', 'я'.repeat(210)))
      .then((events) =>
        expect(events[0]?.data).toMatchObject({ characters: 210, segments: 4, encoding: 'UCS-2' }),
      );
    const error = given(decider, opened())
      .when(configure('incoming-missed-call', 'я'.repeat(211)))
      .thenError('SmsTextTooLong');
    expect(detailsOf(error)).toEqual({ field: 'data.text', characters: 211, max: 210 });
  });

  it('counts characters as code points: 210 emoji are allowed (7 SMS), even with channels off', () => {
    given(decider, opened())
      .when(configure('outgoing-unreached', '😀'.repeat(210)))
      .then((events) => expect(events[0]?.data).toMatchObject({ characters: 210, segments: 7 }));
    given(decider, opened())
      .when(configure('outgoing-unreached', 'a'.repeat(300), { sms: false }))
      .thenError('SmsTextTooLong');
  });

  it('refuses a channel on with an empty or blank text: NotificationTextEmpty', () => {
    for (const channels of [{ sms: true }, { telegram: true }]) {
      const error = given(decider, opened())
        .when(configure('outgoing-visit-card', ' \n ', channels))
        .thenError('NotificationTextEmpty');
      expect(detailsOf(error)).toEqual({ field: 'data.text', scenario: 'outgoing-visit-card' });
    }
    given(decider, historyOf(opened(), configure('outgoing-visit-card', 'Hi')))
      .when(configure('outgoing-visit-card', '', {}))
      .then((events) => expect(events[0]?.data).toMatchObject({ sms: false, segments: 0, characters: 0 }));
  });

  it('refuses turning Telegram on while the subscription is lapsed; SMS and an already-on Telegram are fine', () => {
    given(decider, lapsed())
      .when(configure('incoming-missed-call', 'Hi', { telegram: true }, AFTER_LAPSE))
      .thenError('SubscriptionLapsed');
    given(decider, lapsed())
      .when(configure('incoming-missed-call', 'Hi', { sms: true }, AFTER_LAPSE))
      .then((events) => expect(events).toHaveLength(1));
    const telegramOn = historyOf(
      opened(),
      cmd('SetAutoRenewal', { enabled: false }),
      configure('incoming-missed-call', 'Hi', { telegram: true }),
      cmd('RenewSubscription', {}, '2025-05-21T10:00:00+03:00'),
    );
    given(decider, telegramOn)
      .when(configure('incoming-missed-call', 'Hello', { telegram: true }, AFTER_LAPSE))
      .then((events) => expect(events[0]?.data).toMatchObject({ text: 'Hello', telegramMonthlyFee: 30_000 }));
  });

  it('keeps the Telegram price of when it was turned on; turning it off carries 0', () => {
    const on = historyOf(opened(), configure('outgoing-unreached', 'A', { telegram: true }));
    given(decider, on)
      .when(configure('outgoing-unreached', 'B', { telegram: true, sms: true }))
      .then((events) => expect(events[0]?.data).toMatchObject({ telegramMonthlyFee: 30_000 }));
    given(decider, on)
      .when(configure('outgoing-unreached', 'A', { sms: true }))
      .then((events) => expect(events[0]?.data).toMatchObject({ telegram: false, telegramMonthlyFee: 0 }));
  });

  it('saving the same settings again appends nothing', () => {
    given(decider, historyOf(opened(), configure('incoming-missed-call', SEED_TEXT)))
      .when(configure('incoming-missed-call', SEED_TEXT))
      .thenNothing();
    given(decider, opened())
      .when(configure('incoming-missed-call', '', {}))
      .thenNothing();
  });

  it('refuses a malformed payload naming the field', () => {
    const ok = { scenario: 'incoming-missed-call', sms: true, telegram: false, text: 'Hi' };
    expectMalformed('ConfigureNotification', { ...ok, scenario: 'incoming-visit' }, 'data.scenario');
    expectMalformed('ConfigureNotification', { ...ok, sms: 'yes' }, 'data.sms');
    expectMalformed('ConfigureNotification', { ...ok, telegram: null }, 'data.telegram');
    expectMalformed('ConfigureNotification', { ...ok, text: 42 }, 'data.text');
    expectMalformed('ConfigureNotification', { ...ok, text: 'x'.repeat(10_001) }, 'data.text');
    expectMalformed('ConfigureNotification', { ...ok, channel: 'sms' }, 'data.channel');
  });
});
