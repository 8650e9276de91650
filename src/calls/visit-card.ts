/**
 * Visit card: a call is the first contact in its direction within the period
 * when the previous one was N calendar months or more before it, in the account's time zone.
 * Periods run like subscription periods, end exclusive: calls on 15 January and 15 February at
 * the same time of day are one month apart, so the second is a first contact again.
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { subMonths } from 'date-fns';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Whether a call at `atMs` is the first with the client within `months` calendar months, given
 * the previous contact in that direction (`null`: none). Calendar arithmetic only when the gap
 * is near the period's length: N months last 28·N to 31·N days, ± a daylight-saving hour.
 */
export const isFirstContact = (
  previousMs: number | null,
  atMs: number,
  months: number,
  timeZone: string,
): boolean => {
  if (previousMs === null) return true;
  const gap = atMs - previousMs;
  if (gap < months * 28 * DAY - 2 * HOUR) return false;
  if (gap > months * 31 * DAY + 2 * HOUR) return true;
  const periodStartMs = subMonths(new TZDate(atMs, timeZone), months).getTime();
  return previousMs <= periodStartMs;
};
