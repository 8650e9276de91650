import { describe, expect, it } from 'vitest';
import { sendSlot } from '../../src/notifications/quiet-hours.js';
import { given } from '../../src/testing/index.js';
import { call, cmd, configure, decider, historyOf, ofType, withNumbers } from './fixtures.js';

const at = (iso: string) => [iso, Date.parse(iso)] as const;
const DAYTIME = { from: '09:00', to: '20:00' };
const NIGHT = { from: '22:00', to: '06:00' };

describe('Quiet hours: a notice due outside the sending hours waits for the next allowed instant', () => {
  it('within the hours: at once', () => {
    expect(sendSlot(...at('2025-04-22T12:00:00+03:00'), DAYTIME, 'Europe/Moscow')).toEqual({
      sendAt: '2025-04-22T12:00:00+03:00',
      deferred: false,
    });
    expect(sendSlot(...at('2025-04-22T09:00:00+03:00'), DAYTIME, 'Europe/Moscow').deferred).toBe(false);
    expect(sendSlot(...at('2025-04-22T19:59:59+03:00'), DAYTIME, 'Europe/Moscow').deferred).toBe(false);
    expect(sendSlot(...at('2025-04-22T12:00:00+03:00'), null, 'Europe/Moscow').deferred).toBe(false);
  });

  it('after the hours: the next morning; before them: the same morning; in the account’s zone', () => {
    expect(sendSlot(...at('2025-04-22T21:30:00+03:00'), DAYTIME, 'Europe/Moscow')).toEqual({
      sendAt: '2025-04-23T09:00:00.000+03:00',
      deferred: true,
    });
    expect(sendSlot(...at('2025-04-22T20:00:00+03:00'), DAYTIME, 'Europe/Moscow').sendAt).toBe(
      '2025-04-23T09:00:00.000+03:00',
    );
    // 03:30 UTC is 06:30 in Moscow, 13:30 in Vladivostok.
    expect(sendSlot(...at('2025-04-22T03:30:00Z'), DAYTIME, 'Europe/Moscow').sendAt).toBe(
      '2025-04-22T09:00:00.000+03:00',
    );
    expect(sendSlot(...at('2025-04-22T03:30:00Z'), DAYTIME, 'Asia/Vladivostok').deferred).toBe(false);
    // Month end rolls over.
    expect(sendSlot(...at('2025-04-30T23:00:00+03:00'), DAYTIME, 'Europe/Moscow').sendAt).toBe(
      '2025-05-01T09:00:00.000+03:00',
    );
  });

  it('hours spanning midnight', () => {
    expect(sendSlot(...at('2025-04-22T23:00:00+03:00'), NIGHT, 'Europe/Moscow').deferred).toBe(false);
    expect(sendSlot(...at('2025-04-22T05:59:00+03:00'), NIGHT, 'Europe/Moscow').deferred).toBe(false);
    expect(sendSlot(...at('2025-04-22T12:00:00+03:00'), NIGHT, 'Europe/Moscow')).toEqual({
      sendAt: '2025-04-22T22:00:00.000+03:00',
      deferred: true,
    });
  });

  it('across a daylight-saving change the next allowed instant keeps the local time', () => {
    // Berlin moves to summer time on 30 March 2025.
    expect(sendSlot(...at('2025-03-29T21:00:00+01:00'), DAYTIME, 'Europe/Berlin').sendAt).toBe(
      '2025-03-30T09:00:00.000+02:00',
    );
  });

  it('RegisterCall: a notice in quiet hours says when it goes out; the SMS is spent at once', () => {
    const history = historyOf(
      withNumbers(),
      cmd('PurchaseSmsPackage', { size: 500 }),
      configure('incoming-missed-call', 'Мы перезвоним', { sms: true, telegram: true }),
      cmd('SetQuietHours', { sendingHours: DAYTIME }),
    );
    given(decider, history)
      .when(call('call-1', '2025-04-22T21:30:00+03:00'))
      .then((events, state) => {
        const sent = ofType(events, 'NotificationSent');
        expect(sent.map((e) => [e.data.channel, e.data.sendAt, e.data.deferred])).toEqual([
          ['sms', '2025-04-23T09:00:00.000+03:00', true],
          ['telegram', '2025-04-23T09:00:00.000+03:00', true],
        ]);
        expect(state.sms.balance).toBe(499);
      });
  });
});
