/**
 * The bill of the current period (the subscription period containing the latest action): each
 * line with its formula and, unfolded, the days behind it; then the monthly fee as it stands —
 * from the billing read model with `statement`, `explain` and `monthlyFee`.
 * @module
 */
import {
  countRu,
  type ExplainedDay,
  explain,
  formatMoney,
  lineLabel,
  monthlyFee,
  type RussianForms,
  statement,
} from '../../../src/index.js';
import type { PageContext } from '../context.js';
import { noticeFor } from '../forms.js';
import { type Html, html } from '../html.js';
import { chartsScreen } from './charts.js';

const DAY_FORMS: RussianForms = ['день', 'дня', 'дней'];

/** `2025-05-06` → `06.05.2025`. */
export const russianDate = (day: string): string =>
  `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

const dayChip = (d: ExplainedDay): Html =>
  html`<li><time>${russianDate(d.date).slice(0, 5)}</time> × ${d.quantity} → ${formatMoney(d.accrual)}</li>`;

/** The bill of the current period and the monthly fee now. */
export const billScreen = (ctx: PageContext): Html => {
  const billing = ctx.views.billing;
  const current = statement(billing, ctx.now);
  const fee = monthlyFee(billing);
  const title =
    current === null
      ? 'Счёт'
      : `Счёт за период ${russianDate(current.period.firstDay)}–${russianDate(current.period.lastDay)}`;
  return html`<section id="bill" class="card">
  <header class="section-head"><h2>${title}</h2>${current === null ? null : html`<span class="muted">${countRu(current.period.days, DAY_FORMS)}</span>`}</header>
  ${noticeFor('bill', ctx.notice)}
  ${
    current === null
      ? null
      : html`<table class="bill" data-testid="statement">
    <thead><tr><th>Услуга</th><th>Расчёт</th><th class="amount">Сумма</th></tr></thead>
    <tbody>${current.lines.map((line) => {
      const why = explain(line);
      return html`<tr><td>${why.label}</td><td><details><summary>${why.formula}</summary>
        <p class="muted small">Цена в месяц × сумма количеств по дням / дней в периоде. По дням:</p>
        <ul class="days">${why.days.map(dayChip)}</ul></details></td><td class="amount">${formatMoney(why.amount)}</td></tr>`;
    })}</tbody>
    <tfoot><tr><td colspan="2">Итого за период</td><td class="amount" data-testid="statement-total">${formatMoney(current.total)}</td></tr></tfoot>
  </table>
  <p class="muted small">Период ещё идёт: дни после сегодняшнего посчитаны с тем, что подключено сейчас.</p>`
  }
  <h3>Ежемесячная плата сейчас</h3>
  <table class="bill">
    <tbody>${fee.lines.map(
      (line) =>
        html`<tr><td>${lineLabel(line)}</td><td>${line.quantity} × ${formatMoney(line.unitPrice)}</td><td class="amount">${formatMoney(line.amount)}</td></tr>`,
    )}</tbody>
    <tfoot><tr><td colspan="2">Итого в месяц</td><td class="amount" data-testid="fee-total">${formatMoney(fee.total)}</td></tr></tfoot>
  </table>
  ${current === null ? null : chartsScreen(ctx, current.period)}
</section>`;
};
