/**
 * Notification settings and notices at their edges: `HH:mm` parsing, sending hours at their
 * first and last minute, texts of exactly 210 characters, the period and window bounds, the
 * suppression window per scenario, Telegram while the subscription lapsed.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { minutesOfDay } from '../../src/notifications/clock-time.js';
import { notificationsCommands } from '../../src/notifications/commands.js';
import { ClockTime } from '../../src/notifications/events.js';
import { sendSlot } from '../../src/notifications/quiet-hours.js';
import { accepted, CLIENT, cmd, ev, MKN, opened, refused, typesOf } from './support.js';

const metadata = { commandId: 'c-1', accountId: 'acc-1', at: '2025-02-01T10:00:00+03:00', actor: 'user-1' };

describe('times of day', () => {
  it('reads HH:mm from 00:00 to 23:59 as minutes since midnight', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('09:07')).toBe(547);
    expect(minutesOfDay('13:45')).toBe(825);
    expect(minutesOfDay('23:59')).toBe(1439);
    expect(minutesOfDay('20:38')).toBe(1238);
  });

  it('refuses everything else, in the codec and in decoding', () => {
    for (const bad of [
      '24:00',
      '7:00',
      '07:60',
      '07:0',
      '07:00x',
      'x07:00',
      '1a:00',
      'a7:00',
      '07:a0',
      '0700',
      '',
      ' 07:00',
      '30:00',
    ]) {
      expect(minutesOfDay(bad), bad).toBeUndefined();
      expect(ClockTime.is(bad), bad).toBe(false);
      const decoded = decodeCommand({
        type: 'SetQuietHours',
        data: { sendingHours: { from: bad, to: '18:00' } },
        metadata,
      });
      // The union with `null` adds an issue at `data.sendingHours` itself.
      expect(isLeft(decoded) && decoded.left.issues.map((i) => i.path), bad).toContain(
        'data.sendingHours.from',
      );
    }
    expect(ClockTime.is(42)).toBe(false);
    expect(isLeft(ClockTime.decode(7))).toBe(true);
    for (const good of ['00:00', '09:59', '19:09', '20:00', '23:59']) {
      expect(ClockTime.is(good)).toBe(true);
      expect(ClockTime.decode(good)).toEqual({ _tag: 'Right', right: good });
    }
  });
});

describe('sending hours', () => {
  const zone = 'Europe/Moscow';
  const at = (local: string) => `2025-02-03T${local}:00+03:00`;
  const slot = (local: string, from: string, to: string) =>
    sendSlot(at(local), Date.parse(at(local)), { from, to }, zone);

  it('sends at once from the first minute of the hours, holds from their end', () => {
    expect(slot('09:00', '09:00', '18:15')).toEqual({ sendAt: at('09:00'), deferred: false });
    expect(slot('18:14', '09:00', '18:15')).toEqual({ sendAt: at('18:14'), deferred: false });
    expect(slot('18:15', '09:00', '18:15').deferred).toBe(true);
    expect(slot('18:30', '09:00', '18:15')).toEqual({
      sendAt: '2025-02-04T09:00:00.000+03:00',
      deferred: true,
    });
    expect(slot('08:59', '09:00', '18:15')).toEqual({
      sendAt: '2025-02-03T09:00:00.000+03:00',
      deferred: true,
    });
    expect(slot('09:30', '09:45', '18:00')).toEqual({
      sendAt: '2025-02-03T09:45:00.000+03:00',
      deferred: true,
    });
  });

  it('spans midnight when from is after to', () => {
    expect(slot('22:00', '22:00', '06:00')).toEqual({ sendAt: at('22:00'), deferred: false });
    expect(slot('23:00', '22:00', '06:00').deferred).toBe(false);
    expect(slot('05:59', '22:00', '06:00').deferred).toBe(false);
    expect(slot('06:00', '22:00', '06:00')).toEqual({
      sendAt: '2025-02-03T22:00:00.000+03:00',
      deferred: true,
    });
  });

  it('sends at once without hours, or with hours that are not a range', () => {
    expect(sendSlot(at('03:00'), Date.parse(at('03:00')), null, zone)).toEqual({
      sendAt: at('03:00'),
      deferred: false,
    });
    expect(slot('03:00', '09:00', '09:00')).toEqual({ sendAt: at('03:00'), deferred: false });
    expect(slot('03:00', '9:00', '18:00')).toEqual({ sendAt: at('03:00'), deferred: false });
    expect(slot('03:00', '09:00', '18:0')).toEqual({ sendAt: at('03:00'), deferred: false });
    expect(slot('19:00', '9:00', '18:00')).toEqual({ sendAt: at('19:00'), deferred: false });
    expect(slot('19:00', '09:00', '18:0')).toEqual({ sendAt: at('19:00'), deferred: false });
  });
});

describe('settings', () => {
  const account = [opened()];

  it('takes a text of exactly 210 characters (420 code units of emoji) and refuses 211, in decoding and in `is`', () => {
    const codec = notificationsCommands.ConfigureNotification;
    const data = (text: unknown) => ({ scenario: 'incoming-visit-card', sms: false, telegram: false, text });
    expect(codec.is(data('😀'.repeat(210)))).toBe(true);
    expect(codec.is(data('я'.repeat(211)))).toBe(false);
    expect(codec.is(data(42))).toBe(false);
    expect(
      isLeft(decodeCommand({ type: 'ConfigureNotification', data: data('😀'.repeat(210)), metadata })),
    ).toBe(false);
    const long = decodeCommand({ type: 'ConfigureNotification', data: data('😀'.repeat(211)), metadata });
    expect(isLeft(long) && long.left.issues.map((i) => i.path)).toEqual(['data.text']);
  });

  it('takes the bounds of each setting and says what was wrong beyond them', () => {
    expect(
      typesOf(accepted(account, cmd('SetVisitCardPeriod', { direction: 'incoming', months: 12 }))),
    ).toEqual(['VisitCardPeriodSet']);
    expect(typesOf(accepted(account, cmd('SetNotificationSuppression', { minutes: 1440 })))).toEqual([
      'NotificationSuppressionSet',
    ]);
    expect(typesOf(accepted(account, cmd('SetNotificationSuppression', { minutes: 0 })))).toEqual([
      'NotificationSuppressionSet',
    ]);
    const months = refused(account, cmd('SetVisitCardPeriod', { direction: 'incoming', months: 13 }));
    expect(months.message).toContain('13');
    const minutes = refused(account, cmd('SetNotificationSuppression', { minutes: 1441 }));
    expect(minutes.message).toContain('1441');
    const hours = refused(account, cmd('SetQuietHours', { sendingHours: { from: '25:00', to: '18:00' } }));
    expect(hours.message).toContain('25:00');
    expect(hours.details).toMatchObject({ field: 'data.sendingHours.from' });
  });

  it('sets quiet hours, changes them, and appends nothing for the same ones', () => {
    const set = accepted(account, cmd('SetQuietHours', { sendingHours: { from: '09:00', to: '18:00' } }));
    expect(set).toMatchObject([
      { type: 'QuietHoursSet', data: { sendingHours: { from: '09:00', to: '18:00' } } },
    ]);
    const history = [...account, ...set];
    expect(accepted(history, cmd('SetQuietHours', { sendingHours: { from: '09:00', to: '18:00' } }))).toEqual(
      [],
    );
    expect(
      typesOf(accepted(history, cmd('SetQuietHours', { sendingHours: { from: '09:00', to: '19:00' } }))),
    ).toEqual(['QuietHoursSet']);
    expect(
      typesOf(accepted(history, cmd('SetQuietHours', { sendingHours: { from: '10:00', to: '18:00' } }))),
    ).toEqual(['QuietHoursSet']);
  });

  it('saves a change of one channel alone, and nothing when nothing changes', () => {
    const off = { scenario: 'incoming-visit-card' as const, sms: false, telegram: false, text: 'Hello' };
    const saved = accepted(account, cmd('ConfigureNotification', off));
    const history = [...account, ...saved];
    expect(accepted(history, cmd('ConfigureNotification', off))).toEqual([]);
    expect(accepted(history, cmd('ConfigureNotification', { ...off, sms: true }))).toMatchObject([
      { type: 'NotificationConfigured', data: { sms: true, telegram: false, text: 'Hello' } },
    ]);
    expect(typesOf(accepted(history, cmd('ConfigureNotification', { ...off, text: 'Hello!' })))).toEqual([
      'NotificationConfigured',
    ]);
  });

  it('lets an SMS-only text be saved while the subscription lapsed, but not Telegram', () => {
    const lapsed = [
      opened({ autoRenewal: false }),
      ev('SubscriptionLapsed', { paidUntil: '2025-02-28T09:00:00+03:00' }),
    ];
    const at = '2025-03-05T10:00:00+03:00';
    const data = { scenario: 'incoming-visit-card' as const, sms: true, telegram: false, text: 'Hello' };
    expect(typesOf(accepted(lapsed, cmd('ConfigureNotification', data, at)))).toEqual([
      'NotificationConfigured',
    ]);
    expect(refused(lapsed, cmd('ConfigureNotification', { ...data, telegram: true }, at)).code).toBe(
      'SubscriptionLapsed',
    );
  });
});

describe('notices after calls', () => {
  const configured = (scenario: string, text = 'Hello') =>
    ev('NotificationConfigured', {
      scenario: scenario as 'incoming-missed-call',
      sms: true,
      telegram: false,
      text,
      characters: text.length,
      segments: 1,
      encoding: 'GSM-7',
      telegramMonthlyFee: 0,
    });
  const base = [
    opened(),
    ev('MultichannelNumberAdded', { number: MKN, main: true, extraMonthlyFee: 0 }),
    ev('SmsPackagePurchased', {
      size: 500,
      price: 70000,
      reason: 'purchase',
      balanceAfter: 500,
      periodStart: '2025-01-31T09:00:00+03:00',
    }),
  ];
  const call = (callId: string, direction: 'incoming' | 'outgoing', at: string) =>
    cmd(
      'RegisterCall',
      { callId, direction, line: 'multichannel', client: CLIENT, outcome: 'missed', multichannelNumber: MKN },
      at,
    );

  it('sends the first missed-call notice and suppresses a second within the window', () => {
    const history = [...base, configured('incoming-missed-call')];
    const first = accepted(history, call('c-1', 'incoming', '2025-02-01T10:00:00+03:00'));
    expect(typesOf(first)).toEqual(['CallRegistered', 'NotificationSent']);
    const second = accepted([...history, ...first], call('c-2', 'incoming', '2025-02-01T10:59:00+03:00'));
    expect(second).toMatchObject([
      { type: 'CallRegistered' },
      { type: 'NotificationSkipped', data: { reason: 'suppressed' } },
    ]);
    const later = accepted([...history, ...first], call('c-3', 'incoming', '2025-02-01T11:00:00+03:00'));
    expect(typesOf(later)).toEqual(['CallRegistered', 'NotificationSent']);
  });

  it('suppresses unreached notices on their own clock, not on a visit card sent to the same client', () => {
    const history = [...base, configured('outgoing-unreached'), configured('outgoing-visit-card', 'Card')];
    const first = accepted(history, call('c-1', 'outgoing', '2025-02-01T10:00:00+03:00'));
    expect(first.map((e) => (e.type === 'NotificationSent' ? e.data.scenario : e.type))).toEqual([
      'CallRegistered',
      'outgoing-unreached',
      'outgoing-visit-card',
    ]);
    const second = accepted([...history, ...first], call('c-2', 'outgoing', '2025-02-01T10:30:00+03:00'));
    expect(second).toMatchObject([
      { type: 'CallRegistered' },
      { type: 'NotificationSkipped', data: { scenario: 'outgoing-unreached', reason: 'suppressed' } },
    ]);
    // Only a visit card went out before: the first unreached notice is due.
    const cardOnly = [...base, configured('outgoing-visit-card', 'Card')];
    const card = accepted(cardOnly, call('c-1', 'outgoing', '2025-02-01T10:00:00+03:00'));
    const next = accepted(
      [...cardOnly, ...card, configured('outgoing-unreached')],
      call('c-2', 'outgoing', '2025-02-01T10:30:00+03:00'),
    );
    expect(next).toMatchObject([
      { type: 'CallRegistered' },
      { type: 'NotificationSent', data: { scenario: 'outgoing-unreached' } },
    ]);
  });

  it('sends a visit card on the first call only, within the period', () => {
    const history = [...base, configured('incoming-visit-card', 'Card')];
    const answered = (callId: string, at: string) =>
      cmd(
        'RegisterCall',
        {
          callId,
          direction: 'incoming',
          line: 'multichannel',
          client: CLIENT,
          outcome: 'answered',
          multichannelNumber: MKN,
        },
        at,
      );
    const first = accepted(history, answered('c-1', '2025-02-01T10:00:00+03:00'));
    expect(typesOf(first)).toEqual(['CallRegistered', 'NotificationSent']);
    expect(typesOf(accepted([...history, ...first], answered('c-2', '2025-02-20T10:00:00+03:00')))).toEqual([
      'CallRegistered',
    ]);
    expect(typesOf(accepted([...history, ...first], answered('c-3', '2025-03-01T10:00:00+03:00')))).toEqual([
      'CallRegistered',
      'NotificationSent',
    ]);
  });
});
