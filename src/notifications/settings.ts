/**
 * The account-wide notification settings: visit-card periods, the suppression window of
 * missed-call / unreached notices, the sending hours. The codecs bound each value already; the
 * decisions check again, for typed commands that never went through decoding. Setting the
 * value already in effect appends nothing.
 * @module
 */
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import { minutesOfDay } from './clock-time.js';

const isIntIn = (value: number, min: number, max: number): boolean =>
  Number.isSafeInteger(value) && value >= min && value <= max;

/** `InvalidVisitCardPeriod` unless 1–12 months. */
export const decideSetVisitCardPeriod: DecideFn<'SetVisitCardPeriod'> = (command, state, context) => {
  const { direction, months } = command.data;
  if (!isIntIn(months, 1, 12)) {
    return reject('InvalidVisitCardPeriod', `a visit-card period is 1 to 12 months, got ${months}`, {
      field: 'data.months',
      months,
      min: 1,
      max: 12,
    });
  }
  if (state.notifications.visitCardMonths[direction] === months) return accept();
  return accept(eventOf('VisitCardPeriodSet', { direction, months }, context));
};

/**
 * Sets the window of one scenario, or of both without `scenario`. `InvalidSuppressionWindow`
 * unless 0–1 440 minutes.
 */
export const decideSetNotificationSuppression: DecideFn<'SetNotificationSuppression'> = (
  command,
  state,
  context,
) => {
  const { minutes } = command.data;
  if (!isIntIn(minutes, 0, 1440)) {
    return reject('InvalidSuppressionWindow', `the suppression window is 0 to 1440 minutes, got ${minutes}`, {
      field: 'data.minutes',
      minutes,
      min: 0,
      max: 1440,
    });
  }
  const scenario = command.data.scenario ?? null;
  const windows = state.notifications.suppressionMinutes;
  const unchanged =
    scenario === null
      ? windows['incoming-missed-call'] === minutes && windows['outgoing-unreached'] === minutes
      : windows[scenario] === minutes;
  if (unchanged) return accept();
  return accept(eventOf('NotificationSuppressionSet', { minutes, scenario }, context));
};

/**
 * `InvalidQuietHours` when a bound of the sending hours is not `HH:mm`, or `from` equals `to`
 * (an empty window, or one with no quiet time: ambiguous, so refused).
 */
export const decideSetQuietHours: DecideFn<'SetQuietHours'> = (command, state, context) => {
  const wanted = command.data.sendingHours;
  const current = state.notifications.sendingHours;
  if (wanted === null)
    return current === null ? accept() : accept(eventOf('QuietHoursSet', { sendingHours: null }, context));
  for (const bound of ['from', 'to'] as const) {
    if (minutesOfDay(wanted[bound]) === undefined) {
      return reject(
        'InvalidQuietHours',
        `sendingHours.${bound} is not a time of day HH:mm: ${wanted[bound]}`,
        {
          field: `data.sendingHours.${bound}`,
          from: wanted.from,
          to: wanted.to,
        },
      );
    }
  }
  if (wanted.from === wanted.to) {
    return reject('InvalidQuietHours', `sending hours from ${wanted.from} to ${wanted.to} are empty`, {
      field: 'data.sendingHours.to',
      from: wanted.from,
      to: wanted.to,
    });
  }
  if (current !== null && current.from === wanted.from && current.to === wanted.to) return accept();
  return accept(eventOf('QuietHoursSet', { sendingHours: { from: wanted.from, to: wanted.to } }, context));
};
