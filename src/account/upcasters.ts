/**
 * Upcasters of account events whose schema changed. `schemaVersion` is the current version;
 * `upcasters[v]` turns version `v` data into `v + 1`. Add an entry when an event changes shape,
 * never edit old events.
 * @module
 */
import type { Upcaster } from '../kernel/registry.js';
import { quietHoursSetUpcasting } from '../notifications/upcasters.js';

/** Schema versions and upcasters, by event type (types not listed are at version 1). */
export const eventUpcasters: Readonly<
  Record<string, { readonly schemaVersion: number; readonly upcasters: Readonly<Record<number, Upcaster>> }>
> = {
  QuietHoursSet: quietHoursSetUpcasting,
};
