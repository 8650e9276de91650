import { describe, expect, it } from 'vitest';
import type { AccountEvent, StoredAccountEvent } from '../../src/account/events.js';
import { historyTail, historyTailText } from '../../src/cli/history-tail.js';
import { billingJson, billingText, explainText, russianDays } from '../../src/cli/render-billing.js';
import { billing } from '../../src/projections/billing.js';
import { lapses } from '../../src/projections/billing-calendar.js';
import { monthlyFee } from '../../src/projections/billing-fee.js';
import { statement } from '../../src/projections/billing-statement.js';
import { event, numberAdded, opened, recordingEnabled } from '../projections/builders.js';

const paidUntil = '2025-05-21T10:00:00+03:00';
// Opened 21.04 without auto-renewal; lapsed at the end of the period; paid on 25.05 at 14:00.
const events: AccountEvent[] = [
  opened('2025-04-21T10:00:00+03:00', { paidUntil, autoRenewal: false }),
  recordingEnabled('2025-05-06T15:30:00+03:00'),
  event('SubscriptionLapsed', { paidUntil }, paidUntil, 'system'),
  numberAdded(1, '2025-05-22T10:00:00+03:00'),
  numberAdded(2, '2025-05-25T09:00:00+03:00'),
  event(
    'SubscriptionRenewed',
    {
      periodStart: '2025-05-25T14:00:00+03:00',
      paidUntil: '2025-06-25T14:00:00+03:00',
      manual: true,
      restarted: true,
    },
    '2025-05-25T14:00:00+03:00',
  ),
  numberAdded(3, '2025-05-26T10:00:00+03:00'),
];
const view = billing.fold(events);

describe('a lapse in what the CLI prints', () => {
  it('writes day ranges the Russian way', () => {
    expect(russianDays('2025-05-21', '2025-05-24')).toBe('21.05–24.05.2025');
    expect(russianDays('2025-12-21', '2026-01-04')).toBe('21.12.2025–04.01.2026');
    expect(russianDays('2025-05-21', '2025-05-21')).toBe('21.05.2025');
  });

  it('shows the lapse as a gap in the billing section, and the new period after the payment', () => {
    const text = billingText(monthlyFee(view), statement(view, '2025-05-25'), lapses(view)).join('\n');
    expect(text).toContain('Перерывы в оплате\n  не оплачено: 21.05–24.05.2025 (4 дня)');
    expect(text).toContain('Счёт. Период 25.05.2025–24.06.2025 (31 день, Europe/Moscow)');
    expect(text).toContain(
      'Новый период с оплаты 25.05.2025; перед ним не оплачено: 21.05–24.05.2025 (4 дня)',
    );
    expect(text).toContain('Итого за период: 2\u00a0200,00 ₽');
  });

  it('explains the lapse itself as days nobody pays for', () => {
    const gap = statement(view, '2025-05-22');
    expect(gap === null ? [] : explainText(gap)).toEqual([
      'Счёт. Не оплачено: 21.05–24.05.2025 (4 дня, Europe/Moscow): абонемент не продлён, начислений нет',
      '',
      'Итого за период: 0,00 ₽',
    ]);
  });

  it('gives the lapse and the statement status in JSON', () => {
    const json = billingJson(monthlyFee(view), statement(view, '2025-05-22'), lapses(view));
    expect(json.lapses).toEqual([{ firstDay: '2025-05-21', lastDay: '2025-05-24', days: 4 }]);
    expect(json.statement).toMatchObject({ status: 'lapsed', lapsedDays: 4, total: 0, lines: [] });
  });

  it('counts the history of a --period by the stretch it falls in once the payment re-anchored them', () => {
    const tail = (period: string) => {
      const fold = historyTail(20, period);
      for (const e of events) fold.apply(e as StoredAccountEvent);
      return fold.view();
    };
    // The lapse 21.05–24.05 holds the lapse itself and the number added on 22.05.
    expect(tail('2025-05-22').last.map((l) => l.event.type)).toEqual(['SubscriptionLapsed', 'NumberAdded']);
    expect(tail('2025-05-22').total).toBe(2);
    // The period from 25.05 holds that day's events from its start, the payment and what came after.
    const resumed = tail('2025-06-01');
    expect(resumed.last.map((l) => l.index)).toEqual([4, 5, 6]);
    expect(resumed.total).toBe(3);
    expect(historyTailText(resumed)[0]).toBe('История (последние 3 из 3)');
    expect(tail('2025-05-01').total).toBe(2);
  });
});
