/**
 * Notification settings: the part of the state they own. (Per-client call history lives in
 * `calls`.)
 * @module
 */
import type { Scenario, SuppressibleScenario } from './scenario.js';

/** One scenario's settings. */
export interface ScenarioSettings {
  sms: boolean;
  telegram: boolean;
  text: string;
  /** SMS one message of `text` takes. */
  segments: number;
  /** Telegram price per month in effect when it was turned on. */
  telegramMonthlyFee: number;
}

/**
 * Sending hours in the account's time zone: notices go out from `from` until `to` and are held
 * from `to` until the next `from`. `from` later than `to` spans midnight.
 */
export interface SendingHours {
  /** Start of allowed sending, `HH:mm` (inclusive). */
  from: string;
  /** End of allowed sending, `HH:mm` (exclusive). */
  to: string;
}

/** @deprecated The 0.1.0 name of {@link SendingHours}: the window is when sending is allowed. */
export type QuietHours = SendingHours;

/** Notification settings of the account. */
export interface NotificationsSlice {
  scenarios: Record<Scenario, ScenarioSettings>;
  /** Visit-card periods in months (1–12, default 1). */
  visitCardMonths: { incoming: number; outgoing: number };
  /**
   * Per scenario, at most one missed-call / unreached notice per client within this many minutes
   * (0–1 440, default 60).
   */
  suppressionMinutes: Record<SuppressibleScenario, number>;
  /** When notices may be sent; `null`: at any time. */
  sendingHours: SendingHours | null;
}

const off = (): ScenarioSettings => ({
  sms: false,
  telegram: false,
  text: '',
  segments: 0,
  telegramMonthlyFee: 0,
});

/** Everything off, visit-card periods 1 month, suppression windows 60 minutes, sending at any time. */
export const initialNotificationsSlice = (): NotificationsSlice => ({
  scenarios: {
    'incoming-missed-call': off(),
    'incoming-visit-card': off(),
    'outgoing-unreached': off(),
    'outgoing-visit-card': off(),
  },
  visitCardMonths: { incoming: 1, outgoing: 1 },
  suppressionMinutes: { 'incoming-missed-call': 60, 'outgoing-unreached': 60 },
  sendingHours: null,
});
