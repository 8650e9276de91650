/**
 * Texts a customer reads follow the cabinet's screens: thousands grouped with a no-break space,
 * kopecks after a decimal comma where shown, sizes as the dialog writes them, nouns and words
 * agreeing with the numbers before them, actors shown as people read them.
 */
import { describe, expect, it } from 'vitest';
import {
  formatQuota,
  formatRoubles,
  formatSmsBalance,
  formatTariffCard,
  history,
  historyLines,
  quotaUsage,
  smsBalance,
  tariffCard,
} from '../../src/index.js';
import { cmd, DAY_2, fact, historyOf, staffed } from './support.js';

const NBSP = '\u00a0';

describe('figures', () => {
  it('the SMS balance groups thousands: «ДОСТУПНО SMS: 2 998 ИЗ 3 000»', () => {
    const events = historyOf(
      staffed(cmd('PurchaseSmsPackage', { size: 3000 }, DAY_2)),
      fact(
        'NotificationSent',
        {
          callId: 'c-1',
          scenario: 'incoming-missed-call',
          channel: 'sms',
          recipient: '+79123456789',
          text: 'А',
          segments: 2,
          smsSpent: 2,
          sendAt: DAY_2,
          deferred: false,
        },
        DAY_2,
      ),
    );
    expect(formatSmsBalance(smsBalance(events))).toBe(`ДОСТУПНО SMS: 2${NBSP}998 ИЗ 3${NBSP}000`);
  });

  it('the tariff card reads as the tariff screen: 1 500 ₽, 10 employees, 1 номер, 40 ₽, «Оплачен до 21.05.2025»', () => {
    expect(formatTariffCard(tariffCard(staffed()))).toMatchObject({
      tariff: 'Мой тариф: «Базовый»',
      monthlyFee: `1${NBSP}500 ₽`,
      employees: '10',
      multichannelIncluded: '1 номер',
      extraEmployeeFee: '40 ₽',
      paidUntil: 'Оплачен до 21.05.2025',
    });
  });

  it('money with kopecks has a decimal comma; sizes keep the dialog’s point', () => {
    expect(formatRoubles(150_000)).toBe(`1${NBSP}500,00 ₽`);
    expect(formatRoubles(46_667)).toBe('466,67 ₽');
    expect(formatQuota(quotaUsage(staffed())).parts).toEqual(['свободно 1.00 из 1 ГБ']);
  });
});

describe('words after numbers, and people', () => {
  const lines = (...steps: Parameters<typeof historyOf>) =>
    historyLines(history(historyOf(staffed(), ...steps)), { limit: 1 });

  it.each([
    [1, 'окно 1 минута'],
    [21, 'окно 21 минута'],
    [2, 'окно 2 минуты'],
    [11, 'окно 11 минут'],
  ])('a %i-minute callback window reads «%s»', (windowMinutes, text) => {
    expect(lines(cmd('EnableSmartCallback', { windowMinutes }, DAY_2))[0]?.text).toContain(text);
  });

  it('«Telegram включён»', () => {
    const configured = cmd(
      'ConfigureNotification',
      { scenario: 'incoming-missed-call', sms: false, telegram: true, text: 'А' },
      DAY_2,
    );
    expect(lines(configured)[0]?.text).toContain('Telegram включён');
  });

  it('the actor is shown as people read it, never as a bare id', () => {
    const [line] = lines(cmd('AddStoragePack', {}, DAY_2));
    expect(line?.actor).not.toBe('user-1');
    expect(line?.actor).toContain('user-1');
  });
});
