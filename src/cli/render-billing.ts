/**
 * Billing as the CLI prints it: the monthly fee now, the statement of one stretch of the billing
 * calendar (a period, or a lapse: «не оплачено: 21.05–24.05.2025»), the lapses so far, and (for
 * `explain-bill`) each statement line's arithmetic day by day. All amounts come from the
 * projection in kopecks; only formatting happens here.
 * @module
 */
import type { DayRange } from '../projections/billing-calendar.js';
import { type ExplainedDay, explain, lineLabel } from '../projections/billing-explain.js';
import type { MonthlyFee } from '../projections/billing-fee.js';
import type { Statement } from '../projections/billing-statement.js';
import { addDaysToDate } from '../projections/calendar.js';
import { formatCount as count, formatMoney as money } from '../projections/format.js';
import { countRu, DAY_FORMS } from '../projections/plural.js';

/** `2025-04-21` → `21.04.2025`. */
export const russianDate = (day: string): string =>
  `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

/** `21.05–24.05.2025` within a year, `21.12.2025–04.01.2026` across one, `21.05.2025` for one day. */
export const russianDays = (first: string, last: string): string => {
  if (first === last) return russianDate(first);
  if (first.slice(0, 4) === last.slice(0, 4)) return `${russianDate(first).slice(0, 5)}–${russianDate(last)}`;
  return `${russianDate(first)}–${russianDate(last)}`;
};

/** `не оплачено: 21.05–24.05.2025 (4 дня)`. */
export const lapseText = (lapse: DayRange): string =>
  `не оплачено: ${russianDays(lapse.firstDay, lapse.lastDay)} (${countRu(lapse.days, DAY_FORMS)})`;

const dates = (s: Statement): string => `${russianDate(s.period.firstDay)}–${russianDate(s.period.lastDay)}`;
const span = (s: Statement): string => `${countRu(s.period.days, DAY_FORMS)}, ${s.timeZone}`;

/**
 * The heading of a statement: `Период 21.04.2025–20.05.2025 (30 дней, Europe/Moscow)`; a lapse
 * `Не оплачено: 21.05–24.05.2025 (4 дня, Europe/Moscow)`, and what a forecast or the days before
 * the opening are.
 */
export const periodTitle = (s: Statement): string => {
  switch (s.status) {
    case 'lapsed':
      return `Не оплачено: ${russianDays(s.period.firstDay, s.period.lastDay)} (${span(s)}): абонемент не продлён, начислений нет`;
    case 'not-opened':
      return `До открытия счёта: ${dates(s)} (${span(s)}): начислений нет`;
    case 'forecast':
      return `Период ${dates(s)} (${span(s)}): прогноз, абонемент продлится автоматически`;
    case 'paid':
      return `Период ${dates(s)} (${span(s)})`;
  }
};

/** For the first period after a lapse: `Новый период с оплаты 25.05.2025; перед ним не оплачено: …`. */
const resumedLine = (s: Statement): string[] => {
  if (!s.startsAfterLapse) return [];
  const before = s.lapseBefore === null ? '' : `; перед ним ${lapseText(s.lapseBefore)}`;
  return [`Новый период с оплаты ${russianDate(s.period.firstDay)}${before}`];
};

/** Rows of two columns, the first padded to the widest. */
const columns = (rows: ReadonlyArray<readonly [string, string]>): string[] => {
  const width = rows.reduce((w, [left]) => Math.max(w, left.length), 0);
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
};

/** Lapses shown at most, the latest ones. */
const SHOWN_LAPSES = 3;

/** The monthly fee, the statement and the latest lapses, as text. */
export const billingText = (
  fee: MonthlyFee,
  statement: Statement | null,
  lapses: readonly DayRange[] = [],
): string[] => {
  const out = [
    `Ежемесячная плата${fee.lapsed ? ' (абонемент не оплачен: столько он будет стоить после оплаты)' : ''}`,
  ];
  out.push(
    ...columns(
      fee.lines.map((line) => [
        lineLabel(line),
        `${count(line.quantity)} × ${money(line.unitPrice)} = ${money(line.amount)}`,
      ]),
    ),
    `  Итого в месяц: ${money(fee.total)}`,
  );
  if (lapses.length > 0) {
    const more = lapses.length > SHOWN_LAPSES ? ` (и ещё ${count(lapses.length - SHOWN_LAPSES)} раньше)` : '';
    out.push(
      `Перерывы в оплате${more}`,
      ...lapses.slice(-SHOWN_LAPSES).map((lapse) => `  ${lapseText(lapse)}`),
    );
  }
  if (statement === null) return out;
  out.push(`Счёт. ${periodTitle(statement)}`, ...resumedLine(statement).map((line) => `  ${line}`));
  out.push(...columns(statement.lines.map((line) => [lineLabel(line), explain(line).formula])));
  out.push(`  Итого за период: ${money(statement.total)}`);
  return out;
};

const statementJson = (s: Statement) => ({
  timeZone: s.timeZone,
  period: {
    index: s.period.index,
    firstDay: s.period.firstDay,
    lastDay: s.period.lastDay,
    days: s.period.days,
  },
  status: s.status,
  lapsedDays: s.lapsedDays,
  startsAfterLapse: s.startsAfterLapse,
  lapseBefore: s.lapseBefore,
  lines: s.lines.map((line) => ({ ...line, label: lineLabel(line), formula: explain(line).formula })),
  total: s.total,
});

/** The monthly fee, the statement and every lapse, as JSON. */
export const billingJson = (
  fee: MonthlyFee,
  statement: Statement | null,
  lapses: readonly DayRange[] = [],
) => ({
  monthlyFee: {
    lines: fee.lines.map((line) => ({ ...line, label: lineLabel(line) })),
    total: fee.total,
    lapsed: fee.lapsed,
  },
  lapses,
  statement: statement === null ? null : statementJson(statement),
});

/** Consecutive days (by date) with the same quantity: one run. */
interface Run {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly quantity: number;
  readonly accrual: number;
}

const runsOf = (days: readonly ExplainedDay[]): Run[] => {
  const runs: Run[] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.quantity === day.quantity && addDaysToDate(last.to, 1) === day.date) {
      runs[runs.length - 1] = {
        ...last,
        to: day.date,
        days: last.days + 1,
        accrual: last.accrual + day.accrual,
      };
    } else runs.push({ from: day.date, to: day.date, days: 1, quantity: day.quantity, accrual: day.accrual });
  }
  return runs;
};

const runLine = (r: Run): string => {
  const days = r.from === r.to ? russianDate(r.from) : `${russianDate(r.from)}–${russianDate(r.to)}`;
  return `  ${days}  ${countRu(r.days, DAY_FORMS)} × ${count(r.quantity)} = ${count(r.days * r.quantity)}  +${money(r.accrual)}`;
};

/**
 * Every statement line with its formula and the days behind it: runs of days with the same
 * quantity (`21.04.2025–20.05.2025  30 дней × 1 = 30  +1 500,00 ₽`), or with `daily` each day.
 * Each day accrues its cumulatively rounded share, so the runs add up to the line exactly.
 */
export const explainText = (statement: Statement, daily = false): string[] => {
  const out = [`Счёт. ${periodTitle(statement)}`, ...resumedLine(statement)];
  for (const line of statement.lines) {
    const e = explain(line);
    out.push('', e.label, `  ${e.formula}`);
    const runs = daily
      ? e.days.map((d) => ({ from: d.date, to: d.date, days: 1, quantity: d.quantity, accrual: d.accrual }))
      : runsOf(e.days);
    out.push(...runs.map(runLine));
  }
  out.push('', `Итого за период: ${money(statement.total)}`);
  return out;
};

/** The same, as JSON. */
export const explainJson = (statement: Statement) => ({
  ...statementJson(statement),
  lines: statement.lines.map((line) => {
    const e = explain(line);
    return {
      key: line.key,
      item: line.item,
      label: e.label,
      formula: e.formula,
      amount: e.amount,
      days: e.days,
    };
  }),
});
