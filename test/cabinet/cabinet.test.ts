import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCabinet } from '../../examples/cabinet/cabinet.js';
import { type Browser, launchChromium } from '../../examples/cabinet/chromium.js';
import { type CabinetServer, startServer } from '../../examples/cabinet/server.js';
import { createInMemoryEventStore, formatPrice, roubles } from '../../src/index.js';

/** Screenshots of each screen go here (git-ignored). */
const OUTPUT = fileURLToPath(new URL('../../test-results/cabinet/', import.meta.url));

/** Exactly 71 Cyrillic characters: UCS-2, one more than fits one SMS. */
const TEXT_71 = 'Здравствуйте, спасибо за ваш звонок! Наш оператор перезвонит вам скоро.';

let server: CabinetServer;
let browser: Browser;
let page: Page;

/** Clicks a button that posts a form, and waits for the page the redirect leads to. */
const submit = async (button: Locator): Promise<void> => {
  const loaded = page.waitForEvent('load');
  await button.click();
  await loaded;
};

const text = async (testId: string): Promise<string> => (await page.getByTestId(testId).textContent()) ?? '';

const shoot = async (section: string): Promise<void> => {
  await page.locator(`#${section}`).screenshot({ path: `${OUTPUT}${section}.png` });
};

beforeAll(async () => {
  await mkdir(OUTPUT, { recursive: true });
  // The demo's month at the size `npm run cabinet` starts with: two packs connected, 1 009 SMS left.
  const cabinet = await openCabinet(createInMemoryEventStore(), { calls: 3000, seed: 42 });
  server = await startServer(cabinet, 0);
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the cabinet page in Chromium', () => {
  it('shows «Мой тариф» from the tariff card', async () => {
    expect(await text('tariff-name')).toBe('Мой тариф: «Базовый»');
    expect(await text('tariff-fee')).toBe(formatPrice(roubles(1500)));
    expect(await text('tariff-employees')).toBe('10');
    expect(await text('tariff-mkn')).toBe('1 номер');
    expect(await text('paid-until')).toBe('Оплачен до 21.05.2025');
    expect(await page.getByTestId('auto-renewal').getAttribute('aria-checked')).toBe('true');
    await shoot('tariff');
  });

  it('adds a pack: «Подключено пакетов» grows and the fee changes', async () => {
    expect(await text('storage-packs')).toBe('2');
    expect(await text('storage-fee')).toBe(formatPrice(roubles(300)));
    const totalBefore = await text('monthly-total');
    await submit(page.getByTestId('add-pack'));
    expect(await text('storage-packs')).toBe('3');
    expect(await text('storage-fee')).toBe(formatPrice(roubles(450)));
    expect(await text('storage-volume')).toBe('16.0 ГБ');
    expect(await text('monthly-total')).not.toBe(totalBefore);
    expect(page.url()).toMatch(/#storage$/);
  });

  it('counts a Cyrillic text as the user types: «71 символ (2 SMS-сообщения)»', async () => {
    expect([...TEXT_71]).toHaveLength(71);
    const scenario = page.locator('[data-scenario="incoming-missed-call"]');
    const counter = scenario.locator('[data-sms-counter]');
    const textarea = scenario.locator('textarea');
    await textarea.fill('');
    expect(await counter.textContent()).toBe('0 символов (0 SMS-сообщений)');
    await textarea.pressSequentially(TEXT_71.slice(0, 70));
    expect(await counter.textContent()).toBe('70 символов (1 SMS-сообщение)');
    await textarea.pressSequentially(TEXT_71.slice(70));
    expect(await counter.textContent()).toBe('71 символ (2 SMS-сообщения)');
    expect(await scenario.locator('[data-sms-limit]').textContent()).toBe('71 / 210');
    await shoot('sms');
    // Saved, the server renders the same counter for the stored text.
    await submit(scenario.getByRole('button', { name: 'СОХРАНИТЬ' }));
    expect(
      await page.locator('[data-scenario="incoming-missed-call"] [data-sms-counter]').textContent(),
    ).toBe('71 символ (2 SMS-сообщения)');
  });

  it('asks before a removal deletes recordings, naming how many and how much', async () => {
    await submit(page.getByRole('button', { name: 'ОТКЛЮЧИТЬ' })); // 3 → 2: usage still fits
    expect(await text('storage-packs')).toBe('2');
    await submit(page.getByRole('button', { name: 'ОТКЛЮЧИТЬ' })); // 2 → 1 would not fit
    const question = page.getByTestId('confirm-eviction');
    expect(await question.textContent()).toMatch(/удален[аы] \d[\d\s]* запис(ь|и|ей) \([\d\s.]+ [ГМ]Б\)/);
    expect(await text('storage-packs')).toBe('2');
    await shoot('storage');
    await submit(question.getByRole('button'));
    expect(await text('storage-packs')).toBe('1');
    expect(await page.getByTestId('confirm-eviction').count()).toBe(0);
  });

  it('refuses a 10th pack with the Russian text, and keeps nine', async () => {
    for (let packs = 1; packs < 9; packs++) await submit(page.getByTestId('add-pack'));
    expect(await text('storage-packs')).toBe('9');
    await submit(page.getByTestId('add-pack'));
    expect(await text('refusal')).toBe('Можно подключить не более 9 пакетов; подключено: 9');
    expect(await text('storage-packs')).toBe('9');
    await page.locator('#storage').screenshot({ path: `${OUTPUT}storage-refusal.png` });
  });

  it('finds a number by any spelling of it, keeps the total, and turns an option on', async () => {
    await page.getByPlaceholder('Поиск по списку').fill('8 (495) 200-01-00');
    await submit(page.getByRole('button', { name: 'НАЙТИ' }));
    const rows = page.locator('table.numbers tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('+7 495 200-01-00');
    expect(await text('number-count')).toBe('Всего 142 номера');
    const melody = rows.first().getByRole('checkbox', { name: /^Мел\./ });
    expect(await melody.getAttribute('aria-checked')).toBe('false');
    await submit(melody);
    // Back on the same search, with the option on.
    expect(await rows.count()).toBe(1);
    expect(
      await rows
        .first()
        .getByRole('checkbox', { name: /^Мел\./ })
        .getAttribute('aria-checked'),
    ).toBe('true');
    expect(await page.locator('table.numbers tfoot').textContent()).toContain(
      `1 · ${formatPrice(roubles(50))}`,
    );
    await shoot('numbers');
  });

  it('explains the bill of the current period and draws storage and SMS over the month', async () => {
    const statement = page.getByTestId('statement');
    expect(await page.locator('#bill h2').textContent()).toBe('Счёт за период 21.04.2025–20.05.2025');
    expect(await statement.textContent()).toContain('Тариф «Базовый»');
    // The tariff for all 30 days of the period (the separators are the library's to choose).
    expect(await statement.textContent()).toMatch(/1\s500[.,]00\s₽ × 30 \/ 30 = 1\s500[.,]00\s₽/);
    expect(await page.locator('#bill svg polyline').count()).toBe(3);
    expect(await page.locator('#bill svg polyline.sms').getAttribute('points')).toMatch(/^(\S+,\S+ ){20,}/);
    await shoot('bill');
  });

  it('reads without JavaScript: the page is rendered on the server', async () => {
    const bare = await browser.context.newPage();
    await bare.route('**/cabinet.js', (route) => route.abort());
    await bare.goto(server.url);
    expect(await bare.getByTestId('storage-packs').textContent()).toBe('9');
    expect(await bare.getByTestId('sms-balance').textContent()).toMatch(/^ДОСТУПНО SMS: [\d\s]+ ИЗ 3\s000$/);
    expect(
      await bare.locator('[data-scenario="incoming-missed-call"] [data-sms-counter]').textContent(),
    ).toBe('71 символ (2 SMS-сообщения)');
    await bare.close();
  });
});

describe('the page’s forms over HTTP', () => {
  const post = (action: string, fields: Record<string, string>) =>
    fetch(new URL(`actions/${action}`, server.url), {
      method: 'POST',
      body: new URLSearchParams(fields),
      redirect: 'manual',
    });

  it('names the field of a tampered form in the refusal', async () => {
    const response = await post('buy-sms', { commandId: 'tampered-1', size: 'много' });
    expect(response.status).toBe(303);
    const page = await (await fetch(new URL(response.headers.get('location') ?? '', server.url))).text();
    expect(page).toContain('Данные команды не прошли проверку: 1 поле с ошибкой — «data.size»');
  });

  it('sends a form posted twice with the same command id once', async () => {
    const available = async () => {
      const shown = (await (await fetch(server.url)).text()).match(/ДОСТУПНО SMS: ([\d\s]+) ИЗ/)?.[1];
      return Number(shown?.replace(/\s/g, ''));
    };
    const before = await available();
    await post('buy-sms', { commandId: 'twice-1', size: '500' });
    await post('buy-sms', { commandId: 'twice-1', size: '500' });
    expect(await available()).toBe(before + 500);
  });

  it('shows a text typed with markup in it as text', async () => {
    const text = 'Ждём вас <script>alert(1)</script> & «до встречи»';
    const response = await post('configure-notification', {
      commandId: 'markup-1',
      scenario: 'outgoing-visit-card',
      telegram: 'on',
      text,
    });
    expect(response.headers.get('location')).toBe('/#sms');
    const body = await (await fetch(server.url)).text();
    expect(body).toContain('Ждём вас &lt;script&gt;alert(1)&lt;/script&gt; &amp; «до встречи»');
    expect(body).not.toContain('<script>alert(1)');
  });

  it('answers an unknown action with 404 and sends nothing', async () => {
    const response = await post('drop-everything', { commandId: 'x' });
    expect(response.status).toBe(404);
  });
});
