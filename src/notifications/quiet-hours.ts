/**
 * Quiet hours: notices go out only between `from` and `to` in the account's time zone; one due
 * outside is held until the next `from`.
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { minutesOfDay } from './clock-time.js';
import type { QuietHours } from './state.js';

/** When a notice may go out, and whether quiet hours held it. */
export interface SendSlot {
  readonly sendAt: string;
  readonly deferred: boolean;
}

/**
 * The slot of a notice due at `at` (`atMs`): at once when sending is allowed then (or there are
 * no quiet hours), else the next instant the account's clock reads `from`. Sending is allowed
 * on `[from, to)`; `from` later than `to` spans midnight (22:00–06:00).
 */
export const sendSlot = (
  at: string,
  atMs: number,
  quietHours: Readonly<QuietHours> | null,
  timeZone: string,
): SendSlot => {
  if (quietHours === null) return { sendAt: at, deferred: false };
  const from = minutesOfDay(quietHours.from);
  const to = minutesOfDay(quietHours.to);
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
