/**
 * Texts for people, in Russian and English, of every refusal of the account decider: one
 * function per code and language, reading the figures from the refusal's details. The tables
 * are typed by `AccountErrorCode`, so a new code does not compile until both languages have
 * its text. Values from the details (ids, names) are quoted «…» / “…” as data.
 * @module
 */

import type { AccountErrorCode, AccountErrorDetails } from '../account/errors.js';
import { GIB } from '../catalogue/units.js';
import type { IneligibleReason } from '../numbers/state.js';
import {
  formatCount,
  formatGigabytes,
  formatMegabytes,
  formatPhone as phone,
} from '../projections/format.js';
import { OPTION_NAMES, SCENARIO_NAMES } from '../projections/labels.js';
import { pluralRu, type RussianForms } from '../projections/plural.js';

/** The text of each code, from its details. */
export type ErrorTexts = {
  readonly [K in AccountErrorCode]: (details: AccountErrorDetails[K]) => string;
};

/** An instant as written (`2025-05-21T10:00:00+03:00`): `21.05.2025 10:00` (ru), `2025-05-21 10:00` (en). */
export const instantText = (iso: string, language: 'ru' | 'en'): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (m === null) return iso;
  return language === 'ru'
    ? `${m[3]}.${m[2]}.${m[1]} ${m[4]}:${m[5]}`
    : `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}`;
};

/** The date of an instant as written: `21.05.2025` (ru), `2025-05-21` (en). */
const dateText = (iso: string, language: 'ru' | 'en'): string => instantText(iso, language).slice(0, 10);

/** A size for people: `5.00 ГБ` from 1 GB on, else `12.5 МБ` (the point of the storage dialog). */
const sizeText = (bytes: number, language: 'ru' | 'en'): string =>
  bytes >= GIB
    ? `${formatGigabytes(bytes, 2, language)} ${language === 'ru' ? 'ГБ' : 'GB'}`
    : `${formatMegabytes(bytes, language)} ${language === 'ru' ? 'МБ' : 'MB'}`;

/** At most `shown` items, then «и ещё N» / “and N more”. */
const listOf = (items: readonly string[], language: 'ru' | 'en', shown = 5): string => {
  const head = items.slice(0, shown).join(', ');
  const rest = items.length - shown;
  if (rest <= 0) return head;
  return language === 'ru'
    ? `${head} и ещё ${formatCount(rest)}`
    : `${head} and ${formatCount(rest, 'en')} more`;
};

const ru = (n: number, forms: RussianForms): string => `${formatCount(n)} ${pluralRu(n, forms)}`;
const en = (n: number, one: string, many = `${one}s`): string =>
  `${formatCount(n, 'en')} ${n === 1 ? one : many}`;

const PACKS_GENITIVE: RussianForms = ['пакета', 'пакетов', 'пакетов'];
const MONTHS_GENITIVE: RussianForms = ['месяца', 'месяцев', 'месяцев'];
const MINUTES_GENITIVE: RussianForms = ['минуты', 'минут', 'минут'];
const MINUTES: RussianForms = ['минута', 'минуты', 'минут'];
const CHARACTERS: RussianForms = ['символ', 'символа', 'символов'];
const CHARACTERS_GENITIVE: RussianForms = ['символа', 'символов', 'символов'];
const RECORDINGS: RussianForms = ['запись', 'записи', 'записей'];

const REASONS_RU: Record<IneligibleReason, string> = {
  'unknown-number': 'такого номера нет в АТС',
  'added-number': 'добавленному номеру опция недоступна',
  'already-enabled': 'опция уже подключена',
  'already-disabled': 'опция не подключена',
  'no-multichannel-number': 'нет многоканального номера для подстановки',
};

const REASONS_EN: Record<IneligibleReason, string> = {
  'unknown-number': 'no such number in the PBX',
  'added-number': 'not available on an added number',
  'already-enabled': 'already on',
  'already-disabled': 'not on',
  'no-multichannel-number': 'no multichannel number to show',
};

/** Russian texts of every refusal. */
export const errorTextsRu: ErrorTexts = {
  UnknownCommand: (d) => `Неизвестная команда «${d.type}»`,
  InvalidInstant: (d) =>
    `Время команды «${d.at}» — не существующий момент времени с указанием часового пояса`,
  InstantOutOfOrder: (d) =>
    `Время команды ${instantText(d.at, 'ru')} раньше последнего события счёта (${instantText(d.latest, 'ru')}): ` +
    'время в счёте идёт только вперёд',
  InstantAfterCommand: (d) =>
    `Время ${instantText(d.value, 'ru')} позже времени самой команды (${instantText(d.at, 'ru')})`,
  InstantBeforeOpening: (d) =>
    `Время ${instantText(d.value, 'ru')} раньше открытия лицевого счёта (${instantText(d.openedAt, 'ru')})`,
  CallEndedBeforeStart: (d) =>
    `Звонок закончился (${instantText(d.endedAt, 'ru')}) раньше, чем начался (${instantText(d.startedAt, 'ru')})`,
  AccountNotOpened: (d) => `Лицевой счёт «${d.accountId}» ещё не открыт`,
  AccountMismatch: (d) => `Команда адресована счёту «${d.actual}», а здесь счёт «${d.expected}»`,
  AccountAlreadyOpened: (d) =>
    `Лицевой счёт «${d.accountId}» уже открыт` +
    (d.openedAt === null ? '' : ` (${instantText(d.openedAt, 'ru')})`),
  UnknownTariff: (d) =>
    `Тарифа «${d.tariffId}» нет в каталоге; есть: ${listOf(
      d.known.map((id) => `«${id}»`),
      'ru',
    )}`,
  TariffUnchanged: (d) => `Счёт уже на тарифе «${d.tariffId}»`,
  RenewalNotDue: (d) => `Абонемент оплачен до ${dateText(d.paidUntil, 'ru')}: продлевать его ещё рано`,
  SubscriptionAlreadyLapsed: (d) =>
    `Абонемент не продлён с ${dateText(d.paidUntil, 'ru')}: возобновить его можно только оплатой`,
  SubscriptionLapsed: (d) =>
    `Абонемент не оплачен с ${dateText(d.paidUntil, 'ru')}: платные услуги недоступны до оплаты`,
  MultichannelNumberExists: (d) => `Многоканальный номер ${phone(d.number)} уже подключён`,
  NumberIsUserNumber: (d) => `${phone(d.number)} — номер пользователя АТС, а не многоканальный номер`,
  UnknownMultichannelNumber: (d) => `${phone(d.number)} не является многоканальным номером этого счёта`,
  MultichannelNumberIsMain: (d) =>
    `${phone(d.number)} — основной многоканальный номер: сначала сделайте основным другой`,
  LastMultichannelNumber: (d) =>
    `${phone(d.number)} — единственный многоканальный номер счёта, его нельзя отключить`,
  NumberExists: (d) => `Номер ${phone(d.number)} уже есть в АТС`,
  NumberIsMultichannel: (d) => `${phone(d.number)} — многоканальный номер счёта, а не номер пользователя`,
  UnknownNumber: (d) => `Номера ${phone(d.number)} нет в АТС`,
  DuplicateNumbers: (d) => `Номера указаны больше одного раза: ${listOf(d.numbers.map(phone), 'ru')}`,
  IneligibleNumbers: (d) =>
    `Опцию «${OPTION_NAMES.ru[d.option]}» нельзя изменить для ${d.numbers.length === 1 ? 'номера' : 'номеров'}: ` +
    listOf(
      d.numbers.map((n) => `${phone(n.number)} (${REASONS_RU[n.reason]})`),
      'ru',
    ),
  OptionNotEnabled: (d) => `У номера ${phone(d.number)} не подключена опция «${OPTION_NAMES.ru[d.option]}»`,
  ShortNumberTaken: (d) => `Короткий номер ${d.shortNumber} уже занят номером ${phone(d.holder)}`,
  UnknownMelody: (d) => `Мелодия «${d.melodyId}» не загружена`,
  MelodyExists: (d) => `Мелодия «${d.melodyId}» уже загружена`,
  RecordingNotEnabled: () => 'Запись входящих вызовов на многоканальные номера не подключена',
  RecordingAlreadyEnabled: () => 'Запись входящих вызовов на многоканальные номера уже подключена',
  LiabilityNotAcknowledged: () =>
    'Чтобы выключить уведомление о записи разговора, подтвердите, что клиент несёт ответственность за жалобы абонентов',
  RecordingNotEnabledForNumber: (d) => `У номера ${phone(d.number)} не включена запись звонков`,
  StoragePackLimitReached: (d) =>
    `Можно подключить не более ${ru(d.maxPacks, PACKS_GENITIVE)}; подключено: ${formatCount(d.packs)}`,
  NoStoragePack: () => 'Дополнительные пакеты хранения не подключены',
  WouldEvictRecordings: (d) =>
    `Хранилище уменьшится до ${sizeText(d.quotaBytes, 'ru')}, и ${d.count === 1 ? 'будет удалена' : 'будут удалены'} ` +
    `${ru(d.count, RECORDINGS)} (${sizeText(d.bytes, 'ru')}): подтвердите удаление, чтобы продолжить`,
  StorageFullOfPinnedRecordings: (d) =>
    `Хранилище ${sizeText(d.quotaBytes, 'ru')} занято защищёнными от удаления записями (${sizeText(d.pinnedBytes, 'ru')})` +
    (d.sizeBytes === undefined
      ? ': уменьшить его нельзя'
      : `: для записи ${sizeText(d.sizeBytes, 'ru')} места нет`),
  RecordingTooLarge: (d) =>
    `Запись ${sizeText(d.sizeBytes, 'ru')} не помещается даже в пустое хранилище: ` +
    `сейчас можно получить до ${sizeText(d.reachableQuotaBytes, 'ru')}, со всеми пакетами — ${sizeText(d.maxQuotaBytes, 'ru')}`,
  RecordingExists: (d) => `Запись «${d.recordingId}» уже сохранена`,
  UnknownRecording: (d) => `Записи «${d.recordingId}» нет в хранилище`,
  RecordingPinned: (d) => `Запись «${d.recordingId}» защищена от удаления: сначала снимите защиту`,
  UnknownSmsPackage: (d) =>
    `Пакета ${formatCount(d.size)} SMS нет; есть пакеты: ${listOf(
      d.offered.map((size) => formatCount(size)),
      'ru',
      10,
    )} SMS`,
  FreeSmsPackageUsed: (d) =>
    `Бесплатный пакет SMS можно получить один раз за период; в периоде с ${dateText(d.periodStart, 'ru')} ` +
    `до ${dateText(d.periodEnd, 'ru')} он уже был`,
  SmsTextTooLong: (d) =>
    `Текст уведомления — ${ru(d.characters, CHARACTERS)}, а можно не более ${ru(d.max, CHARACTERS_GENITIVE)}`,
  NotificationTextEmpty: (d) =>
    `В сценарии «${SCENARIO_NAMES.ru[d.scenario]}» включён канал уведомлений, но текст пуст`,
  InvalidVisitCardPeriod: (d) =>
    `Период визитки — от ${formatCount(d.min)} до ${ru(d.max, MONTHS_GENITIVE)}; указано: ${formatCount(d.months)}`,
  InvalidSuppressionWindow: (d) =>
    `Повторное уведомление можно ограничить окном от ${formatCount(d.min)} до ${ru(d.max, MINUTES_GENITIVE)}; ` +
    `указано: ${formatCount(d.minutes)}`,
  InvalidQuietHours: (d) =>
    `Часы отправки уведомлений «${d.from}»–«${d.to}» заданы неверно: нужны два разных времени вида 09:00`,
  InvalidCallbackWindow: (d) =>
    `Окно умного перезвона — от ${formatCount(d.min)} до ${ru(d.max, MINUTES_GENITIVE)}; указано: ${formatCount(d.minutes)}`,
  SmartCallbackAlreadyEnabled: (d) => `Умный перезвон уже подключён (окно ${ru(d.windowMinutes, MINUTES)})`,
  SmartCallbackNotEnabled: () => 'Умный перезвон не подключён',
};

/** English texts of every refusal. */
export const errorTextsEn: ErrorTexts = {
  UnknownCommand: (d) => `Unknown command “${d.type}”`,
  InvalidInstant: (d) => `The command's instant “${d.at}” is not a real instant with a time zone offset`,
  InstantOutOfOrder: (d) =>
    `The command's instant ${instantText(d.at, 'en')} is earlier than the account's latest event ` +
    `(${instantText(d.latest, 'en')}): time in an account only moves forward`,
  InstantAfterCommand: (d) =>
    `The instant ${instantText(d.value, 'en')} is later than the command's own (${instantText(d.at, 'en')})`,
  InstantBeforeOpening: (d) =>
    `The instant ${instantText(d.value, 'en')} is before the account was opened (${instantText(d.openedAt, 'en')})`,
  CallEndedBeforeStart: (d) =>
    `The call ended (${instantText(d.endedAt, 'en')}) before it started (${instantText(d.startedAt, 'en')})`,
  AccountNotOpened: (d) => `Account “${d.accountId}” is not opened yet`,
  AccountMismatch: (d) => `The command is for account “${d.actual}”, this is account “${d.expected}”`,
  AccountAlreadyOpened: (d) =>
    `Account “${d.accountId}” is already open` +
    (d.openedAt === null ? '' : ` (${instantText(d.openedAt, 'en')})`),
  UnknownTariff: (d) =>
    `There is no tariff “${d.tariffId}” in the catalogue; there are ${listOf(
      d.known.map((id) => `“${id}”`),
      'en',
    )}`,
  TariffUnchanged: (d) => `The account is already on tariff “${d.tariffId}”`,
  RenewalNotDue: (d) =>
    `The subscription is paid until ${dateText(d.paidUntil, 'en')}: it is too early to renew it`,
  SubscriptionAlreadyLapsed: (d) =>
    `The subscription lapsed on ${dateText(d.paidUntil, 'en')}: only a payment renews it`,
  SubscriptionLapsed: (d) =>
    `The subscription has not been paid since ${dateText(d.paidUntil, 'en')}: paid services wait for a payment`,
  MultichannelNumberExists: (d) => `Multichannel number ${phone(d.number)} is already connected`,
  NumberIsUserNumber: (d) => `${phone(d.number)} is a PBX user number, not a multichannel number`,
  UnknownMultichannelNumber: (d) => `${phone(d.number)} is not a multichannel number of this account`,
  MultichannelNumberIsMain: (d) =>
    `${phone(d.number)} is the main multichannel number: make another one main first`,
  LastMultichannelNumber: (d) =>
    `${phone(d.number)} is the account's only multichannel number and cannot be removed`,
  NumberExists: (d) => `Number ${phone(d.number)} is already in the PBX`,
  NumberIsMultichannel: (d) =>
    `${phone(d.number)} is a multichannel number of the account, not a user number`,
  UnknownNumber: (d) => `Number ${phone(d.number)} is not in the PBX`,
  DuplicateNumbers: (d) => `Numbers listed more than once: ${listOf(d.numbers.map(phone), 'en')}`,
  IneligibleNumbers: (d) =>
    `“${OPTION_NAMES.en[d.option]}” cannot be changed for ${en(d.numbers.length, 'number')}: ` +
    listOf(
      d.numbers.map((n) => `${phone(n.number)} (${REASONS_EN[n.reason]})`),
      'en',
    ),
  OptionNotEnabled: (d) => `“${OPTION_NAMES.en[d.option]}” is not on for ${phone(d.number)}`,
  ShortNumberTaken: (d) => `Short number ${d.shortNumber} already belongs to ${phone(d.holder)}`,
  UnknownMelody: (d) => `No melody “${d.melodyId}” was uploaded`,
  MelodyExists: (d) => `Melody “${d.melodyId}” is already uploaded`,
  RecordingNotEnabled: () => 'Recording of incoming calls to multichannel numbers is off',
  RecordingAlreadyEnabled: () => 'Recording of incoming calls to multichannel numbers is already on',
  LiabilityNotAcknowledged: () =>
    'To turn the recording notice off, acknowledge that the customer answers for complaints',
  RecordingNotEnabledForNumber: (d) => `Call recording is off for ${phone(d.number)}`,
  StoragePackLimitReached: (d) =>
    `At most ${en(d.maxPacks, 'storage pack')} can be connected; ${formatCount(d.packs, 'en')} connected now`,
  NoStoragePack: () => 'No extra storage pack is connected',
  WouldEvictRecordings: (d) =>
    `Storage would shrink to ${sizeText(d.quotaBytes, 'en')} and ${en(d.count, 'recording')} ` +
    `(${sizeText(d.bytes, 'en')}) would be deleted: confirm the deletion to go on`,
  StorageFullOfPinnedRecordings: (d) =>
    `The ${sizeText(d.quotaBytes, 'en')} storage is taken by recordings on legal hold (${sizeText(d.pinnedBytes, 'en')})` +
    (d.sizeBytes === undefined
      ? ': it cannot shrink'
      : `: there is no room for a ${sizeText(d.sizeBytes, 'en')} recording`),
  RecordingTooLarge: (d) =>
    `A ${sizeText(d.sizeBytes, 'en')} recording does not fit even in empty storage: up to ${sizeText(d.reachableQuotaBytes, 'en')} ` +
    `can be had now, ${sizeText(d.maxQuotaBytes, 'en')} with every pack`,
  RecordingExists: (d) => `Recording “${d.recordingId}” is already stored`,
  UnknownRecording: (d) => `No recording “${d.recordingId}” is stored`,
  RecordingPinned: (d) => `Recording “${d.recordingId}” is on legal hold: take it off hold first`,
  UnknownSmsPackage: (d) =>
    `There is no package of ${formatCount(d.size, 'en')} SMS; there are ${listOf(
      d.offered.map((size) => formatCount(size, 'en')),
      'en',
      10,
    )} SMS`,
  FreeSmsPackageUsed: (d) =>
    `The free SMS package is had once a period; the period from ${dateText(d.periodStart, 'en')} ` +
    `to ${dateText(d.periodEnd, 'en')} already had it`,
  SmsTextTooLong: (d) =>
    `The notice text is ${en(d.characters, 'character')}; at most ${formatCount(d.max, 'en')} are allowed`,
  NotificationTextEmpty: (d) => `A channel of “${SCENARIO_NAMES.en[d.scenario]}” is on but its text is empty`,
  InvalidVisitCardPeriod: (d) =>
    `A visit-card period is ${formatCount(d.min, 'en')} to ${en(d.max, 'month')}; got ${formatCount(d.months, 'en')}`,
  InvalidSuppressionWindow: (d) =>
    `The window for repeated notices is ${formatCount(d.min, 'en')} to ${en(d.max, 'minute')}; got ${formatCount(d.minutes, 'en')}`,
  InvalidQuietHours: (d) =>
    `Sending hours “${d.from}”–“${d.to}” are wrong: two different times like 09:00 are needed`,
  InvalidCallbackWindow: (d) =>
    `The smart callback window is ${formatCount(d.min, 'en')} to ${en(d.max, 'minute')}; got ${formatCount(d.minutes, 'en')}`,
  SmartCallbackAlreadyEnabled: (d) =>
    `Smart callback is already on (window of ${en(d.windowMinutes, 'minute')})`,
  SmartCallbackNotEnabled: () => 'Smart callback is not on',
};
