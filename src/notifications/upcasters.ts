/**
 * How stored notification events of older schema versions are read today.
 * @module
 */
import type { Upcaster } from '../kernel/registry.js';

/**
 * Renames a field of a payload, keeping the others in their order. A payload without the old
 * field (already current, or malformed) is left for the codec to judge.
 */
const renameField =
  (from: string, to: string): Upcaster =>
  (data) => {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
    if (!Object.hasOwn(data, from) || Object.hasOwn(data, to)) return data;
    const renamed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) renamed[key === from ? to : key] = value;
    return renamed;
  };

/**
 * `QuietHoursSet`, version 2: the window is `sendingHours`. Version 1 (0.1.0) called the same
 * window — when notices may be sent — `quietHours`; the value is unchanged.
 */
export const quietHoursSetUpcasting = {
  schemaVersion: 2,
  upcasters: { 1: renameField('quietHours', 'sendingHours') },
} as const;
