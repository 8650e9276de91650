/**
 * The counter under a notification text in the notifications dialog: «65 символов
 * (1 SMS-сообщение)» and «65 / 210».
 * @module
 */
import { formatCountRu, pluralRu, type RussianForms } from '../texts/plural-ru.js';
import { countSmsSegments, type SmsSegments } from './segments.js';
import { MAX_NOTIFICATION_TEXT } from './text-limit.js';

const CHARACTER_FORMS: RussianForms = ['символ', 'символа', 'символов'];
const SMS_FORMS: RussianForms = ['SMS-сообщение', 'SMS-сообщения', 'SMS-сообщений'];

const countRu = (count: number, forms: RussianForms): string =>
  `${formatCountRu(count)} ${pluralRu(count, forms)}`;

/** What the dialog shows under a text, with the counts behind it. */
export interface SmsTextCounter extends SmsSegments {
  /** «65 символов (1 SMS-сообщение)»; thousands grouped with a no-break space. */
  readonly counter: string;
  /** «65 / 210». */
  readonly limit: string;
  /** Whether the text is within {@link MAX_NOTIFICATION_TEXT} characters. */
  readonly fits: boolean;
}

/**
 * Counts a text as the dialog does: characters are code points, SMS are segments by GSM 03.38
 * or UCS-2. Cheap enough to run on every keystroke.
 */
export const describeSmsText = (text: string): SmsTextCounter => {
  const counted = countSmsSegments(text);
  return {
    encoding: counted.encoding,
    segments: counted.segments,
    characters: counted.characters,
    counter: `${countRu(counted.characters, CHARACTER_FORMS)} (${countRu(counted.segments, SMS_FORMS)})`,
    limit: `${counted.characters} / ${MAX_NOTIFICATION_TEXT}`,
    fits: counted.characters <= MAX_NOTIFICATION_TEXT,
  };
};
