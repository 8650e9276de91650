import { describe, expect, it } from 'vitest';
import { type AccountEvent, accountEventTypes } from '../../src/account/events.js';
import { history, historyLines, historyTexts, renderEvent } from '../../src/projections/index.js';
import { givenEvents } from '../../src/testing/index.js';
import { allSampleEvents, numberAdded, opened, recordingEnabled, sampleEvents } from './builders.js';

describe('history', () => {
  it('renders every event type in Russian and in English', () => {
    for (const type of accountEventTypes) {
      const sample = sampleEvents[type] as AccountEvent;
      for (const language of ['ru', 'en'] as const) {
        expect(typeof historyTexts[language][type], `${language} ${type}`).toBe('function');
        const line = renderEvent(sample, language, 'Europe/Moscow');
        expect(line.text.length, `${language} ${type}`).toBeGreaterThan(10);
        expect(line.text, `${language} ${type}`).not.toMatch(/undefined|\[object|NaN/);
      }
    }
    expect(Object.keys(historyTexts.ru).sort()).toEqual([...accountEventTypes].sort());
    expect(Object.keys(historyTexts.en).sort()).toEqual([...accountEventTypes].sort());
  });

  it('speaks Russian by default, newest first, with the instant in the account zone and the actor', () => {
    const events = [
      opened('2025-04-21T07:00:00Z', { paidUntil: '2025-05-21T07:00:00Z' }),
      numberAdded(1, '2025-04-21T07:05:00Z'),
      recordingEnabled('2025-05-06T12:30:00Z'),
    ];
    givenEvents(history, events).then((view) => {
      expect(historyLines(view)).toEqual([
        {
          index: 2,
          type: 'RecordingEnabled',
          instant: '2025-05-06T12:30:00Z',
          at: '06.05.2025 15:30',
          actor: 'пользователь user-1',
          text: 'Подключена запись входящих вызовов на многоканальные номера (700 ₽ в месяц)',
        },
        expect.objectContaining({
          index: 1,
          text: 'Добавлен номер +7 912 000-00-01 (сотрудник): Сотрудник 1, Продажи',
        }),
        expect.objectContaining({
          index: 0,
          at: '21.04.2025 10:00',
          text: 'Открыт лицевой счёт acc-1 на тарифе «Базовый» (1\u00a0500 ₽ в месяц), оплачен до 21.05.2025, автопродление включено',
        }),
      ]);
    });
  });

  it('speaks English on request, oldest first, a page at a time', () => {
    givenEvents(history, allSampleEvents()).then((view) => {
      const page = historyLines(view, { language: 'en', order: 'oldest-first', offset: 1, limit: 2 });
      expect(page.map((l) => [l.index, l.at, l.text])).toEqual([
        [1, '2025-04-22 10:00', 'Tariff changed to “Бизнес” (₽1,500 a month)'],
        [2, '2025-04-22 11:00', 'Automatic renewal of the subscription turned off'],
      ]);
      const system = historyLines(view, { language: 'en' }).find((l) => l.type === 'SubscriptionLapsed');
      expect(system?.actor).toBe('system');
      expect(historyLines(view).find((l) => l.type === 'SubscriptionLapsed')?.actor).toBe('система');
    });
  });

  it('says the segments and characters of a text the way the source does', () => {
    const line = renderEvent(sampleEvents.NotificationConfigured, 'ru', 'Europe/Moscow');
    expect(line.text).toContain('текст 17 символов (1 SMS-сообщение)');
  });
});
