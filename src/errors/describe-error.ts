/**
 * `describeError(error, locale)`: what went wrong, in a sentence a person reads, in Russian or
 * English, for every error a command handler can return — a refusal of the account decider
 * (with the figures from its details: «Можно подключить не более 9 пакетов»), input that did not
 * validate, a conflict that outlasted the handler's retries, a store that failed. The `code`
 * stays the thing for programs; this is the thing for people.
 * @module
 */

import { isAccountErrorCode } from '../account/errors.js';
import type {
  CommandAlreadyRecorded,
  ConcurrencyError,
  DomainError,
  StoreError,
  StoreErrorCode,
  ValidationError,
} from '../kernel/errors.js';
import { excerptText } from '../kernel/problem.js';
import { formatCount } from '../projections/format.js';
import { pluralRu } from '../projections/plural.js';
import { errorTextsEn, errorTextsRu } from './error-texts.js';

/** The languages errors are described in. */
export type ErrorLocale = 'ru' | 'en';

/** Any error a command handler of the account returns (and the store's "already recorded"). */
export type DescribableError =
  | ValidationError
  | DomainError
  | ConcurrencyError
  | StoreError
  | CommandAlreadyRecorded;

const STORE_TEXTS: Record<ErrorLocale, Record<StoreErrorCode, (e: StoreError) => string>> = {
  ru: {
    Unavailable: () => 'Хранилище событий сейчас недоступно: повторите попытку позже',
    MalformedEvent: (e) =>
      `В журнале счёта повреждено событие${e.version === undefined ? '' : ` (версия ${formatCount(e.version)})`}: его нельзя прочитать`,
    MalformedSnapshot: () => 'Снимок состояния счёта повреждён: состояние нужно собрать заново из журнала',
    Internal: () => 'Внутренняя ошибка хранилища событий',
  },
  en: {
    Unavailable: () => 'The event store is unavailable right now: try again later',
    MalformedEvent: (e) =>
      `An event in the account's log is damaged${e.version === undefined ? '' : ` (version ${formatCount(e.version, 'en')})`} and cannot be read`,
    MalformedSnapshot: () => "The account's snapshot is damaged: the state has to be rebuilt from the log",
    Internal: () => 'An internal error of the event store',
  },
};

const SHOWN_FIELDS = 3;

const validationText = (error: ValidationError, locale: ErrorLocale): string => {
  const paths = [...new Set(error.issues.map((issue) => issue.path))];
  const quoted = paths
    .slice(0, SHOWN_FIELDS)
    .map((p) => excerptText(p, 60))
    .map((p) => (locale === 'ru' ? `«${p}»` : `“${p}”`));
  const rest = paths.length - quoted.length;
  if (locale === 'ru') {
    const fields = pluralRu(paths.length, ['поле', 'поля', 'полей']);
    const more = rest > 0 ? ` и ещё ${formatCount(rest)}` : '';
    return paths.length === 0
      ? 'Данные команды не прошли проверку'
      : `Данные команды не прошли проверку: ${formatCount(paths.length)} ${fields} с ошибкой — ${quoted.join(', ')}${more}`;
  }
  const more = rest > 0 ? ` and ${formatCount(rest, 'en')} more` : '';
  return paths.length === 0
    ? 'The command did not validate'
    : `The command did not validate: ${paths.length === 1 ? 'field' : 'fields'} ${quoted.join(', ')}${more}`;
};

const domainText = (error: DomainError, locale: ErrorLocale): string => {
  const fallback =
    locale === 'ru' ? 'Команда отклонена правилами счёта' : "The command was refused by the account's rules";
  if (!isAccountErrorCode(error.code)) return fallback;
  const texts: Record<string, (details: never) => string> = locale === 'ru' ? errorTextsRu : errorTextsEn;
  try {
    const text = texts[error.code]!(error.details as never);
    // Details of another shape than the code's (built by hand, say) must not leak into the text.
    return /undefined|NaN|\[object/.test(text) ? fallback : text;
  } catch {
    return fallback;
  }
};

/** A text for people, in `locale`, of any error a command handler returns. */
export const describeError = (error: DescribableError, locale: ErrorLocale): string => {
  switch (error._tag) {
    case 'ValidationError':
      return validationText(error, locale);
    case 'DomainError':
      return domainText(error, locale);
    case 'ConcurrencyError':
      return locale === 'ru'
        ? 'Счёт одновременно изменили другие команды, и повторные попытки не помогли: отправьте команду ещё раз'
        : 'Other commands changed the account at the same time and the retries ran out: send the command again';
    case 'CommandAlreadyRecorded':
      return locale === 'ru' ? 'Эта команда уже обработана' : 'This command was already handled';
    case 'StoreError':
      return (STORE_TEXTS[locale][error.code] ?? STORE_TEXTS[locale].Internal)(error);
  }
};
