/**
 * «Мой тариф»: paid until, auto-renewal, the tariff's figures, «СМЕНИТЬ ТАРИФ» and the history
 * («ПОКАЗАТЬ ИСТОРИЮ»), from the tariff card, billing and history read models.
 * @module
 */
import {
  defaultCatalogue,
  formatPrice,
  formatTariffCard,
  historyLines,
  monthlyFee,
} from '../../../src/index.js';
import type { PageContext } from '../context.js';
import { actionForm, confirmationFor, noticeFor, switchForm } from '../forms.js';
import { type Html, html } from '../html.js';

const figure = (label: string, value: string, testId: string): Html =>
  html`<div class="figure"><span class="label">${label}</span><b data-testid="${testId}">${value}</b></div>`;

const changeTariff = (current: string | null): Html =>
  actionForm(
    'change-tariff',
    html`<select name="tariffId" aria-label="Тариф">${Object.entries(defaultCatalogue.tariffs).map(
      ([id, t]) =>
        html`<option value="${id}" ${id === current ? 'selected' : ''}>«${t.name}» — ${formatPrice(t.monthlyFee)} в месяц</option>`,
    )}</select>
    <button type="submit">СМЕНИТЬ ТАРИФ</button>`,
  );

const historyList = (ctx: PageContext): Html =>
  html`<details class="history"><summary>ПОКАЗАТЬ ИСТОРИЮ</summary><ol>${historyLines(ctx.views.history, {
    limit: 15,
  }).map(
    (line) => html`<li><time>${line.at}</time> <span class="muted">${line.actor}</span> ${line.text}</li>`,
  )}</ol></details>`;

/** The tariff block. */
export const tariffScreen = (ctx: PageContext): Html => {
  const card = ctx.views.tariffCard;
  const text = formatTariffCard(card);
  const fee = monthlyFee(ctx.views.billing);
  return html`<section id="tariff" class="card">
  <header class="section-head"><h2>Тариф и опции АТС</h2>${historyList(ctx)}</header>
  ${noticeFor('tariff', ctx.notice)}${confirmationFor('tariff', ctx.confirmation)}
  <p class="paid" data-testid="paid-until">${card.status === 'lapsed' ? 'Абонемент приостановлен: не оплачен' : (text.paidUntil ?? '')}</p>
  ${switchForm('auto-renewal', 'Продлевать абонемент автоматически', card.autoRenewal, 'auto-renewal')}
  <h3 data-testid="tariff-name">${text.tariff}</h3>
  <div class="figures">
    ${figure('Абонентская плата', text.monthlyFee, 'tariff-fee')}
    ${figure('Сотрудников', text.employees, 'tariff-employees')}
    ${figure('МКН включено', text.multichannelIncluded, 'tariff-mkn')}
    ${figure('Плата за сотрудника', text.extraEmployeeFee, 'tariff-extra-employee')}
  </div>
  <p class="muted">На АТС сотрудников: ${card.employeesInUse}, многоканальных номеров: ${card.multichannelInUse}.
    Ежемесячная плата с опциями: <b data-testid="monthly-total">${formatPrice(fee.total)}</b> (подробно — в счёте ниже).</p>
  ${changeTariff(card.tariffId)}
</section>`;
};
