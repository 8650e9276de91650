/**
 * Russian nouns after numbers: the form depends on the last two digits (`1 номер`, `2 номера`,
 * `5 номеров`, `11 номеров`, `21 номер`, `142 номера`) and on the case the sentence puts the
 * phrase in. A case is a triple of forms picked by the same rule: nominative `1 минута`,
 * accusative (`раз в 21 минуту`), genitive (`для 1 номера`, `для 2 номеров`: after 2–4 the
 * genitive plural, so its second form is the plural one).
 * @module
 */
import { pluralRu, type RussianForms } from '../texts/plural-ru.js';
import { formatCount } from './format.js';

// The rule lives in a leaf module, so the browser's SMS counter uses it without the read models.
export { pluralRu, type RussianForms };

/** `count` (thousands grouped) followed by the right form, e.g. `142 номера`, `3 000 номеров`. */
export const countRu = (count: number, forms: RussianForms): string =>
  `${formatCount(count)} ${pluralRu(count, forms)}`;

/** «номер», nominative: `Всего 142 номера`. */
export const NUMBER_FORMS: RussianForms = ['номер', 'номера', 'номеров'];

/** «номер», genitive: `для 1 номера`, `для 2 номеров`. */
export const NUMBER_FORMS_GENITIVE: RussianForms = ['номера', 'номеров', 'номеров'];

/** «минута», nominative: `окно 1 минута`, `21 минута`, `2 минуты`, `5 минут`. */
export const MINUTE_FORMS: RussianForms = ['минута', 'минуты', 'минут'];

/** «минута», accusative: `не чаще раза в 1 минуту`, `в 2 минуты`, `в 5 минут`. */
export const MINUTE_FORMS_ACCUSATIVE: RussianForms = ['минуту', 'минуты', 'минут'];

/** «день», nominative: `1 день`, `2 дня`, `30 дней`. */
export const DAY_FORMS: RussianForms = ['день', 'дня', 'дней'];

/** «месяц», nominative: `1 месяц`, `3 месяца`, `12 месяцев`. */
export const MONTH_FORMS: RussianForms = ['месяц', 'месяца', 'месяцев'];

/** «запись», nominative: `1 запись`, `3 записи`, `5 записей`. */
export const RECORDING_FORMS: RussianForms = ['запись', 'записи', 'записей'];

/** «символ», nominative: `65 символов`. */
export const CHARACTER_FORMS: RussianForms = ['символ', 'символа', 'символов'];

/** «SMS-сообщение», nominative: `1 SMS-сообщение`, `2 SMS-сообщения`. */
export const SMS_MESSAGE_FORMS: RussianForms = ['SMS-сообщение', 'SMS-сообщения', 'SMS-сообщений'];

/** «секунда», nominative: `1 секунда`, `42 секунды`. */
export const SECOND_FORMS: RussianForms = ['секунда', 'секунды', 'секунд'];

/** «пакет», nominative: `1 пакет`, `3 пакета`. */
export const PACK_FORMS: RussianForms = ['пакет', 'пакета', 'пакетов'];

/** `Всего 142 номера`: the count line of the PBX's numbers table. */
export const totalNumbersRu = (count: number): string => `Всего ${countRu(count, NUMBER_FORMS)}`;
