import { describe, expect, it } from 'vitest';
import { roubles } from '../../src/catalogue/units.js';
import { formatLapse, formatTariffCard, tariffCard } from '../../src/projections/index.js';
import { givenEvents } from '../../src/testing/index.js';
import { event, numberAdded, numberRemoved, opened } from './builders.js';

const at = '2025-04-21T10:00:00+03:00';
const account = [
  opened(at, { paidUntil: '2025-05-21T10:00:00+03:00' }),
  event('MultichannelNumberAdded', { number: '+74950000001', main: true, extraMonthlyFee: roubles(500) }, at),
  numberAdded(1, at),
  numberAdded(2, at),
  numberAdded(3, at, 'added'),
];

describe('tariffCard', () => {
  it("shows the source's tariff block", () => {
    givenEvents(tariffCard, account).then((view) => {
      expect(formatTariffCard(view)).toEqual({
        tariff: 'Мой тариф: «Базовый»',
        monthlyFee: '1\u00a0500 ₽',
        employees: '10',
        multichannelIncluded: '1 номер',
        extraEmployeeFee: '40 ₽',
        paidUntil: 'Оплачен до 21.05.2025',
        autoRenewal: 'Продлевать абонемент автоматически: да',
      });
      expect(formatLapse(view)).toBeNull();
      expect([view.employeesInUse, view.multichannelInUse, view.status]).toEqual([2, 1, 'active']);
    });
  });

  it('follows renewals, a lapse, auto-renewal and removed employees', () => {
    const events = [
      ...account,
      numberRemoved(1, at),
      numberRemoved(3, at),
      event(
        'SubscriptionRenewed',
        {
          periodStart: '2025-05-21T10:00:00+03:00',
          paidUntil: '2025-06-21T10:00:00+03:00',
          manual: false,
          restarted: false,
        },
        at,
      ),
      event('AutoRenewalSet', { enabled: false }, at),
      event('SubscriptionLapsed', { paidUntil: '2025-06-21T10:00:00+03:00' }, at, 'system'),
    ];
    givenEvents(tariffCard, events).then((view) => {
      expect(view.employeesInUse).toBe(1);
      expect(formatTariffCard(view).paidUntil).toBe('Оплачен до 21.06.2025');
      expect(formatLapse(view)).toBe('Абонемент не оплачен: платные услуги приостановлены');
      expect([view.autoRenewal, view.status]).toEqual([false, 'lapsed']);
    });
  });

  it('takes a new tariff at once', () => {
    const business = {
      ...opened(at).data.tariff,
      tariffId: 'business',
      name: 'Бизнес',
      monthlyFee: roubles(3500),
      includedEmployees: 25,
    };
    givenEvents(tariffCard, [
      ...account,
      event('TariffChanged', { previousTariffId: 'basic', tariff: business }, at),
    ]).then((view) =>
      expect([view.name, view.monthlyFee, view.includedEmployees]).toEqual(['Бизнес', roubles(3500), 25]),
    );
  });
});
