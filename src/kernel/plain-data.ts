/**
 * Untrusted input becomes plain data before any codec sees it: a fresh copy made of plain
 * objects, arrays, finite numbers, booleans, `null` and storable strings, read exactly once.
 * Whatever could turn into a prototype (`__proto__`, `constructor`, `prototype` as own keys),
 * a class instance, a function, a getter or proxy that throws, a key or text no store keeps,
 * or nesting too deep is refused with an issue naming its path; the codecs then decode a value
 * that shares nothing with the caller's and inherits from nothing the caller made.
 * @module
 */
import type { ValidationIssue } from './errors.js';
import { isStorableText, LIMITS } from './limits.js';
import { excerpt, keyPath } from './show.js';

/** What {@link toPlainData} found: the copy, or the issues (the first few, and how many in all). */
export type PlainData =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[]; readonly total: number };

/** How a prototype key is reported: like any field no codec declares. */
const NO_SUCH_FIELD = 'no such field';
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const isForbiddenKey = (key: string): boolean =>
  key === '__proto__' || key === 'constructor' || key === 'prototype';

/** One copy in progress. Paths are built only for issues: the walk keeps a stack of keys. */
class Walk {
  readonly issues: ValidationIssue[] = [];
  total = 0;
  /** Keys (strings) and indexes (numbers) from the root to the value being read. */
  readonly keys: Array<string | number> = [];
  constructor(
    readonly root: string,
    /** A root key whose value is left as it is (a payload another step copies). */
    readonly passRootKey: string | undefined,
  ) {}

  path(extra?: string): string {
    let path = this.root;
    for (const key of this.keys) path = typeof key === 'number' ? `${path}[${key}]` : keyPath(path, key);
    if (extra !== undefined) path = keyPath(path, extra);
    return path === '' ? '(root)' : path;
  }

  refuse(expected: string, got: string, extra?: string): void {
    this.total++;
    if (this.issues.length >= LIMITS.issues) return;
    const path = this.path(extra);
    const message =
      expected === NO_SUCH_FIELD
        ? `${path}: ${expected}, got ${got}`
        : `${path}: expected ${expected}, got ${got}`;
    this.issues.push({ path, expected, actual: got, message });
  }

  value(value: unknown, depth: number): unknown {
    switch (typeof value) {
      case 'string':
        if (!isStorableText(value)) this.refuse('a text without NUL or unpaired surrogates', excerpt(value));
        return value;
      case 'number':
        if (!Number.isFinite(value)) this.refuse('a finite number', String(value));
        // JSON has one zero: -0 would come back from a store as 0.
        return value === 0 ? 0 : value;
      case 'boolean':
      case 'undefined':
        return value;
      case 'object':
        if (value === null) return null;
        if (depth >= LIMITS.depth) {
          this.refuse(`data nested at most ${LIMITS.depth} levels deep`, 'deeper nesting');
          return undefined;
        }
        return Array.isArray(value) ? this.array(value, depth) : this.object(value, depth);
      default:
        this.refuse('plain data (JSON)', excerpt(value));
        return undefined;
    }
  }

  array(value: readonly unknown[], depth: number): unknown[] {
    for (const key of FORBIDDEN_KEYS)
      if (Object.hasOwn(value, key)) this.refuse(NO_SUCH_FIELD, 'an own key', key);
    const length = value.length;
    if (length > LIMITS.itemsPerArray) {
      this.refuse(`an array of at most ${LIMITS.itemsPerArray} items`, `${length} items`);
      return [];
    }
    const out: unknown[] = [];
    const keys = this.keys;
    for (let i = 0; i < length; i++) {
      keys.push(i);
      out.push(this.value(value[i], depth + 1));
      keys.pop();
    }
    return out;
  }

  object(value: object, depth: number): unknown {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      this.refuse('a plain object', excerpt(value));
      return undefined;
    }
    const names = Object.keys(value);
    if (names.length > LIMITS.fieldsPerObject) {
      this.refuse(`an object of at most ${LIMITS.fieldsPerObject} fields`, `${names.length} fields`);
      return undefined;
    }
    const out: Record<string, unknown> = {};
    const keys = this.keys;
    for (const key of names) {
      if (isForbiddenKey(key)) {
        this.refuse(NO_SUCH_FIELD, excerpt((value as Record<string, unknown>)[key]), key);
        continue;
      }
      if (key.length > LIMITS.key || !isStorableText(key)) {
        this.refuse(`a field name of at most ${LIMITS.key} characters without NUL`, 'another name', key);
        continue;
      }
      keys.push(key);
      const field = (value as Record<string, unknown>)[key];
      if (depth === 0 && key === this.passRootKey) out[key] = field;
      // A field holding `undefined` is absent, as it would be in JSON.
      else if (field !== undefined) out[key] = this.value(field, depth + 1);
      keys.pop();
    }
    return out;
  }
}

/**
 * Copies `input` into plain data, or lists why it is not (paths start at `root`, e.g. `data`;
 * `(root)` when empty). With `passRootKey`, the value of that key of a root object is kept as
 * it is, for a later step to copy (the payload of an envelope). Never throws: a getter or a
 * proxy that throws becomes an issue at the path being read.
 */
export const toPlainData = (input: unknown, root = '', passRootKey?: string): PlainData => {
  const walk = new Walk(root, passRootKey);
  let value: unknown;
  try {
    value = walk.value(input, 0);
  } catch {
    walk.refuse('plain data that can be read', 'a value that throws when read');
  }
  return walk.total === 0 ? { ok: true, value } : { ok: false, issues: walk.issues, total: walk.total };
};
