/**
 * «SMS-опции» (the dialog «Уведомления клиентов после звонков»): «ДОСТУПНО SMS: N ИЗ M», the
 * packages, and the four scenarios with their channels, texts and the counter
 * «65 символов (1 SMS-сообщение)» — rendered here by the library's `describeSmsText`, and
 * recounted in the browser by the same function as the user types.
 * @module
 */
import {
  countRu,
  type Direction,
  defaultCatalogue,
  describeSmsText,
  formatCount,
  formatPrice,
  formatRenewingPackage,
  formatSmsBalance,
  type RussianForms,
  type Scenario,
} from '../../../src/index.js';
import type { PageContext } from '../context.js';
import { actionForm, hidden, noticeFor } from '../forms.js';
import { type Html, html } from '../html.js';

const MONTH_FORMS: RussianForms = ['месяц', 'месяца', 'месяцев'];

/** The source's titles and explanations of each scenario. */
const SCENARIO_TEXTS: Record<Scenario, { readonly title: string; readonly about: string }> = {
  'incoming-missed-call': {
    title: 'Информирование недозвонившегося абонента',
    about:
      'Сообщение будет отправляться абонентам, которые не смогли дозвониться на многоканальные номера вашей компании. При прямых вызовах уведомления отправляться не будут.',
  },
  'incoming-visit-card': {
    title: 'Визитка',
    about:
      'Сообщение будет отправляться после первого звонка на многоканальные номера вашей компании за период. При прямых вызовах уведомления отправляться не будут.',
  },
  'outgoing-unreached': {
    title: 'Информирование при недозвоне абоненту',
    about: 'Сообщение будет отправляться абонентам, до которых не получилось дозвониться.',
  },
  'outgoing-visit-card': {
    title: 'Визитка',
    about: 'Сообщение будет отправляться абонентам после первого звонка им за период.',
  },
};

const GROUPS: ReadonlyArray<readonly [string, Direction, readonly Scenario[]]> = [
  ['Для входящих вызовов', 'incoming', ['incoming-missed-call', 'incoming-visit-card']],
  ['Для исходящих вызовов', 'outgoing', ['outgoing-unreached', 'outgoing-visit-card']],
];

const checkbox = (name: string, checked: boolean, label: string, hint: string): Html =>
  html`<label class="check"><input type="checkbox" name="${name}" ${checked ? 'checked' : ''}><span>${label}<small>${hint}</small></span></label>`;

const visitCardPeriod = (direction: Direction, months: number): Html =>
  actionForm(
    'visit-card-period',
    html`${hidden({ direction })}<label>Период <select name="months">${Array.from(
      { length: 12 },
      (_, i) => i + 1,
    ).map(
      (n) => html`<option value="${n}" ${n === months ? 'selected' : ''}>${countRu(n, MONTH_FORMS)}</option>`,
    )}</select></label> <button type="submit" class="secondary">ПРИМЕНИТЬ</button>`,
  );

const scenarioForm = (ctx: PageContext, scenario: Scenario, direction: Direction): Html => {
  const form = ctx.views.settings.scenarios[scenario];
  const counter = describeSmsText(form.text);
  const texts = SCENARIO_TEXTS[scenario];
  const telegramFee = `${formatPrice(defaultCatalogue.telegram.monthlyFee)} в месяц`;
  return html`<article class="scenario" data-scenario="${scenario}">
    <h4>${texts.title.toUpperCase()}</h4>
    <p class="muted">${texts.about}</p>
    ${scenario.endsWith('visit-card') ? visitCardPeriod(direction, ctx.views.settings.visitCardMonths[direction]) : null}
    ${actionForm(
      'configure-notification',
      html`${hidden({ scenario })}
      ${checkbox('sms', form.sms, 'Отправлять SMS', 'Расходует сообщения из пакета SMS')}
      ${checkbox('telegram', form.telegram, 'Отправлять в Telegram', telegramFee)}
      <label class="text">SMS сообщение<textarea name="text" rows="3" data-sms-text>${form.text}</textarea></label>
      <p class="counter"><span data-sms-counter>${counter.counter}</span><span data-sms-limit class="${counter.fits ? '' : 'over'}">${counter.limit}</span></p>
      <button type="submit">СОХРАНИТЬ</button>`,
      'block',
    )}
  </article>`;
};

/** The SMS options dialog. */
export const smsScreen = (ctx: PageContext): Html => {
  const balance = ctx.views.smsBalance;
  const renewing = formatRenewingPackage(balance);
  return html`<section id="sms" class="card">
  <header class="section-head"><h2>SMS-опции</h2><span class="muted">Уведомления клиентов после звонков</span></header>
  ${noticeFor('sms', ctx.notice)}
  <p class="balance" data-testid="sms-balance">${formatSmsBalance(balance)}</p>
  <p class="muted">${renewing ?? 'Когда SMS закончатся, выбранный пакет автоматически пролонгируется'}.</p>
  <ul class="sms-packages">${defaultCatalogue.smsPackages.map(
    (p) =>
      html`<li>${actionForm(
        'buy-sms',
        html`${hidden({ size: String(p.size) })}<span>${formatCount(p.size)} SMS за ${formatPrice(p.price)}</span> <button type="submit" class="secondary">ПОДКЛЮЧИТЬ</button>`,
      )}</li>`,
  )}</ul>
  ${GROUPS.map(
    ([title, direction, scenarios]) =>
      html`<h3>${title}</h3><div class="scenarios">${scenarios.map((s) => scenarioForm(ctx, s, direction))}</div>`,
  )}
  <p class="muted small">Длинное сообщение будет разбито на несколько SMS: их количество показано под окном ввода.</p>
</section>`;
};
