/**
 * Projections: read models folded from account events — quota usage, SMS balance, billing
 * (monthly fee, prorated statements, explanations), tariff card, numbers table, history, the
 * notifications outbox — their runners (inline and catch-up) and `preview`.
 * @module
 */
export { type Billing, billing } from './billing.js';
export {
  type BillingPeriod,
  billingPeriodAt,
  billingPeriodByIndex,
  type DayRange,
  lapses,
  type PeriodStatus,
} from './billing-calendar.js';
export { type ExplainedDay, type Explanation, explain, lineLabel } from './billing-explain.js';
export { type FeeLine, type MonthlyFee, monthlyFee } from './billing-fee.js';
export {
  type MonthlyStatementLine,
  type OneOffStatementLine,
  type Statement,
  type StatementLine,
  statement,
  statementByIndex,
  statementFor,
  statementForPeriod,
} from './billing-statement.js';
export { BILLING_ITEMS, type BillingItem } from './billing-view.js';
export { type Period, periodByIndex, periodContaining } from './calendar.js';
export {
  type CatchUpProjector,
  type CatchUpProjectorOptions,
  createCatchUpProjector,
} from './catch-up-runner.js';
export { type CheckpointStore, createInMemoryCheckpointStore } from './checkpoint-store.js';
export {
  divideHalfUp,
  formatCount,
  formatGigabytes,
  formatMoney,
  formatPhone,
  formatPrice,
  THOUSANDS_SEPARATOR_RU,
} from './format.js';
export {
  actorLabel,
  type History,
  type HistoryLine,
  type HistoryOptions,
  history,
  historyLines,
  historyTexts,
  renderEvent,
  SERVICE_ACTORS,
} from './history.js';
export type { HistoryTexts, RenderContext } from './history-texts.js';
export type { Language } from './labels.js';
export {
  acknowledge,
  dueNotices,
  noticeId,
  notifications,
  type Outbox,
  type OutboxNotice,
} from './notifications.js';
export { type NumberOptions, type NumberRow, numberOptions, type OptionTotal } from './number-options.js';
export { findNumbers, formatNumberCount, numberCount, numberRows } from './number-search.js';
export {
  CHARACTER_FORMS,
  countRu,
  DAY_FORMS,
  MINUTE_FORMS,
  MINUTE_FORMS_ACCUSATIVE,
  MONTH_FORMS,
  NUMBER_FORMS,
  NUMBER_FORMS_GENITIVE,
  pluralRu,
  RECORDING_FORMS,
  type RussianForms,
  totalNumbersRu,
} from './plural.js';
export { type Change, type Preview, preview } from './preview.js';
export {
  type AnyProjection,
  createProjection,
  type ProjectedEvent,
  type Projection,
  project,
  type ViewOf,
} from './projection.js';
export {
  evictedRecordings,
  formatQuota,
  freeBytes,
  heldCount,
  packsMonthlyFee,
  pinnedIds,
  type QuotaPart,
  type QuotaText,
  quotaBytes,
  quotaParts,
} from './quota-parts.js';
export { type QuotaUsage, quotaUsage } from './quota-usage.js';
export {
  applyToViews,
  createInlineProjector,
  type InlineProjector,
  initialViews,
  type ProjectedState,
  type ProjectionSet,
  type ViewsOf,
  withInlineProjections,
} from './runner.js';
export { formatRenewingPackage, formatSmsBalance, type SmsBalance, smsBalance } from './sms-balance.js';
export { describeSmsText, type SmsTextCounter } from './sms-text.js';
export {
  formatLapse,
  formatTariffCard,
  type TariffCard,
  type TariffCardText,
  tariffCard,
} from './tariff-card.js';

import { billing } from './billing.js';
import { history } from './history.js';
import { notifications } from './notifications.js';
import { numberOptions } from './number-options.js';
import { quotaUsage } from './quota-usage.js';
import { smsBalance } from './sms-balance.js';
import { tariffCard } from './tariff-card.js';

/** Every read model of an account, by name: what runners usually run. */
export const accountProjections = {
  quotaUsage,
  smsBalance,
  billing,
  tariffCard,
  numberOptions,
  history,
  notifications,
};
