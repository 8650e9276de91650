/**
 * `ConfigureNotification`: a scenario's channels and text. The text is at most 210 characters
 * (Unicode code points); its SMS count is carried in the event so spending needs no recount.
 * @module
 */
import { left } from 'fp-ts/lib/Either.js';
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import { countSmsSegments } from '../sms/segments.js';
import { MAX_NOTIFICATION_TEXT } from '../sms/text-limit.js';
import { subscriptionLapsed } from '../tariff/guards.js';

/**
 * Refusals: `SmsTextTooLong` (over 210 characters), `NotificationTextEmpty` (a channel on with
 * an empty or blank text), `SubscriptionLapsed` (turning Telegram on while not paid). Saving
 * the same settings again appends nothing.
 */
export const decideConfigureNotification: DecideFn<'ConfigureNotification'> = (command, state, context) => {
  const { scenario, sms, telegram, text } = command.data;
  const count = countSmsSegments(text);
  if (count.characters > MAX_NOTIFICATION_TEXT) {
    return reject(
      'SmsTextTooLong',
      `the text has ${count.characters} characters, at most ${MAX_NOTIFICATION_TEXT} are allowed`,
      { field: 'data.text', characters: count.characters, max: MAX_NOTIFICATION_TEXT },
    );
  }
  if ((sms || telegram) && text.trim().length === 0) {
    return reject('NotificationTextEmpty', `a channel of ${scenario} is on but its text is empty`, {
      field: 'data.text',
      scenario,
    });
  }
  const current = state.notifications.scenarios[scenario];
  if (current.sms === sms && current.telegram === telegram && current.text === text) return accept();
  if (telegram && !current.telegram) {
    const lapsed = subscriptionLapsed(state, context);
    if (lapsed !== undefined) return left(lapsed);
  }
  // The Telegram fee started when it was turned on: a later edit keeps that price.
  const telegramMonthlyFee = !telegram
    ? 0
    : current.telegram
      ? current.telegramMonthlyFee
      : context.catalogue.telegram.monthlyFee;
  return accept(
    eventOf(
      'NotificationConfigured',
      {
        scenario,
        sms,
        telegram,
        text,
        characters: count.characters,
        segments: count.segments,
        encoding: count.encoding,
        telegramMonthlyFee,
      },
      context,
    ),
  );
};
