import { describe, expect, it } from 'vitest';
import { type AccountEvent, accountEventTypes } from '../../src/account/events.js';
import { actorLabel, renderEvent } from '../../src/projections/history.js';
import { sampleEvents } from '../projections/builders.js';

/** Every number in the data made large: counts of thousands, money with kopecks. */
const inflate = (value: unknown, key = ''): unknown => {
  if (typeof value === 'number') return /fee|price/i.test(key) ? 123_456_789 : 12_345;
  if (Array.isArray(value)) return value.map((item) => inflate(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inflate(v, k)]));
  }
  return value;
};

const inflated = (type: keyof typeof sampleEvents): AccountEvent => {
  const sample = sampleEvents[type] as AccountEvent;
  return { ...sample, data: inflate(sample.data) } as AccountEvent;
};

/** What may hold 4 digits in a row without being a quantity: dates, times, phones, ids. */
const identifiers = (text: string): string =>
  text
    .replace(/\d{2}\.\d{2}\.\d{4}( \d{2}:\d{2})?/g, '')
    .replace(/\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?/g, '')
    .replace(/\+7 \d{3} \d{3}-\d{2}-\d{2}/g, '')
    .replace(/коротк\S+ номер \d{4}|short number \d{4}/g, '');

const actors = { 'user-1': 'user', system: 'service', telephony: 'service' } as const;

describe('history lines people read', () => {
  for (const type of accountEventTypes) {
    it(`${type}: Russian groups thousands, shows kopecks after a comma, names its actor`, () => {
      const event = inflated(type);
      const line = renderEvent(event, 'ru', 'Europe/Moscow');
      const rest = identifiers(line.text);
      expect(rest, line.text).not.toMatch(/\d{4}/);
      expect(line.text, line.text).not.toMatch(/\d\.\d\d ₽/);
      if (/fee|price/i.test(JSON.stringify(event.data)) && line.text.includes('₽')) {
        expect(line.text).toContain('1\u00a0234\u00a0567,89 ₽');
      }
      expect(line.actor).not.toBe(event.metadata.actor);
      expect(line.actor).toMatch(/[а-яё]/);
      expect(line.text).not.toMatch(/undefined|\[object|NaN/);

      const en = renderEvent(event, 'en', 'Europe/Moscow');
      expect(identifiers(en.text), en.text).not.toMatch(/\d{4}/);
      expect(en.text).not.toMatch(/\d,\d\d ₽|[а-яё]{3,} (SMS|turned|on|off)\b/);
      if (en.text.includes('₽')) expect(en.text).toMatch(/₽[\d,]+(\.\d\d)?/);
      // English names services by the words their ids are; people are still never a bare id.
      if (event.metadata.actor === 'user-1') expect(en.actor).toBe('user user-1');
    });
  }

  it('agrees in gender and case after numbers', () => {
    const configured = renderEvent(sampleEvents.NotificationConfigured, 'ru', 'Europe/Moscow').text;
    expect(configured).toContain('Telegram включён');
    expect(configured).toContain('SMS-уведомления включены');
    const option = renderEvent(sampleEvents.NumberOptionEnabled, 'ru', 'Europe/Moscow').text;
    expect(option).toMatch(/^Опция «.+» подключена для 2 номеров/);
    const window = (minutes: number) =>
      renderEvent(
        { ...sampleEvents.SmartCallbackEnabled, data: { windowMinutes: minutes, monthlyFee: 40_000 } },
        'ru',
        'Europe/Moscow',
      ).text;
    expect(window(1)).toContain('окно 1 минута,');
    expect(window(21)).toContain('окно 21 минута,');
    expect(window(2)).toContain('окно 2 минуты,');
    expect(window(11)).toContain('окно 11 минут,');
    expect(window(1440)).toContain('окно 1\u00a0440 минут,');
    const suppression = (minutes: number) =>
      renderEvent(
        { ...sampleEvents.NotificationSuppressionSet, data: { minutes, scenario: null } },
        'ru',
        'Europe/Moscow',
      ).text;
    expect(suppression(1)).toContain('не чаще раза в 1 минуту');
    expect(suppression(21)).toContain('не чаще раза в 21 минуту');
    expect(suppression(5)).toContain('не чаще раза в 5 минут');
    const autoRenewal = renderEvent(sampleEvents.AutoRenewalSet, 'ru', 'Europe/Moscow').text;
    expect(autoRenewal).toBe('Автоматическое продление абонемента выключено');
  });

  it('names actors as people read them, never by a bare id', () => {
    expect(actorLabel('system', 'ru')).toBe('система');
    expect(actorLabel('telephony', 'ru')).toBe('телефония');
    expect(actorLabel('billing', 'ru')).toBe('биллинг');
    expect(actorLabel('admin', 'ru')).toBe('пользователь admin');
    expect(actorLabel('admin', 'en')).toBe('user admin');
    expect(actorLabel('u-42', 'ru', { 'u-42': 'Иванов И. И.' })).toBe('Иванов И. И.');
    expect(actorLabel('toString', 'ru')).toBe('пользователь toString');
    for (const [id, kind] of Object.entries(actors)) {
      const label = actorLabel(id, 'ru');
      expect(label).not.toBe(id);
      if (kind === 'service') expect(label).not.toMatch(/[a-z]/i);
    }
  });
});
