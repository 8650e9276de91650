/**
 * The shape of a history renderer: one function per event type, exhaustive by construction
 * (a new event type does not compile until both languages render it), and helpers they share.
 * @module
 */
import type { AccountEventData, AccountEventType } from '../account/events.js';
import { formatInZone } from './calendar.js';

/** What a renderer knows besides the event's data. */
export interface RenderContext {
  /** The account's IANA time zone: instants in the data are shown in it. */
  readonly timeZone: string;
}

/** One sentence per event type. */
export type HistoryTexts = {
  readonly [K in AccountEventType]: (data: AccountEventData<K>, context: RenderContext) => string;
};

/** An instant in the data, as `dd.MM.yyyy HH:mm` in the account's zone. */
export const instantRu = (iso: string, context: RenderContext): string =>
  formatInZone(Date.parse(iso), context.timeZone, 'dd.MM.yyyy HH:mm');

/** An instant in the data, as `yyyy-MM-dd HH:mm` in the account's zone. */
export const instantEn = (iso: string, context: RenderContext): string =>
  formatInZone(Date.parse(iso), context.timeZone, 'yyyy-MM-dd HH:mm');

/** A date in the data, as `dd.MM.yyyy` in the account's zone. */
export const dateRu = (iso: string, context: RenderContext): string =>
  formatInZone(Date.parse(iso), context.timeZone, 'dd.MM.yyyy');

/** A date in the data, as `yyyy-MM-dd` in the account's zone. */
export const dateEn = (iso: string, context: RenderContext): string =>
  formatInZone(Date.parse(iso), context.timeZone, 'yyyy-MM-dd');
