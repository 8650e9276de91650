/**
 * Billing as the CLI prints it: the monthly fee now, the statement of one period, and (for
 * `explain-bill`) each statement line's arithmetic day by day. All amounts come from the
 * projection in kopecks; only formatting happens here.
 * @module
 */
import { formatRoubles } from '../catalogue/units.js';
import { type ExplainedDay, explain, lineLabel } from '../projections/billing-explain.js';
import type { MonthlyFee } from '../projections/billing-fee.js';
import type { Statement } from '../projections/billing-statement.js';
import { addDaysToDate } from '../projections/calendar.js';

/** `2025-04-21` → `21.04.2025`. */
export const russianDate = (day: string): string =>
  `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

/** `Период 21.04.2025–20.05.2025 (30 дн., Europe/Moscow)`. */
export const periodTitle = (s: Statement): string =>
  `Период ${russianDate(s.period.firstDay)}–${russianDate(s.period.lastDay)} (${s.period.days} дн., ${s.timeZone})`;

/** Rows of two columns, the first padded to the widest. */
const columns = (rows: ReadonlyArray<readonly [string, string]>): string[] => {
  const width = rows.reduce((w, [left]) => Math.max(w, left.length), 0);
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
};

/** The monthly fee and the statement, as text. */
export const billingText = (fee: MonthlyFee, statement: Statement | null): string[] => {
  const out = [`Ежемесячная плата${fee.lapsed ? ' (абонемент не продлён)' : ''}`];
  out.push(
    ...columns(
      fee.lines.map((line) => [
        lineLabel(line),
        `${line.quantity} × ${formatRoubles(line.unitPrice)} = ${formatRoubles(line.amount)}`,
      ]),
    ),
    `  Итого в месяц: ${formatRoubles(fee.total)}`,
  );
  if (statement === null) return out;
  out.push(`Счёт. ${periodTitle(statement)}`);
  out.push(...columns(statement.lines.map((line) => [lineLabel(line), explain(line).formula])));
  out.push(`  Итого за период: ${formatRoubles(statement.total)}`);
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
  lines: s.lines.map((line) => ({ ...line, label: lineLabel(line), formula: explain(line).formula })),
  total: s.total,
});

/** The monthly fee and the statement, as JSON. */
export const billingJson = (fee: MonthlyFee, statement: Statement | null) => ({
  monthlyFee: {
    lines: fee.lines.map((line) => ({ ...line, label: lineLabel(line) })),
    total: fee.total,
    lapsed: fee.lapsed,
  },
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
  const dates = r.from === r.to ? russianDate(r.from) : `${russianDate(r.from)}–${russianDate(r.to)}`;
  return `  ${dates}  ${r.days} дн. × ${r.quantity} = ${r.days * r.quantity}  +${formatRoubles(r.accrual)}`;
};

/**
 * Every statement line with its formula and the days behind it: runs of days with the same
 * quantity (`21.04.2025–20.05.2025  30 дн. × 1 = 30  +1 500.00 ₽`), or with `daily` each day.
 * Each day accrues its cumulatively rounded share, so the runs add up to the line exactly.
 */
export const explainText = (statement: Statement, daily = false): string[] => {
  const out = [`Счёт. ${periodTitle(statement)}`];
  for (const line of statement.lines) {
    const e = explain(line);
    out.push('', e.label, `  ${e.formula}`);
    const runs = daily
      ? e.days.map((d) => ({ from: d.date, to: d.date, days: 1, quantity: d.quantity, accrual: d.accrual }))
      : runsOf(e.days);
    out.push(...runs.map(runLine));
  }
  out.push('', `Итого за период: ${formatRoubles(statement.total)}`);
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
