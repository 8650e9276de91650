/**
 * Upcasters of account events whose schema changed. `schemaVersion` is the current version;
 * `upcasters[v]` turns version `v` data into `v + 1`. Add an entry when an event changes shape,
 * never edit old events. Version 1 is the shape of 0.1.0.
 * @module
 */
import type { Upcaster } from '../kernel/registry.js';
import { quietHoursSetUpcasting } from '../notifications/upcasters.js';

/**
 * Gives a payload that is an object the fields its older shape lacked; a field already there is
 * kept, so a payload stamped with too old a version (a store that knows no versions writes 1)
 * loses nothing. Anything else is left for the codec to refuse.
 */
const withFields =
  (fields: Readonly<Record<string, unknown>>): Upcaster =>
  (data) =>
    typeof data === 'object' && data !== null && !Array.isArray(data) ? { ...fields, ...data } : data;

/** Schema versions and upcasters, by event type (types not listed are at version 1). */
export const eventUpcasters: Readonly<
  Record<string, { readonly schemaVersion: number; readonly upcasters: Readonly<Record<number, Upcaster>> }>
> = {
  /** 2: `restarted` (a payment after a lapse starts a new period); 0.1.0 always continued the anchored periods. */
  SubscriptionRenewed: { schemaVersion: 2, upcasters: { 1: withFields({ restarted: false }) } },
  /** 2: the scenario whose window was set; 0.1.0 had one window for both (`null`). */
  NotificationSuppressionSet: { schemaVersion: 2, upcasters: { 1: withFields({ scenario: null }) } },
  /** 2: the call's own times, unknown in 0.1.0 (the call counts as made when reported). */
  CallRegistered: { schemaVersion: 2, upcasters: { 1: withFields({ startedAt: null, endedAt: null }) } },
  /** 2: when the window opened (0.1.0: the event's instant) and the МКН it was opened through (unknown). */
  SmartCallbackWindowOpened: {
    schemaVersion: 2,
    upcasters: { 1: withFields({ openedAt: null, multichannelNumber: null }) },
  },
  /** 2: the window when notices may be sent is `sendingHours` (0.1.0: `quietHours`). */
  QuietHoursSet: quietHoursSetUpcasting,
};
