/**
 * Times of day `HH:mm` as minutes since midnight.
 * @module
 */
import { ClockTime } from './events.js';

const digit = (time: string, index: number): number => time.charCodeAt(index) - 48;

/** Minutes since midnight of `HH:mm` (00:00–23:59), or `undefined` if it is not a time of day. */
export const minutesOfDay = (time: string): number | undefined =>
  ClockTime.is(time)
    ? (digit(time, 0) * 10 + digit(time, 1)) * 60 + digit(time, 3) * 10 + digit(time, 4)
    : undefined;
