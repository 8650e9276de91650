/**
 * The counter under a notification text, «65 символов (1 SMS-сообщение)»: it lives with SMS
 * counting (`pbx-options/sms`) and is listed here among the read models' helpers.
 * @module
 */
export { describeSmsText, type SmsTextCounter } from '../sms/dialog-text.js';
