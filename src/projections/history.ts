/**
 * `history`: every event of the account as a line a person reads ("ПОКАЗАТЬ ИСТОРИЮ"): when (in
 * the account's time zone), who, and what, in Russian by default or in English. The view keeps
 * the events themselves (references, no copy) in a chunked list; sentences are rendered on read,
 * a page at a time, so applying an event costs one append and no formatting.
 * @module
 */
import type { AccountEvent, AccountEventType } from '../account/events.js';
import { DEFAULT_TIME_ZONE } from '../tariff/time-zone.js';
import { formatInZone } from './calendar.js';
import { type ChunkedList, emptyChunkedList, itemAt, pushItem } from './chunked-list.js';
import { historyEn } from './history-en.js';
import { historyRu } from './history-ru.js';
import type { HistoryTexts, RenderContext } from './history-texts.js';
import type { Language } from './labels.js';
import { createProjection } from './projection.js';

/** The history view (mutable form; callers get it read-only). */
export interface HistoryDraft {
  timeZone: string;
  entries: ChunkedList<AccountEvent>;
}

const recipe = (view: HistoryDraft, event: AccountEvent): void => {
  if (event.type === 'AccountOpened') view.timeZone = event.data.timeZone;
  pushItem(view.entries, event);
};

/** The account's history. */
export const history = createProjection({
  name: 'history',
  initial: { timeZone: DEFAULT_TIME_ZONE, entries: emptyChunkedList<AccountEvent>() } as HistoryDraft,
  recipe,
});

/** Every event of the account, kept as given, with its time zone: sentences are rendered on read. */
export type History = typeof history.initial;

/** The sentences of each language. */
export const historyTexts: Record<Language, HistoryTexts> = { ru: historyRu, en: historyEn };

/** One event as a sentence a person reads, with its instant in the account's zone and its actor. */
export interface HistoryLine {
  /** Position in the history (0 = the first event). */
  readonly index: number;
  readonly type: AccountEventType;
  /** The event's instant as given. */
  readonly instant: string;
  /** The instant in the account's zone: `21.04.2025 10:00` (ru) or `2025-04-21 10:00` (en). */
  readonly at: string;
  /** Who did it, as people read it: `система`, `телефония`, `пользователь admin` (en `system`, `user admin`). */
  readonly actor: string;
  readonly text: string;
}

/** Which page of the history {@link historyLines} renders, in which language and order. */
export interface HistoryOptions {
  readonly language?: Language;
  /** `newest-first` (default, as the PBX's history shows it) or `oldest-first`. */
  readonly order?: 'newest-first' | 'oldest-first';
  /** Lines to skip (default 0) and at most how many to return (default 50). */
  readonly offset?: number;
  readonly limit?: number;
  /** Names of actors a service knows (`{ 'u-42': 'Иванов И. И.' }`), shown instead of the id. */
  readonly actorNames?: Readonly<Record<string, string>>;
}

/** Actors that are services, not people, by id, as each language names them. */
export const SERVICE_ACTORS: Record<Language, Readonly<Record<string, string>>> = {
  ru: { system: 'система', telephony: 'телефония', billing: 'биллинг', scheduler: 'планировщик' },
  en: { system: 'system', telephony: 'telephony', billing: 'billing', scheduler: 'scheduler' },
};

/**
 * Who did something, as people read it: a name the service gave (`actorNames`), a service's
 * name (`телефония`), or «пользователь <id>» / "user <id>"; never a bare id.
 */
export const actorLabel = (
  actor: string,
  language: Language,
  actorNames: Readonly<Record<string, string>> = {},
): string =>
  (Object.hasOwn(actorNames, actor) ? actorNames[actor] : undefined) ??
  (Object.hasOwn(SERVICE_ACTORS[language], actor) ? SERVICE_ACTORS[language][actor] : undefined) ??
  `${language === 'ru' ? 'пользователь' : 'user'} ${actor}`;

/** Renders one event in `language`, with instants in `timeZone`. */
export const renderEvent = (
  event: AccountEvent,
  language: Language,
  timeZone: string,
  index = 0,
  actorNames: Readonly<Record<string, string>> = {},
): HistoryLine => {
  const context: RenderContext = { timeZone };
  const render = historyTexts[language][event.type] as (data: unknown, context: RenderContext) => string;
  const pattern = language === 'ru' ? 'dd.MM.yyyy HH:mm' : 'yyyy-MM-dd HH:mm';
  return {
    index,
    type: event.type,
    instant: event.metadata.at,
    at: formatInZone(Date.parse(event.metadata.at), timeZone, pattern),
    actor: actorLabel(event.metadata.actor, language, actorNames),
    text: render(event.data, context),
  };
};

/** A page of the history, rendered. */
export const historyLines = (view: History, options: HistoryOptions = {}): HistoryLine[] => {
  const { language = 'ru', order = 'newest-first', offset = 0, limit = 50, actorNames = {} } = options;
  const lines: HistoryLine[] = [];
  const total = view.entries.length;
  for (let n = offset; n < total && lines.length < limit; n++) {
    const index = order === 'newest-first' ? total - 1 - n : n;
    const event = itemAt(view.entries, index) as AccountEvent;
    lines.push(renderEvent(event, language, view.timeZone, index, actorNames));
  }
  return lines;
};
