/**
 * The demo's output: the source's screens rendered from read models folded over the month's
 * events — the tariff card, the storage dialog, the SMS balance, smart callback, the statement of
 * the period with its line items, and the last lines of the history. Pure: events in, text out.
 * @module
 */
import {
  type AccountEvent,
  billing,
  countRu,
  DAY_FORMS,
  explain,
  formatMoney,
  formatNumberCount,
  formatQuota,
  formatRenewingPackage,
  formatSmsBalance,
  formatTariffCard,
  formatCount as group,
  heldCount,
  history,
  historyLines,
  lapses,
  lineLabel,
  monthlyFee,
  numberOptions,
  project,
  quotaUsage,
  SCENARIOS,
  type Statement,
  smsBalance,
  statement,
  tariffCard,
} from '../../src/index.js';
import type { MonthStats } from './calls.js';

const SCENARIO_TITLES = {
  'incoming-missed-call': 'Информирование недозвонившегося абонента',
  'incoming-visit-card': 'Визитка (входящие)',
  'outgoing-unreached': 'Информирование при недозвоне абоненту',
  'outgoing-visit-card': 'Визитка (исходящие)',
} as const;

const title = (text: string): string[] => ['', text.toUpperCase(), '─'.repeat(text.length)];

/** Two columns, the first padded to the widest. */
const columns = (rows: ReadonlyArray<readonly [string, string]>): string[] => {
  const width = rows.reduce((w, [left]) => Math.max(w, left.length), 0);
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
};

const tariffScreen = (events: readonly AccountEvent[]): string[] => {
  const card = project(tariffCard, events);
  const text = formatTariffCard(card);
  const fee = monthlyFee(project(billing, events));
  return [
    ...title('Мой тариф'),
    `  ${text.tariff}`,
    `  Абонентская плата: ${text.monthlyFee} в месяц`,
    `  Сотрудников включено: ${text.employees} (в работе: ${card.employeesInUse}), сверх — ${text.extraEmployeeFee} за каждого`,
    `  Многоканальных номеров включено: ${text.multichannelIncluded} (подключено: ${card.multichannelInUse})`,
    `  ${text.paidUntil ?? 'Не оплачен'}`,
    `  ${text.autoRenewal}`,
    `  ${formatNumberCount(project(numberOptions, events))}`,
    ...title('Ежемесячная плата'),
    ...columns(
      fee.lines.map((line) => [
        lineLabel(line),
        `${group(line.quantity)} × ${formatMoney(line.unitPrice)} = ${formatMoney(line.amount)}`,
      ]),
    ),
    `  Итого в месяц: ${formatMoney(fee.total)}`,
  ];
};

const storageScreen = (events: readonly AccountEvent[]): string[] => {
  const view = project(quotaUsage, events);
  const text = formatQuota(view);
  return [
    ...title('Хранилище записей'),
    `  ${text.volume}`,
    `  ${text.packs}`,
    `  ${text.monthlyCharge}`,
    ...text.parts.map((part, i) => `  ${i === 0 ? 'Объём тарифа' : `Пакет ${i}`}: ${part}`),
    `  Записей хранится: ${group(heldCount(view))}; удалено старых, чтобы освободить место: ${group(view.evicted.length)}`,
  ];
};

const smsScreen = (events: readonly AccountEvent[]): string[] => {
  const view = project(smsBalance, events);
  const renewing = formatRenewingPackage(view);
  return [
    ...title('SMS-уведомления'),
    `  ${formatSmsBalance(view)}`,
    ...(renewing === null ? [] : [`  ${renewing}`]),
    `  Пакетов куплено: ${group(view.purchases)}, продлено автоматически: ${group(view.renewals)}`,
    ...columns(
      SCENARIOS.map((s) => [
        SCENARIO_TITLES[s],
        `уведомлений ${group(view.sentByScenario[s])}, SMS списано ${group(view.spentByScenario[s])}`,
      ]),
    ),
    `  Не отправлено: повтор в окне подавления — ${group(view.skippedByReason.suppressed)}, нет SMS — ${group(view.skippedByReason['sms-balance-exhausted'])}` +
      (view.skippedByReason['subscription-lapsed'] === 0
        ? ''
        : `, абонемент не оплачен — ${group(view.skippedByReason['subscription-lapsed'])}`),
  ];
};

const callbackScreen = (events: readonly AccountEvent[]): string[] => {
  let opened = 0;
  const routed: Record<string, number> = {};
  for (const event of events) {
    if (event.type === 'SmartCallbackWindowOpened') opened += 1;
    if (event.type === 'IncomingCallRouted') routed[event.data.reason] = (routed[event.data.reason] ?? 0) + 1;
  }
  return [
    ...title('Умный перезвон'),
    `  Окон перезвона открыто: ${group(opened)}`,
    `  Перезвонили и попали к своему оператору: ${group(routed['smart-callback'] ?? 0)}`,
    `  Перезвонили слишком поздно (окно истекло): ${group(routed['window-expired'] ?? 0)}`,
  ];
};

const day = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
/** `21.05–24.05.2025`: days of one year share it. */
const days = (first: string, last: string) =>
  first.slice(0, 4) === last.slice(0, 4)
    ? `${day(first).slice(0, 5)}–${day(last)}`
    : `${day(first)}–${day(last)}`;

const statementTitle = (s: Statement): string =>
  s.status === 'lapsed'
    ? `Не оплачено: ${days(s.period.firstDay, s.period.lastDay)} (${countRu(s.period.days, DAY_FORMS)})`
    : `Счёт за период ${day(s.period.firstDay)}–${day(s.period.lastDay)} (${countRu(s.period.days, DAY_FORMS)})`;

const statementScreen = (events: readonly AccountEvent[], at: string): string[] => {
  const view = project(billing, events);
  const s = statement(view, at);
  if (s === null) return [];
  const gaps = lapses(view);
  return [
    ...title(statementTitle(s)),
    ...(s.startsAfterLapse ? [`  Новый период с оплаты ${day(s.period.firstDay)}`] : []),
    ...gaps.map(
      (gap) => `  не оплачено: ${days(gap.firstDay, gap.lastDay)} (${countRu(gap.days, DAY_FORMS)})`,
    ),
    ...columns(s.lines.map((line) => [lineLabel(line), explain(line).formula])),
    `  Итого за период: ${formatMoney(s.total)}`,
  ];
};

const historyScreen = (events: readonly AccountEvent[], limit: number): string[] => {
  const view = project(history, events);
  return [
    ...title(`История (последние ${limit} из ${group(view.entries.length)})`),
    ...historyLines(view, { limit }).map((line) => `  ${line.at}  ${line.actor}  ${line.text}`),
  ];
};

const summaryScreen = (stats: MonthStats): string[] => {
  const c = stats.calls;
  const o = stats.outcomes;
  const refused = Object.entries(stats.refused).map(([code, n]) => `${code} ${group(n)}`);
  return [
    ...title('Месяц звонков'),
    `  Команд обработано: ${group(stats.commands)}`,
    `  Входящих на МКН: ${group(c.incoming)}, прямых входящих: ${group(c.direct)}, исходящих: ${group(c.outgoing)}, перезвонов: ${group(c.callbacks)}`,
    `  Отвечено: ${group(o.answered ?? 0)}, пропущено: ${group(o.missed ?? 0)}, отклонено: ${group(o.rejected ?? 0)}, занято: ${group(o.busy ?? 0)}`,
    `  Записей сохранено: ${group(stats.events.RecordingStored ?? 0)}, пакетов подключено автоматически: ${group(stats.events.StoragePackAdded ?? 0)}, раз удалялись старые записи: ${group(stats.events.RecordingsEvicted ?? 0)}`,
    `  Отказано в командах: ${refused.length === 0 ? 'нет' : refused.join(', ')}`,
  ];
};

/** Every screen, as the demo prints them. `at` picks the statement's period. */
export const renderScreens = (events: readonly AccountEvent[], stats: MonthStats, at: string): string =>
  [
    ...summaryScreen(stats),
    ...tariffScreen(events),
    ...storageScreen(events),
    ...smsScreen(events),
    ...callbackScreen(events),
    ...statementScreen(events, at),
    ...historyScreen(events, 12),
  ].join('\n');
