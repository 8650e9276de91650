/**
 * What the charts draw: at the end of each day, the storage used, the quota and the SMS
 * balance, read from the inline read models after every command. One sample per day is kept
 * (the day's latest), so the timeline grows by days, not by commands.
 * @module
 */
import { type QuotaUsage, quotaBytes, type SmsBalance } from '../../src/index.js';

/** The state of storage and SMS at the end of a day. */
export interface DaySample {
  readonly usedBytes: number;
  readonly quotaBytes: number;
  readonly smsAvailable: number;
}

/** Day samples by date (`yyyy-MM-dd` in the account's zone). */
export interface Timeline {
  /** Records the views as they are after a command of `day`. */
  record(day: string, views: { readonly quotaUsage: QuotaUsage; readonly smsBalance: SmsBalance }): void;
  /** The sample of `day`, or of the last day before it with one; `undefined` before the first. */
  at(day: string): DaySample | undefined;
}

/** An empty {@link Timeline}. */
export const createTimeline = (): Timeline => {
  const days = new Map<string, DaySample>();
  // Dates as `yyyy-MM-dd` sort as strings; a page asks for ~30 days, so a scan is enough.
  const ordered: string[] = [];
  return {
    record(day, views) {
      if (!days.has(day)) {
        ordered.push(day);
        ordered.sort();
      }
      days.set(day, {
        usedBytes: views.quotaUsage.usedBytes,
        quotaBytes: quotaBytes(views.quotaUsage),
        smsAvailable: views.smsBalance.available,
      });
    },
    at(day) {
      let found: DaySample | undefined;
      for (const d of ordered) {
        if (d > day) break;
        found = days.get(d);
      }
      return found;
    },
  };
};
