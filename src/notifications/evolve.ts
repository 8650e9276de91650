/**
 * Evolutions of customer notifications. A sent notice spends its SMS from the balance and, for
 * the missed-call and unreached scenarios, starts the client's suppression window at the call's
 * instant.
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import { clientRecordFor, latest } from '../calls/client-record.js';
import { eventInstantMs } from '../kernel/event-instant.js';
import type { notificationsEvents } from './events.js';

type Owned = keyof typeof notificationsEvents;

/** Evolutions of this capability, by event type. */
export const notificationsEvolutions: Evolutions<Owned> = {
  NotificationConfigured: (draft, { data }) => {
    draft.notifications.scenarios[data.scenario] = {
      sms: data.sms,
      telegram: data.telegram,
      text: data.text,
      segments: data.segments,
      telegramMonthlyFee: data.telegramMonthlyFee,
    };
  },
  VisitCardPeriodSet: (draft, { data }) => {
    draft.notifications.visitCardMonths[data.direction] = data.months;
  },
  NotificationSuppressionSet: (draft, { data }) => {
    const windows = draft.notifications.suppressionMinutes;
    if (data.scenario !== 'outgoing-unreached') windows['incoming-missed-call'] = data.minutes;
    if (data.scenario !== 'incoming-missed-call') windows['outgoing-unreached'] = data.minutes;
  },
  QuietHoursSet: (draft, { data }) => {
    const hours = data.sendingHours;
    draft.notifications.sendingHours = hours === null ? null : { from: hours.from, to: hours.to };
  },
  NotificationSent: (draft, { data, metadata }) => {
    if (data.smsSpent > 0) draft.sms.balance -= data.smsSpent;
    if (data.scenario === 'incoming-missed-call') {
      const record = clientRecordFor(draft.calls.clients, data.recipient);
      record.lastMissedNoticeMs = latest(record.lastMissedNoticeMs, eventInstantMs(metadata.at));
    } else if (data.scenario === 'outgoing-unreached') {
      const record = clientRecordFor(draft.calls.clients, data.recipient);
      record.lastUnreachedNoticeMs = latest(record.lastUnreachedNoticeMs, eventInstantMs(metadata.at));
    }
  },
  // A skipped notice changes nothing: it is on record for the history and the outbox only.
  NotificationSkipped: () => undefined,
};
