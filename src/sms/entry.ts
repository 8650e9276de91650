/**
 * `pbx-options/sms`: SMS segment counting and the notification dialog's counter, on their own.
 * Nothing here depends on phone numbers, dates or io-ts, so a web form that counts SMS as the
 * customer types loads a few kilobytes, not the library.
 * @packageDocumentation
 */
export { describeSmsText, type SmsTextCounter } from './dialog-text.js';
export { countCodePoints, countSmsSegments, type SmsSegments } from './segments.js';
export { MAX_NOTIFICATION_TEXT } from './text-limit.js';
