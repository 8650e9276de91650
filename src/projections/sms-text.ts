/**
 * The counter under a notification text in the PBX's dialog: «65 символов (1 SMS-сообщение)»
 * and «65 / 210».
 * @module
 */
import { MAX_NOTIFICATION_TEXT } from '../notifications/configure.js';
import { countSmsSegments, type SmsSegments } from '../sms/segments.js';
import { countRu, type RussianForms } from './plural.js';

const CHARACTER_FORMS: RussianForms = ['символ', 'символа', 'символов'];
const SMS_FORMS: RussianForms = ['SMS-сообщение', 'SMS-сообщения', 'SMS-сообщений'];

/** What the dialog shows under a text, with the counts behind it. */
export interface SmsTextCounter extends SmsSegments {
  /** «65 символов (1 SMS-сообщение)». */
  readonly counter: string;
  /** «65 / 210». */
  readonly limit: string;
  /** Whether the text fits the 210-character limit. */
  readonly fits: boolean;
}

/** Counts a text as the dialog does (characters are code points; segments by GSM 03.38 / UCS-2). */
export const describeSmsText = (text: string): SmsTextCounter => {
  const counted = countSmsSegments(text);
  return {
    ...counted,
    counter: `${countRu(counted.characters, CHARACTER_FORMS)} (${countRu(counted.segments, SMS_FORMS)})`,
    limit: `${counted.characters} / ${MAX_NOTIFICATION_TEXT}`,
    fits: counted.characters <= MAX_NOTIFICATION_TEXT,
  };
};
