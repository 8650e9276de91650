/**
 * The one place that turns a refusal into the Russian sentence the page shows.
 * @module
 */
import { type AccountHandlerError, countRu, formatGigabytes, type RussianForms } from '../../src/index.js';

const RECORDING_FORMS: RussianForms = ['запись', 'записи', 'записей'];
const PACK_FORMS: RussianForms = ['пакет', 'пакета', 'пакетов'];

const detail = (error: AccountHandlerError, key: string): unknown =>
  error._tag === 'DomainError' && typeof error.details === 'object' && error.details !== null
    ? (error.details as Record<string, unknown>)[key]
    : undefined;

const count = (error: AccountHandlerError, key: string): number => Number(detail(error, key) ?? 0);

const TEXTS: Record<string, (error: AccountHandlerError) => string> = {
  StoragePackLimitReached: (e) =>
    `Нельзя подключить больше ${countRu(count(e, 'maxPacks'), PACK_FORMS)} хранения: подключено ${count(e, 'packs')}.`,
  NoStoragePack: () => 'Дополнительные пакеты хранения не подключены.',
  WouldEvictRecordings: (e) =>
    `Без пакета места не хватит: будут удалены ${countRu(count(e, 'count'), RECORDING_FORMS)} (${formatGigabytes(count(e, 'bytes'), 2)} ГБ), самые старые.`,
  StorageFullOfPinnedRecordings: () =>
    'Пакет нельзя отключить: записи, защищённые от удаления, не поместятся в оставшееся место.',
  SubscriptionLapsed: () => 'Абонемент не оплачен: платные опции можно подключить после продления.',
  TariffUnchanged: () => 'Этот тариф уже подключён.',
  UnknownTariff: () => 'Такого тарифа нет в каталоге.',
  UnknownSmsPackage: () => 'Такого пакета SMS нет в каталоге.',
  FreeSmsPackageUsed: () => 'Бесплатный пакет 100 SMS уже подключался в этом расчётном периоде.',
  SmsTextTooLong: () => 'Текст сообщения длиннее 210 символов.',
  NotificationTextEmpty: () => 'Введите текст сообщения: без него уведомление отправлять нельзя.',
  InvalidVisitCardPeriod: () => 'Период визитки — от 1 до 12 месяцев.',
  IneligibleNumbers: () => 'Для номеров вида «Добавленный» недоступны опции АОН и запись разговоров.',
  OptionNotEnabled: () => 'Сначала подключите опцию для этого номера.',
  UnknownNumber: () => 'Такого номера нет на АТС.',
  InstantOutOfOrder: () => 'Время команды раньше последнего изменения счёта.',
  ValidationError: (e) => `Неверные данные: ${e.message}.`,
  ConcurrencyConflict: () => 'Счёт изменился одновременно с вашим действием: повторите его.',
};

/** The Russian text of a refusal (the code itself for one the page has no words for). */
export const refusalText = (error: AccountHandlerError): string =>
  TEXTS[error.code]?.(error) ?? `Команда отклонена (${error.code}).`;
