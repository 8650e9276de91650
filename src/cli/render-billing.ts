/**
 * Billing as the CLI prints it: the monthly fee now, the statement of one period, and (for
 * `explain-bill`) each statement line's arithmetic day by day. All amounts come from the
 * projection in kopecks; only formatting happens here.
 * @module
 */
import { formatRoubles } from '../catalogue/units.js';
import { explain, lineLabel } from '../projections/billing-explain.js';
import type { MonthlyFee } from '../projections/billing-fee.js';
import type { Statement } from '../projections/billing-statement.js';

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

/** Every statement line with its formula and the quantity and accrual of each day. */
export const explainText = (statement: Statement): string[] => {
  const out = [`Счёт. ${periodTitle(statement)}`];
  for (const line of statement.lines) {
    const e = explain(line);
    out.push('', e.label, `  ${e.formula}`);
    for (const day of e.days) {
      out.push(`  ${russianDate(day.date)}  × ${day.quantity}  +${formatRoubles(day.accrual)}`);
    }
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
