/**
 * `isTimeZone` under hostile names: the length is checked before anything else, and only a
 * bounded number of answers is remembered.
 */
import { describe, expect, it } from 'vitest';
import { isTimeZone, timeZoneCacheSize } from '../../src/tariff/time-zone.js';

describe('isTimeZone', () => {
  it('refuses a name over 64 characters without asking the runtime or remembering it', () => {
    const before = timeZoneCacheSize();
    expect(isTimeZone('x'.repeat(10 * 1024 * 1024))).toBe(false);
    expect(isTimeZone(`Europe/Moscow${' '.repeat(52)}`)).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(timeZoneCacheSize()).toBe(before);
  });

  it('remembers at most 256 answers, however many names it is asked about', () => {
    for (let i = 0; i < 2_000; i++) expect(isTimeZone(`Mars/Crater-${i}`)).toBe(false);
    expect(timeZoneCacheSize()).toBeLessThanOrEqual(256);
    // Still right after the oldest answers were forgotten.
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(isTimeZone('Asia/Vladivostok')).toBe(true);
    expect(isTimeZone('Mars/Crater-0')).toBe(false);
  });
});
