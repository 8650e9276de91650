/**
 * jsonb keeps an object's keys in its own order (shorter keys first, then by their UTF-8 bytes),
 * not in the order they were written, and reads give them back in that order. An append hands
 * back its events with their keys in that order too, so an event is the same value, key order
 * included, whether it comes from the append or from a later read.
 * @module
 */

const utf8 = new TextEncoder();
const isAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
};

/** jsonb's order of two keys. */
const compareKeys = (a: string, b: string): number => {
  // ASCII keys (nearly all): UTF-16 length and code units are the UTF-8 length and bytes.
  if (isAscii(a) && isAscii(b)) {
    return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  }
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
};

const isOrdered = (keys: readonly string[]): boolean => {
  for (let i = 1; i < keys.length; i++) if (compareKeys(keys[i - 1]!, keys[i]!) > 0) return false;
  return true;
};

/** A deep-frozen copy of plain JSON data (as `jsonCopy` makes it) with every object's keys in jsonb's order. */
export const inJsonbOrder = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items = value.map(inJsonbOrder);
    return Object.freeze(items);
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  const ordered = isOrdered(keys) ? keys : [...keys].sort(compareKeys);
  const out: Record<string, unknown> = {};
  for (const key of ordered) {
    const kept = inJsonbOrder(source[key]);
    // A data property even for `__proto__`, as JSON.parse makes it.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: kept, enumerable: true, writable: true, configurable: true });
    else out[key] = kept;
  }
  return Object.freeze(out);
};
