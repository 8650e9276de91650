/**
 * Hostile values and mutations of valid messages: wrong types, missing and extra fields, huge
 * and non-finite numbers, negative sizes, prototype keys (`__proto__`, `constructor`,
 * `prototype`) as own properties the way `JSON.parse` makes them, deep nesting, arrays where
 * objects are expected.
 */
import fc from 'fast-check';

/** Keys that name prototypes or built-in methods. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

/** An object nested `depth` levels deep under `key` (built without recursion). */
export const nested = (depth: number, key = 'a', leaf: unknown = {}): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
};

/** An array nested `depth` levels deep. */
export const nestedArray = (depth: number): unknown => {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

/** `JSON.parse` of an object literal whose keys include `__proto__` and friends (own properties). */
export const parsedWithPrototypeKeys = (extra: Record<string, unknown> = {}): unknown => {
  const rest = JSON.stringify(extra).slice(1, -1);
  return JSON.parse(
    `{"__proto__": {"polluted": true, "isAdmin": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": {"polluted": true}${rest === '' ? '' : `, ${rest}`}}`,
  );
};

/** Scalars and small structures of every wrong kind. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    -1,
    -4096,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER - 2,
    2 ** 31,
    2 ** 64,
    '',
    ' ',
    '\u0000',
    '\u202e',
    'NaN',
    '-1',
    '1e309',
    'null',
    '__proto__',
    'constructor',
    '+7 (999) 999-99-99',
    '2025-02-30T10:00:00Z',
    '9999-12-31T23:59:59+14:00',
    [],
    {},
    [[]],
    [{}],
    { a: {} },
  ),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 4 }),
  fc.constant(0).map(() => parsedWithPrototypeKeys()),
  fc.integer({ min: 1, max: 300 }).map((depth) => nested(depth)),
  fc.integer({ min: 1, max: 300 }).map((depth) => nestedArray(depth)),
  // Values JSON cannot carry: a decoder may still be handed them by a caller.
  fc.constantFrom<unknown>(
    10n,
    Symbol('s'),
    () => 1,
    new Date(0),
    new Map([['a', 1]]),
    new Set([1]),
    new Uint8Array(4),
    Object.create(null),
    Object.freeze({ frozen: true }),
    // A sparse array (a hole at index 1).
    Object.assign(new Array(3), { 0: 1, 2: 3 }),
  ),
);

/** Arrays and objects with the plain prototype (or none): what mutations walk into. */
const isPlain = (value: unknown): value is object => {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** A path into a value: keys and indexes. */
type Path = ReadonlyArray<string | number>;

/** Every path into `value` (the root included), at most `limit` of them. */
const pathsOf = (value: unknown, limit = 200): Path[] => {
  const paths: Path[] = [[]];
  const queue: Array<[unknown, Path]> = [[value, []]];
  while (queue.length > 0 && paths.length < limit) {
    const [node, path] = queue.shift() as [unknown, Path];
    if (!isPlain(node)) continue;
    for (const key of Object.keys(node)) {
      const index = Number(key);
      const inner = [
        ...path,
        Array.isArray(node) && Number.isInteger(index) && String(index) === key ? index : key,
      ];
      paths.push(inner);
      queue.push([(node as Record<string, unknown>)[key], inner]);
    }
  }
  return paths;
};

/** Sets an own property, also `__proto__` (a plain assignment would change the prototype instead). */
const defineOwn = (target: object, key: string | number, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

/** One way of spoiling a value at a path. */
export type Mutation =
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly op: 'add-key'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'wrap-array'; readonly at: number }
  | { readonly op: 'to-string'; readonly at: number }
  | { readonly op: 'negate'; readonly at: number };

/** Mutations (paths are picked by index among the value's paths). */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({
    op: fc.constant('add-key' as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'extra', '', 'polluted'), fc.string({ maxLength: 8 })),
    value: hostileValue,
  }),
  fc.record({ op: fc.constant('wrap-array' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('to-string' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('negate' as const), at: fc.nat() }),
);

/** A fresh copy of plain objects and arrays (generated values are shared, and get frozen). */
const copy = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    // No `map`: an array with an own `constructor` key breaks species-aware methods.
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(copy(value[i]));
    for (const key of Object.keys(value))
      if (!/^\d+$/.test(key)) defineOwn(out, key, copy(value[key as never]));
    return out;
  }
  if (typeof value !== 'object' || value === null) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = proto === null ? Object.create(null) : {};
  for (const key of Object.keys(value)) defineOwn(out, key, copy((value as Record<string, unknown>)[key]));
  return out;
};

/** Removes element `index` without `splice` (which honours `constructor[Symbol.species]`). */
const removeAt = (array: unknown[], index: number): void => {
  for (let i = index; i + 1 < array.length; i++) array[i] = array[i + 1];
  if (index < array.length) array.length--;
};

/** The value as a string, the way a careless client might send it. */
const textOf = (value: unknown): string => {
  try {
    return typeof value === 'object' ? (JSON.stringify(value) ?? 'undefined') : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
};

/** A copy of `value` with `mutations` applied in turn. */
export const mutate = (value: unknown, mutations: readonly Mutation[]): unknown => {
  let root = copy(value);
  for (const m of mutations) {
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length] as Path;
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    let parent: unknown = root;
    // Own properties only: walking into an inherited `constructor.prototype` would spoil a built-in.
    for (const step of parentPath) {
      if (!isPlain(parent) || !Object.hasOwn(parent, step)) {
        parent = undefined;
        break;
      }
      parent = (parent as Record<string | number, unknown>)[step];
    }
    // A path through a value an earlier mutation replaced: nothing to spoil there.
    if (key !== undefined && !isPlain(parent)) continue;
    const holder = parent as Record<string | number, unknown>;
    if (key !== undefined && m.op !== 'add-key' && !Object.hasOwn(holder, key)) continue;
    const current = key === undefined ? root : Object.hasOwn(holder, key) ? holder[key] : undefined;
    const set = (next: unknown) => {
      if (key === undefined) root = next;
      else defineOwn(holder, key, next);
    };
    switch (m.op) {
      case 'delete':
        if (key === undefined) root = undefined;
        else if (Array.isArray(holder)) removeAt(holder, Number(key));
        else delete holder[key];
        break;
      case 'replace':
        set(copy(m.value));
        break;
      case 'add-key':
        if (isPlain(current) && Object.isExtensible(current)) {
          try {
            defineOwn(current, m.key, copy(m.value));
          } catch {
            // A typed array or the like refuses the key: the mutation is a no-op.
          }
        } else set({ [m.key]: copy(m.value) });
        break;
      case 'wrap-array':
        set([current]);
        break;
      case 'to-string':
        set(textOf(current));
        break;
      case 'negate':
        set(typeof current === 'number' ? -current - 1 : current);
        break;
    }
  }
  return root;
};

/** Mutations of a valid message: one to three, sometimes sent through JSON text (as a wire would). */
export const mutated = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc
    .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([value, mutations, viaJson]) => {
      const spoiled = mutate(value, mutations);
      if (!viaJson) return spoiled;
      try {
        const text = JSON.stringify(spoiled);
        return text === undefined ? spoiled : JSON.parse(text);
      } catch {
        return spoiled;
      }
    });

/** Arbitrary JSON-like garbage, objects with prototype keys included. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
  fc.jsonValue({ maxDepth: 4 }),
  fc
    .dictionary(fc.constantFrom('type', 'data', 'metadata', ...PROTOTYPE_KEYS), hostileValue, { maxKeys: 5 })
    .map((d) => JSON.parse(JSON.stringify(d, (_k, v) => (typeof v === 'bigint' ? 0 : v)) ?? 'null')),
  hostileValue,
);
