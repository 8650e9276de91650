/**
 * `--period`: a calendar date (`2025-05-06`, read in the account's time zone) or an instant with
 * an offset. Both must exist on the calendar and the clock: 30 February, month 13, 24:00 or a
 * 61st second are refused, not rolled over into another day. An instant is checked by the same
 * codec that checks every instant of a command.
 * @module
 */
import { Instant } from '../kernel/codecs.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The shape of an instant, whatever its figures: told apart from text that is no instant at all. */
const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const realDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** Why `text` is not a usable `--period`, or `undefined` when it is one. */
export const periodProblem = (text: string): string | undefined => {
  const expects = 'expected a date (2025-05-06) or an instant with an offset (2025-05-06T10:00:00+03:00)';
  const date = DATE.exec(text);
  if (date !== null) {
    const [, y, m, d] = date.map(Number) as [number, number, number, number];
    return realDate(y, m, d) ? undefined : `--period: ${text} is not a date on the calendar; ${expects}`;
  }
  if (!INSTANT_SHAPE.test(text)) return `--period: ${expects}, got ${text}`;
  return Instant.is(text) ? undefined : `--period: ${text} is not a real instant; ${expects}`;
};
