/**
 * Explaining a statement line to a person checking a bill: its label, the formula, and the days
 * behind it with the quantity and the accrual of each. Daily accruals are rounded cumulatively
 * (`accrual(d) = R(price × C(d) / days) − R(price × C(d−1) / days)`, `C` the running Σ of
 * quantities, `R` half up), so each is within one kopeck of its exact share and they add up to
 * the line's amount exactly.
 * @module
 */
import type { StatementLine } from './billing-statement.js';
import type { BillingItem } from './billing-view.js';
import { addDaysToDate } from './calendar.js';
import { divideHalfUp, formatCount, formatMoney } from './format.js';
import { type Language, OPTION_NAMES } from './labels.js';

/** One day behind a line. */
export interface ExplainedDay {
  readonly date: string;
  readonly quantity: number;
  /** Kopecks accrued that day. */
  readonly accrual: number;
}

/** What a line is made of. */
export interface Explanation {
  readonly label: string;
  /** `700,00 ₽ × 15 / 30 = 350,00 ₽` (en `₽700.00 × 15 / 30 = ₽350.00`): Σ quantity-days over days in the period. */
  readonly formula: string;
  /** Days with a quantity, in order (days without one accrue nothing). */
  readonly days: readonly ExplainedDay[];
  readonly amount: number;
}

const ITEM_LABELS: Record<Language, Record<Exclude<BillingItem, 'tariff' | 'number-option'>, string>> = {
  ru: {
    'extra-employees': 'Сотрудники сверх включённых в тариф',
    'extra-multichannel': 'Многоканальные номера сверх включённых',
    recording: 'Запись и хранение входящих вызовов на многоканальные номера',
    'storage-packs': 'Дополнительный пакет хранения +5 ГБ',
    telegram: 'Уведомления в Telegram (за сценарий)',
    'smart-callback': 'Умный перезвон',
  },
  en: {
    'extra-employees': 'Employees beyond those included',
    'extra-multichannel': 'Multichannel numbers beyond those included',
    recording: 'Recording of incoming calls to multichannel numbers',
    'storage-packs': 'Extra storage pack +5 GB',
    telegram: 'Telegram notices (per scenario)',
    'smart-callback': 'Smart callback',
  },
};

/** The label of a fee or statement line. */
export const lineLabel = (
  line: { item: BillingItem | 'sms-package'; detail?: string | null; size?: number; reason?: string },
  language: Language = 'ru',
): string => {
  const ru = language === 'ru';
  switch (line.item) {
    case 'tariff':
      return ru ? `Тариф «${line.detail}»` : `Tariff “${line.detail}”`;
    case 'number-option':
      return OPTION_NAMES[language][line.detail as keyof (typeof OPTION_NAMES)['ru']] ?? String(line.detail);
    case 'sms-package': {
      const renewal = line.reason === 'auto-renewal';
      const size = formatCount(line.size ?? 0, language);
      if (ru) return `Пакет ${size} SMS${renewal ? ' (автопродление)' : ''}`;
      return `${size} SMS package${renewal ? ' (automatic renewal)' : ''}`;
    }
    default:
      return ITEM_LABELS[language][line.item];
  }
};

/** The days, quantities and accruals behind a statement line. */
export const explain = (line: StatementLine, language: Language = 'ru'): Explanation => {
  const label = lineLabel(line, language);
  if (line.kind === 'one-off') {
    const formula = `${formatMoney(line.unitPrice, language)} = ${formatMoney(line.amount, language)}`;
    return {
      label,
      formula,
      days: [{ date: line.day, quantity: 1, accrual: line.amount }],
      amount: line.amount,
    };
  }
  const days: ExplainedDay[] = [];
  let running = 0;
  let accrued = 0;
  line.daily.forEach((quantity, index) => {
    if (quantity === 0) return;
    running += quantity;
    const total = divideHalfUp(line.unitPrice * running, line.days);
    days.push({ date: addDaysToDate(line.firstDay, index), quantity, accrual: total - accrued });
    accrued = total;
  });
  const money = (kopecks: number) => formatMoney(kopecks, language);
  const count = (n: number) => formatCount(n, language);
  const formula = `${money(line.unitPrice)} × ${count(line.quantityDays)} / ${line.days} = ${money(line.amount)}`;
  return { label, formula, days, amount: line.amount };
};
