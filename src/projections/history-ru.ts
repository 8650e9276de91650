/**
 * The history in Russian: one sentence per event, in the PBX's own words where its screens have them.
 * Numbers of 1 000 and more are grouped, prices show kopecks after a comma when there are any,
 * nouns after numbers take their case (`окно 1 минута`, `не чаще раза в 21 минуту`), and words
 * agree with what they name (`Telegram включён`, `опция подключена`).
 * @module
 */
import type * as t from 'io-ts';
import type { SkipReason } from '../notifications/events.js';
import type { RoutingReason } from '../smart-callback/events.js';
import {
  formatCount as count,
  formatGigabytes,
  formatMegabytes,
  formatPhone as phone,
  formatPrice as price,
} from './format.js';
import { dateRu as date, type HistoryTexts, instantRu as instant } from './history-texts.js';
import { OPTION_NAMES, SCENARIO_NAMES } from './labels.js';
import {
  CHARACTER_FORMS,
  countRu,
  MINUTE_FORMS,
  MINUTE_FORMS_ACCUSATIVE,
  MONTH_FORMS,
  NUMBER_FORMS,
  NUMBER_FORMS_GENITIVE,
  RECORDING_FORMS,
  SECOND_FORMS,
  SMS_MESSAGE_FORMS,
} from './plural.js';

/** «включён» / «включена» / «включено» / «включены», as the word it says it of wants. */
const switched = (on: boolean, gender: 'm' | 'f' | 'n' | 'pl'): string => {
  const ending = { m: '', f: 'а', n: 'о', pl: 'ы' }[gender];
  return on
    ? `включ${gender === 'm' ? 'ён' : `ен${ending}`}`
    : `выключ${gender === 'm' ? 'ен' : `ен${ending}`}`;
};
const option = (o: keyof (typeof OPTION_NAMES)['ru']): string => OPTION_NAMES.ru[o];
const scenario = (s: keyof (typeof SCENARIO_NAMES)['ru']): string => `«${SCENARIO_NAMES.ru[s]}»`;
const skipped = (list: ReadonlyArray<{ number: string }>): string =>
  list.length === 0 ? '' : `; пропущено: ${list.map((s) => phone(s.number)).join(', ')}`;
const OUTCOMES = {
  answered: 'отвечен',
  missed: 'пропущен',
  rejected: 'отклонён',
  busy: 'занято',
  failed: 'не состоялся',
};
const ROUTING: Record<t.TypeOf<typeof RoutingReason>, string> = {
  'smart-callback': 'умный перезвон',
  'option-off': 'умный перезвон выключен',
  'no-window': 'нет окна перезвона',
  'window-expired': 'окно перезвона истекло',
  'operator-gone': 'номера оператора больше нет',
  'caller-id-off': 'у номера оператора выключен АОН',
  'subscription-lapsed': 'абонемент не оплачен, умный перезвон приостановлен',
};
const NOT_SENT: Record<SkipReason, (smsNeeded: number) => string> = {
  suppressed: () => 'уведомление уже отправлялось недавно',
  'sms-balance-exhausted': (n) => `не хватает SMS (нужно ${count(n)})`,
  'free-sms-package-used': () => 'бесплатный пакет SMS в этом периоде уже был',
  'subscription-lapsed': () => 'абонемент не оплачен',
};

/** Russian sentences for every event type. */
export const historyRu: HistoryTexts = {
  AccountOpened: (d, c) =>
    `Открыт лицевой счёт ${d.accountId} на тарифе «${d.tariff.name}» (${price(d.tariff.monthlyFee)} в месяц), ` +
    `оплачен до ${date(d.paidUntil, c)}, автопродление ${switched(d.autoRenewal, 'n')}`,
  TariffChanged: (d) => `Тариф изменён на «${d.tariff.name}» (${price(d.tariff.monthlyFee)} в месяц)`,
  AutoRenewalSet: (d) => `Автоматическое продление абонемента ${switched(d.enabled, 'n')}`,
  SubscriptionRenewed: (d, c) =>
    d.manual
      ? `Абонемент оплачен клиентом: с ${date(d.periodStart, c)} до ${date(d.paidUntil, c)}`
      : `Абонемент продлён автоматически до ${date(d.paidUntil, c)}`,
  SubscriptionLapsed: (d, c) =>
    `Абонемент не продлён: оплаченный период закончился ${date(d.paidUntil, c)}, платные услуги приостановлены`,
  MultichannelNumberAdded: (d) =>
    `Подключён многоканальный номер ${phone(d.number)}${d.main ? ' (основной)' : ''}` +
    (d.extraMonthlyFee > 0 ? `, ${price(d.extraMonthlyFee)} в месяц сверх включённых` : ''),
  MainMultichannelNumberSet: (d) => `Основной многоканальный номер: ${phone(d.number)}`,
  MultichannelNumberRemoved: (d) =>
    `Отключён многоканальный номер ${phone(d.number)}` +
    (d.callerIdNumbers.length === 0
      ? ''
      : `; ${countRu(d.callerIdNumbers.length, NUMBER_FORMS)} теперь ${d.callerIdNumbers.length % 10 === 1 && d.callerIdNumbers.length % 100 !== 11 ? 'показывает' : 'показывают'} в АОН ${phone(d.fallback)}`),
  NumberAdded: (d) =>
    `Добавлен номер ${phone(d.number)} (${d.kind === 'regular' ? 'сотрудник' : 'добавленный'}): ${d.fullName}` +
    (d.department === '' ? '' : `, ${d.department}`),
  NumberRemoved: (d) =>
    `Удалён номер ${phone(d.number)}` +
    (d.options.length === 0 ? '' : ` с опциями: ${d.options.map(option).join(', ')}`),
  NumberOptionEnabled: (d) =>
    `Опция «${option(d.option)}» подключена для ${countRu(d.numbers.length, NUMBER_FORMS_GENITIVE)} ` +
    `(${price(d.monthlyFee)} в месяц за номер)${skipped(d.skipped)}`,
  NumberOptionDisabled: (d) =>
    `Опция «${option(d.option)}» отключена для ${countRu(d.numbers.length, NUMBER_FORMS_GENITIVE)}${skipped(d.skipped)}`,
  CallerIdNumberSet: (d) => `Номер ${phone(d.number)} показывает в АОН ${phone(d.multichannelNumber)}`,
  ShortNumberAssigned: (d) => `Номеру ${phone(d.number)} назначен короткий номер ${d.shortNumber}`,
  MelodyUploaded: (d) => `Загружена мелодия «${d.name}»`,
  NumberMelodySet: (d) => `Номеру ${phone(d.number)} назначена мелодия ${d.melodyId}`,
  RecordingEnabled: (d) =>
    `Подключена запись входящих вызовов на многоканальные номера (${price(d.monthlyFee)} в месяц)` +
    (d.notice ? '' : ', без уведомления о записи: клиент несёт ответственность за жалобы абонентов'),
  RecordingDisabled: () => 'Отключена запись входящих вызовов на многоканальные номера',
  RecordingNoticeSet: (d) =>
    d.enabled
      ? 'Включено уведомление звонящему о записи разговора'
      : 'Выключено уведомление звонящему о записи разговора: клиент несёт ответственность за жалобы абонентов',
  StoragePackAdded: (d) =>
    `Подключён пакет +5 ГБ${d.reason === 'auto' ? ' автоматически' : ''} (${price(d.monthlyFee)} в месяц), ` +
    `пакетов: ${count(d.packs)}`,
  StoragePackRemoved: (d) => `Отключён пакет +5 ГБ, пакетов: ${count(d.packs)}`,
  AutoAddPacksSet: (d) =>
    `Автоматическое подключение дополнительных пакетов при заполнении хранилища ${switched(d.enabled, 'n')}`,
  RecordingStored: (d) =>
    `Сохранена запись ${d.recordingId} (${formatMegabytes(d.sizeBytes)} МБ, ${countRu(d.durationSeconds, SECOND_FORMS)})`,
  RecordingsEvicted: (d) =>
    `Удалены старые записи: ${countRu(d.recordings.length, RECORDING_FORMS)}, ${formatMegabytes(d.bytesFreed)} МБ ` +
    (d.reason === 'space-needed'
      ? `(место для ${d.forRecordingId ?? 'новой записи'})`
      : '(хранилище уменьшено)'),
  RecordingDeleted: (d) => `Удалена запись ${d.recordingId}`,
  RecordingPinned: (d) => `Запись ${d.recordingId} защищена от удаления`,
  RecordingUnpinned: (d) => `С записи ${d.recordingId} снята защита от удаления`,
  StorageAlmostFull: (d) =>
    `Хранилище почти заполнено: занято ${formatGigabytes(d.usedBytes, 2)} из ${formatGigabytes(d.quotaBytes, 2)} ГБ`,
  SmsPackagePurchased: (d) =>
    (d.reason === 'purchase'
      ? `Подключён пакет ${count(d.size)} SMS за ${price(d.price)}`
      : `Пакет ${count(d.size)} SMS продлён автоматически за ${price(d.price)}`) +
    `, доступно SMS: ${count(d.balanceAfter)}`,
  NotificationConfigured: (d) =>
    `Сценарий ${scenario(d.scenario)}: SMS-уведомления ${switched(d.sms, 'pl')}, Telegram ${switched(d.telegram, 'm')}; ` +
    `текст ${countRu(d.characters, CHARACTER_FORMS)} (${countRu(d.segments, SMS_MESSAGE_FORMS)})`,
  VisitCardPeriodSet: (d) =>
    `Период визитки для ${d.direction === 'incoming' ? 'входящих' : 'исходящих'} вызовов: ${countRu(d.months, MONTH_FORMS)}`,
  NotificationSuppressionSet: (d) =>
    (d.minutes === 0
      ? 'Повторные уведомления одному абоненту не ограничены'
      : `Повторное уведомление одному абоненту не чаще раза в ${countRu(d.minutes, MINUTE_FORMS_ACCUSATIVE)}`) +
    (d.scenario === null ? '' : ` (сценарий ${scenario(d.scenario)})`),
  QuietHoursSet: (d) =>
    d.sendingHours === null
      ? 'Уведомления отправляются в любое время'
      : `Уведомления отправляются с ${d.sendingHours.from} до ${d.sendingHours.to}`,
  NotificationSent: (d, c) =>
    `${d.channel === 'sms' ? 'SMS' : 'Сообщение в Telegram'} абоненту ${phone(d.recipient)} по сценарию ${scenario(d.scenario)}` +
    (d.deferred ? `, отправка ${instant(d.sendAt, c)}` : '') +
    (d.channel === 'sms' ? `, списано SMS: ${count(d.smsSpent)}` : ''),
  NotificationSkipped: (d) =>
    `${d.channel === 'sms' ? 'SMS' : 'Сообщение в Telegram'} абоненту ${phone(d.recipient)} по сценарию ` +
    `${scenario(d.scenario)} не отправлено: ${NOT_SENT[d.reason](d.smsNeeded)}`,
  SmartCallbackEnabled: (d) =>
    `Подключён умный перезвон: окно ${countRu(d.windowMinutes, MINUTE_FORMS)}, ${price(d.monthlyFee)} в месяц`,
  SmartCallbackDisabled: () => 'Отключён умный перезвон',
  SmartCallbackWindowSet: (d) => `Окно умного перезвона: ${countRu(d.minutes, MINUTE_FORMS)}`,
  SmartCallbackWindowOpened: (d, c) =>
    `${phone(d.client)} не ответил оператору ${phone(d.operator)}: перезвон до ${instant(d.expiresAt, c)} попадёт к нему`,
  SmartCallbackWindowClosed: (d) =>
    `Окно перезвона ${phone(d.client)} оператору ${phone(d.operator)} закрыто: ` +
    (d.reason === 'answered-call' ? 'разговор состоялся' : 'его многоканальный номер отключён'),
  IncomingCallRouted: (d) =>
    d.operator === null
      ? `Звонок ${phone(d.client)} на ${phone(d.multichannelNumber)} распределён как обычно (${ROUTING[d.reason]})`
      : `Звонок ${phone(d.client)} на ${phone(d.multichannelNumber)} направлен оператору ${phone(d.operator)} (${ROUTING[d.reason]})`,
  CallRegistered: (d) =>
    `${d.direction === 'incoming' ? 'Входящий' : 'Исходящий'}${d.line === 'direct' ? ' прямой' : ''} звонок ` +
    `${d.direction === 'incoming' ? 'от' : 'на'} ${phone(d.client)}` +
    (d.multichannelNumber === null ? '' : ` (МКН ${phone(d.multichannelNumber)})`) +
    `: ${OUTCOMES[d.outcome]}`,
};
