/**
 * «Опции для номеров»: the numbers table with its four options, search by number
 * («Поиск по списку») and the total («Всего 142 номера»), from the numbers read model and its
 * search. Each option cell is a button that turns the option on or off for that number.
 * @module
 */
import {
  findNumbers,
  formatCount,
  formatNumberCount,
  formatPhone,
  formatPrice,
  NUMBER_OPTIONS,
  type NumberOption,
  type NumberRow,
} from '../../../src/index.js';
import type { PageContext } from '../context.js';
import { actionForm, hidden, noticeFor } from '../forms.js';
import { type Html, html } from '../html.js';

/** Rows shown at once; a search narrows the list. */
const SHOWN = 20;

const COLUMNS: Record<NumberOption, string> = {
  callerId: 'АОН',
  recording: 'Запись звонков',
  shortNumber: 'Короткая нумерация',
  melody: 'Мел.',
};

/** What an option that is on shows next to its box: the МКН shown, the short number. */
const optionDetail = (row: NumberRow, option: NumberOption): string => {
  if (option === 'callerId' && row.callerId?.multichannelNumber)
    return formatPhone(row.callerId.multichannelNumber);
  if (option === 'shortNumber' && row.shortNumber?.code) return row.shortNumber.code;
  return '';
};

const optionCell = (row: NumberRow, option: NumberOption, query: string): Html => {
  const on = row[option] !== null;
  return html`<td>${actionForm(
    'number-option',
    html`${hidden({ number: row.number, option, enable: on ? 'false' : 'true', q: query })}<button type="submit" class="box" role="checkbox" aria-checked="${on ? 'true' : 'false'}" aria-label="${COLUMNS[option]}: ${row.number}">${on ? '✓' : ''}</button> <small>${optionDetail(row, option)}</small>`,
  )}</td>`;
};

/** The numbers table. */
export const numbersScreen = (ctx: PageContext): Html => {
  const view = ctx.views.numberOptions;
  const rows = findNumbers(view, ctx.query);
  return html`<section id="numbers" class="card">
  <header class="section-head"><h2>Опции для номеров</h2></header>
  ${noticeFor('numbers', ctx.notice)}
  <form method="get" action="/#numbers" class="search">
    <input type="search" name="q" value="${ctx.query}" placeholder="Поиск по списку" aria-label="Поиск по номеру телефона">
    <button type="submit" class="secondary">НАЙТИ</button>
    <span class="muted" data-testid="number-count">${formatNumberCount(view)}</span>
  </form>
  <table class="numbers">
    <thead><tr><th>номер телефона</th><th>ф.и.о.</th><th>отдел</th>${NUMBER_OPTIONS.map((o) => html`<th>${COLUMNS[o]}</th>`)}</tr></thead>
    <tbody>${rows.slice(0, SHOWN).map(
      (row) => html`<tr>
        <td class="nowrap">${formatPhone(row.number)}</td><td>${row.fullName}</td>
        <td>${row.department}${row.kind === 'added' ? html` <span class="badge">Добавленный</span>` : null}</td>
        ${NUMBER_OPTIONS.map((o) => optionCell(row, o, ctx.query))}
      </tr>`,
    )}</tbody>
    <tfoot><tr><td colspan="3">Подключено, плата в месяц</td>${NUMBER_OPTIONS.map(
      (o) => html`<td>${formatCount(view.totals[o].count)} · ${formatPrice(view.totals[o].monthlySum)}</td>`,
    )}</tr></tfoot>
  </table>
  <p class="muted small">${rows.length > SHOWN ? `Показаны первые ${SHOWN} из ${rows.length}: уточните поиск. ` : rows.length === 0 ? 'Ничего не найдено. ' : ''}Поиск — по полному номеру телефона в любой записи, по части номера или по ф.и.о. Для номеров вида «Добавленный» недоступны опции АОН и запись разговоров.</p>
</section>`;
};
