/**
 * The history in Russian: one sentence per event, in the source's words where it has them.
 * @module
 */
import {
  formatCount,
  formatGigabytes,
  formatMegabytes,
  formatPhone as phone,
  formatPrice as price,
} from './format.js';
import { dateRu as date, type HistoryTexts, instantRu as instant } from './history-texts.js';
import { CHANNEL_NAMES, OPTION_NAMES, SCENARIO_NAMES } from './labels.js';
import { countRu } from './plural.js';

const onOff = (on: boolean): string => (on ? 'включено' : 'выключено');
const option = (o: keyof (typeof OPTION_NAMES)['ru']): string => OPTION_NAMES.ru[o];
const scenario = (s: keyof (typeof SCENARIO_NAMES)['ru']): string => `«${SCENARIO_NAMES.ru[s]}»`;
const NUMBERS = ['номера', 'номеров', 'номеров'] as const; // «для 1 номера», «для 5 номеров»
const RECORDINGS = ['запись', 'записи', 'записей'] as const;
const MINUTES = ['минуту', 'минуты', 'минут'] as const;
const OUTCOMES = {
  answered: 'отвечен',
  missed: 'пропущен',
  rejected: 'отклонён',
  busy: 'занято',
  failed: 'не состоялся',
};
const ROUTING = {
  'smart-callback': 'умный перезвон',
  'option-off': 'умный перезвон выключен',
  'no-window': 'нет окна перезвона',
  'window-expired': 'окно перезвона истекло',
  'operator-gone': 'номера оператора больше нет',
  'caller-id-off': 'у номера оператора выключен АОН',
  'subscription-lapsed': 'абонемент не оплачен',
};
const SKIPPED = {
  suppressed: 'уведомление уже отправлялось недавно',
  'free-sms-package-used': 'бесплатный пакет SMS в этом периоде уже был',
  'subscription-lapsed': 'абонемент не оплачен',
};

/** Russian sentences for every event type. */
export const historyRu: HistoryTexts = {
  AccountOpened: (d, c) =>
    `Открыт лицевой счёт ${d.accountId} на тарифе «${d.tariff.name}» (${price(d.tariff.monthlyFee)} в месяц), ` +
    `оплачен до ${date(d.paidUntil, c)}, автопродление ${onOff(d.autoRenewal)}`,
  TariffChanged: (d) => `Тариф изменён на «${d.tariff.name}» (${price(d.tariff.monthlyFee)} в месяц)`,
  AutoRenewalSet: (d) => `Продлевать абонемент автоматически: ${onOff(d.enabled)}`,
  SubscriptionRenewed: (d, c) =>
    `Абонемент продлён до ${date(d.paidUntil, c)} (${d.manual ? 'оплата клиентом' : 'автоматически'})`,
  SubscriptionLapsed: (d, c) => `Абонемент не продлён: оплаченный период закончился ${date(d.paidUntil, c)}`,
  MultichannelNumberAdded: (d) =>
    `Подключён многоканальный номер ${phone(d.number)}${d.main ? ' (основной)' : ''}`,
  MainMultichannelNumberSet: (d) => `Основной многоканальный номер: ${phone(d.number)}`,
  MultichannelNumberRemoved: (d) =>
    `Отключён многоканальный номер ${phone(d.number)}` +
    (d.callerIdNumbers.length === 0
      ? ''
      : `; АОН номеров (${d.callerIdNumbers.length}) теперь ${phone(d.fallback)}`),
  NumberAdded: (d) =>
    `Добавлен номер ${phone(d.number)} (${d.kind === 'regular' ? 'сотрудник' : 'добавленный'}): ${d.fullName}` +
    (d.department === '' ? '' : `, ${d.department}`),
  NumberRemoved: (d) =>
    `Удалён номер ${phone(d.number)}` +
    (d.options.length === 0 ? '' : ` с опциями: ${d.options.map(option).join(', ')}`),
  NumberOptionEnabled: (d) =>
    `Опция «${option(d.option)}» подключена для ${countRu(d.numbers.length, NUMBERS)} ` +
    `(${price(d.monthlyFee)} в месяц за номер)` +
    (d.skipped.length === 0 ? '' : `; пропущено: ${d.skipped.map((s) => phone(s.number)).join(', ')}`),
  NumberOptionDisabled: (d) =>
    `Опция «${option(d.option)}» отключена для ${countRu(d.numbers.length, NUMBERS)}` +
    (d.skipped.length === 0 ? '' : `; пропущено: ${d.skipped.map((s) => phone(s.number)).join(', ')}`),
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
    `Подключён пакет +5 ГБ (${price(d.monthlyFee)} в месяц)${d.reason === 'auto' ? ' автоматически' : ''}, пакетов: ${d.packs}`,
  StoragePackRemoved: (d) => `Отключён пакет +5 ГБ, пакетов: ${d.packs}`,
  AutoAddPacksSet: (d) =>
    `Автоматическое подключение дополнительных пакетов при заполнении хранилища: ${onOff(d.enabled)}`,
  RecordingStored: (d) =>
    `Сохранена запись ${d.recordingId} (${formatMegabytes(d.sizeBytes)} МБ, ${d.durationSeconds} с)`,
  RecordingsEvicted: (d) =>
    `Удалены старые записи: ${countRu(d.recordings.length, RECORDINGS)}, ${formatMegabytes(d.bytesFreed)} МБ ` +
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
      ? `Подключён пакет ${formatCount(d.size)} SMS за ${price(d.price)}`
      : `Пакет ${formatCount(d.size)} SMS продлён автоматически за ${price(d.price)}`) +
    `, доступно SMS: ${d.balanceAfter}`,
  NotificationConfigured: (d) =>
    `Сценарий ${scenario(d.scenario)}: SMS ${onOff(d.sms)}, Telegram ${onOff(d.telegram)}; ` +
    `текст ${countRu(d.characters, ['символ', 'символа', 'символов'])} ` +
    `(${countRu(d.segments, ['SMS-сообщение', 'SMS-сообщения', 'SMS-сообщений'])})`,
  VisitCardPeriodSet: (d) =>
    `Период визитки для ${d.direction === 'incoming' ? 'входящих' : 'исходящих'} вызовов: ` +
    countRu(d.months, ['месяц', 'месяца', 'месяцев']),
  NotificationSuppressionSet: (d) =>
    d.minutes === 0
      ? 'Повторные уведомления одному абоненту не ограничены'
      : `Повторное уведомление одному абоненту не чаще раза в ${countRu(d.minutes, MINUTES)}`,
  QuietHoursSet: (d) =>
    d.quietHours === null
      ? 'Тихие часы отменены'
      : `Уведомления отправляются с ${d.quietHours.from} до ${d.quietHours.to}`,
  NotificationSent: (d, c) =>
    `${CHANNEL_NAMES.ru[d.channel]} абоненту ${phone(d.recipient)} по сценарию ${scenario(d.scenario)}` +
    (d.deferred ? `, отправка ${instant(d.sendAt, c)}` : '') +
    (d.channel === 'sms' ? `, списано SMS: ${d.smsSpent}` : ''),
  NotificationSkipped: (d) =>
    `${CHANNEL_NAMES.ru[d.channel]} абоненту ${phone(d.recipient)} по сценарию ${scenario(d.scenario)} не отправлено: ` +
    (d.reason === 'sms-balance-exhausted' ? `не хватает SMS (нужно ${d.smsNeeded})` : SKIPPED[d.reason]),
  SmartCallbackEnabled: (d) =>
    `Подключён умный перезвон: окно ${countRu(d.windowMinutes, MINUTES)}, ${price(d.monthlyFee)} в месяц`,
  SmartCallbackDisabled: () => 'Отключён умный перезвон',
  SmartCallbackWindowSet: (d) => `Окно умного перезвона: ${countRu(d.minutes, MINUTES)}`,
  SmartCallbackWindowOpened: (d, c) =>
    `${phone(d.client)} не ответил оператору ${phone(d.operator)}: перезвон до ${instant(d.expiresAt, c)} попадёт к нему`,
  SmartCallbackWindowClosed: (d) =>
    `Окно перезвона ${phone(d.client)} оператору ${phone(d.operator)} закрыто (` +
    (d.reason === 'answered-call' ? 'разговор состоялся' : 'его многоканальный номер отключён') +
    ')',
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
