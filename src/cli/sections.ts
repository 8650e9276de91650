/**
 * The read models the CLI can print (`--projection`): which projection each one folds, and how
 * it is shown as text and as JSON. JSON output is a summary a script can rely on, not the
 * projection's internal storage (chunked maps and lists stay inside).
 * @module
 */

import { type Billing, billing } from '../projections/billing.js';
import { lapses } from '../projections/billing-calendar.js';
import { monthlyFee } from '../projections/billing-fee.js';
import { type Statement, statement } from '../projections/billing-statement.js';
import { formatCount as count } from '../projections/format.js';
import {
  formatQuota,
  freeBytes,
  heldCount,
  packsMonthlyFee,
  quotaBytes,
  quotaParts,
} from '../projections/quota-parts.js';
import { type QuotaUsage, quotaUsage } from '../projections/quota-usage.js';
import {
  formatRenewingPackage,
  formatSmsBalance,
  type SmsBalance,
  smsBalance,
} from '../projections/sms-balance.js';
import { type HistoryTail, historyTail, historyTailJson, historyTailText } from './history-tail.js';
import { type PrivateFold, privateFold } from './private-fold.js';
import { billingJson, billingText } from './render-billing.js';

/** What a section needs besides its view. */
export interface SectionContext {
  /** `--period`: a date or instant inside the period wanted; default the last event's instant. */
  readonly period: string | undefined;
  /** The instant of the stream's last event. */
  readonly lastAt: string | null;
  /** `--limit`: how many history entries to show. */
  readonly limit: number;
}

/** One printable read model. */
export interface Section<View> {
  readonly name: SectionName;
  /** Starts a private fold of the view (`lastAt` is not known yet). */
  readonly start: (context: SectionContext) => PrivateFold<View>;
  readonly text: (view: View, context: SectionContext) => string[];
  readonly json: (view: View, context: SectionContext) => unknown;
}

/** Names accepted by `--projection` (besides `all`). */
export type SectionName = 'quota' | 'sms' | 'billing' | 'history';

const quota: Section<QuotaUsage> = {
  name: 'quota',
  start: () => privateFold(quotaUsage),
  text: (view) => {
    const text = formatQuota(view);
    return [
      'Хранилище записей',
      `  ${text.volume}`,
      `  ${text.packs}`,
      `  ${text.monthlyCharge}`,
      ...text.parts.map((part, i) => `  ${i === 0 ? 'Тариф' : `Пакет ${i}`}: ${part}`),
      `  Записей хранится: ${count(heldCount(view))}, удалено при нехватке места: ${count(view.evicted.length)}`,
    ];
  },
  json: (view) => ({
    quotaBytes: quotaBytes(view),
    usedBytes: view.usedBytes,
    freeBytes: freeBytes(view),
    packs: view.packs.length,
    packsMonthlyFee: packsMonthlyFee(view),
    parts: quotaParts(view),
    recordingsHeld: heldCount(view),
    recordingsPinned: view.pinnedCount,
    recordingsEvicted: view.evicted.length,
    recordingsDeleted: view.deletedCount,
    almostFull: view.alert.active,
    text: formatQuota(view),
  }),
};

const sms: Section<SmsBalance> = {
  name: 'sms',
  start: () => privateFold(smsBalance),
  text: (view) => {
    const renewing = formatRenewingPackage(view);
    return [
      'SMS',
      `  ${formatSmsBalance(view)}`,
      ...(renewing === null ? [] : [`  ${renewing}`]),
      `  Куплено пакетов: ${count(view.purchases)}, продлено автоматически: ${count(view.renewals)}`,
      `  Не отправлено: нет SMS — ${count(view.skippedByReason['sms-balance-exhausted'])}, ` +
        `повтор в окне — ${count(view.skippedByReason.suppressed)}, ` +
        `бесплатный пакет уже был — ${count(view.skippedByReason['free-sms-package-used'])}, ` +
        `абонемент не оплачен — ${count(view.skippedByReason['subscription-lapsed'])}`,
    ];
  },
  json: (view) => ({
    available: view.available,
    of: view.of,
    renewingPackage: view.renewingPackage,
    purchases: view.purchases,
    renewals: view.renewals,
    charged: view.charged,
    spentByScenario: view.spentByScenario,
    sentByScenario: view.sentByScenario,
    skippedByReason: view.skippedByReason,
    text: formatSmsBalance(view),
  }),
};

/** The statement a section shows: the period containing `--period`, else the last event's. */
export const statementOf = (view: Billing, context: SectionContext): Statement | null => {
  const at = context.period ?? context.lastAt;
  return at === null ? null : statement(view, at);
};

const bill: Section<Billing> = {
  name: 'billing',
  start: () => privateFold(billing),
  text: (view, context) => billingText(monthlyFee(view), statementOf(view, context), lapses(view)),
  json: (view, context) => billingJson(monthlyFee(view), statementOf(view, context), lapses(view)),
};

// The history projection keeps every event; the CLI keeps only the tail it prints (bounded memory).
const history: Section<HistoryTail> = {
  name: 'history',
  start: (context) => historyTail(context.limit, context.period),
  text: historyTailText,
  json: historyTailJson,
};

/** Every section, in the order they print. */
export const SECTIONS = [quota, sms, bill, history] as const;

/** Section names, as `--projection` accepts them. */
export const SECTION_NAMES: readonly SectionName[] = SECTIONS.map((s) => s.name);
