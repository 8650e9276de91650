/**
 * Short renderings of untrusted values and keys for error messages: an excerpt is bounded
 * (about 80 characters) whatever came, reads no getter, and holds no character a log or a
 * database would refuse, so an error can be logged, stored and sent back as it is.
 * @module
 */
import { isStorableText } from './limits.js';

const MAX_EXCERPT = 80;
const HEAD = 40;
const ITEMS = 4;

const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** The first `n` code units of `s`, never ending inside a surrogate pair. */
const head = (s: string, n: number): string => {
  const end = Math.min(n, s.length);
  const last = s.charCodeAt(end - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
};

const cap = (text: string): string => (text.length > MAX_EXCERPT ? `${head(text, MAX_EXCERPT - 1)}…` : text);

/** Code points of `s`, as the limits count characters. */
const codePoints = (s: string): number => {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
};

const quoted = (s: string): string =>
  s.length <= HEAD
    ? JSON.stringify(s)
    : `${JSON.stringify(head(s, HEAD)).slice(0, -1)}…" (${grouped(codePoints(s))} characters)`;

// Own data properties only: a getter is never called, a proxy that throws is "an object".
const ownValue = (value: object, key: string): unknown => {
  const descriptor = Object.getOwnPropertyDescriptor(value, key);
  return descriptor === undefined ? undefined : 'value' in descriptor ? descriptor.value : '(a getter)';
};

const render = (value: unknown, depth: number): string => {
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
  }
  if (value === null) return 'null';
  const object = value as object;
  if (Array.isArray(object)) {
    if (depth > 1) return `array(${grouped(object.length)} items)`;
    const items: string[] = [];
    for (let i = 0; i < Math.min(ITEMS, object.length); i++)
      items.push(render(ownValue(object, String(i)), depth + 1));
    if (object.length > ITEMS) items.push(`… ${grouped(object.length - ITEMS)} more`);
    return `[${items.join(',')}]`;
  }
  const proto = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) return Object.prototype.toString.call(object);
  const keys = Object.keys(object);
  if (depth > 1) return `object(${grouped(keys.length)} fields)`;
  const fields: string[] = [];
  for (const key of keys.slice(0, ITEMS))
    fields.push(`${quoted(key)}:${render(ownValue(object, key), depth + 1)}`);
  if (keys.length > ITEMS) fields.push(`… ${grouped(keys.length - ITEMS)} more`);
  return `{${fields.join(',')}}`;
};

/**
 * A bounded rendering of a value: JSON-like for short data (`"abc"`, `13`, `{"a":1}`), a head and
 * a size for long data (`"яяя…" (20 971 520 characters)`, `[1,2,3,4,… 9 996 more]`).
 */
export const excerpt = (value: unknown): string => {
  try {
    return cap(render(value, 0));
  } catch {
    return 'an unreadable value';
  }
};

/**
 * What an issue keeps of the value that came: a number, boolean, `null`, `undefined` or a short
 * string as it is; anything else as its {@link excerpt}. Never the value itself when it is large.
 */
export const actualOf = (value: unknown): unknown => {
  switch (typeof value) {
    case 'number':
    case 'boolean':
    case 'undefined':
      return value;
    case 'string':
      return value.length <= HEAD && isStorableText(value) ? value : excerpt(value);
    default:
      return value === null ? null : excerpt(value);
  }
};

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `path.key` for a plain field name, `path["key"]` (an excerpt) for any other, e.g. `data[""]`. */
export const keyPath = (path: string, key: string): string => {
  if (key.length <= HEAD && PLAIN_KEY.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${quoted(key)}]`;
};
