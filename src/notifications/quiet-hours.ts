/**
 * Quiet hours: notices go out only within the sending hours, from `from` to `to` in the
 * account's time zone; one due outside them is held until the next `from`.
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { minutesOfDay } from './clock-time.js';
import type { SendingHours } from './state.js';

/** When a notice may go out, and whether it was held for the sending hours. */
export interface SendSlot {
  readonly sendAt: string;
  readonly deferred: boolean;
}

/**
 * The slot of a notice due at `at` (`atMs`): at once when it falls within the sending hours (or
 * there are none), else the next instant the account's clock reads `from`. Sending is allowed
 * on `[from, to)`; `from` later than `to` spans midnight (22:00–06:00).
 */
export const sendSlot = (
  at: string,
  atMs: number,
  sendingHours: Readonly<SendingHours> | null,
  timeZone: string,
): SendSlot => {
  if (sendingHours === null) return { sendAt: at, deferred: false };
  const from = minutesOfDay(sendingHours.from);
  const to = minutesOfDay(sendingHours.to);
  if (from === undefined || to === undefined || from === to) return { sendAt: at, deferred: false };
  const local = new TZDate(atMs, timeZone);
  const now = local.getHours() * 60 + local.getMinutes();
  const allowed = from < to ? now >= from && now < to : now >= from || now < to;
  if (allowed) return { sendAt: at, deferred: false };
  const day = now < from ? local.getDate() : local.getDate() + 1;
  const next = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    day,
    Math.floor(from / 60),
    from % 60,
    0,
    0,
    timeZone,
  );
  return { sendAt: next.toISOString(), deferred: true };
};
