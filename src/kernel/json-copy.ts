/**
 * A copy of a value as a JSON round trip (`JSON.parse(JSON.stringify(value))`) would give it,
 * built in one pass without the text in between: what a database keeps of what it is given, at a
 * fifth of the cost, so that the in-memory store accepts exactly what the PostgreSQL one does.
 * `toJSON` is honoured, boxed primitives unwrapped, `undefined`, functions and symbols dropped
 * from objects (`null` in arrays), non-finite numbers and -0 become `null` and `0`, and a BigInt
 * or a cycle is refused with the `TypeError` `JSON.stringify` throws.
 * @module
 */

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** Objects made by V8 for a constructor keep as many fields inside them as the first few had. */
const TRAINING_RUNS = 8;

/**
 * Most fields V8 keeps inside an object made by a constructor without a body (ten); an object
 * with more keeps the rest in a separate array.
 */
const MOST_INSIDE = 10;

/** A constructor of plain objects with room inside for exactly `n` fields. */
const sizedConstructor = (n: number): (new () => Record<string, Json>) => {
  function Fields(): void {}
  // Plain objects: `Object` is their prototype and constructor, as for `{}` and `JSON.parse`.
  Fields.prototype = Object.prototype;
  const make = Fields as unknown as new () => Record<string, Json>;
  for (let run = 0; run < TRAINING_RUNS; run++) {
    const trained = new make();
    for (let i = 0; i < n; i++) trained[`f${i}`] = null;
  }
  return make;
};

const sized = Array.from({ length: MOST_INSIDE + 1 }, (_, n) => (n === 0 ? undefined : sizedConstructor(n)));

/**
 * An empty plain object for `n` fields. `{}` keeps four fields inside the object and the rest in
 * a separate array, one more memory access for every later read of them (what a fold of stored
 * events does most); `JSON.parse` makes objects with every field inside, and so do these, for
 * up to {@link MOST_INSIDE} fields: V8 sizes the objects of a constructor by the fields the first
 * ones it made had, which {@link sizedConstructor} sets.
 */
const fieldsFor = (n: number): Record<string, Json> => {
  const make = sized[n];
  return make === undefined ? {} : new make();
};

/** Copies `input` found under `key`; `ancestors` are the objects being copied around it. */
const copyOf = (input: unknown, key: string, freeze: boolean, ancestors: object[]): Json | undefined => {
  let value = input;
  const kind = typeof value;
  if ((kind === 'object' && value !== null) || kind === 'function' || kind === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, key);
  }
  if (value instanceof Number) value = Number(value);
  else if (value instanceof String) value = String(value);
  else if (value instanceof Boolean || value instanceof BigInt) value = value.valueOf();
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value + 0 : null; // + 0 turns -0 into 0
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (ancestors.includes(value)) throw new TypeError('Converting circular structure to JSON');
  ancestors.push(value);
  let out: Json;
  if (Array.isArray(value)) {
    const items: Json[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) items[i] = copyOf(value[i], String(i), freeze, ancestors) ?? null;
    out = items;
  } else {
    const source = value as Record<string, unknown>;
    const names = Object.keys(source);
    const fields = fieldsFor(names.length);
    for (const name of names) {
      const kept = copyOf(source[name], name, freeze, ancestors);
      if (kept === undefined) continue;
      // A data property even for `__proto__`, as JSON.parse makes it (no prototype is set).
      if (name === '__proto__')
        Object.defineProperty(fields, name, {
          value: kept,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else fields[name] = kept;
    }
    out = fields;
  }
  ancestors.pop();
  return freeze ? Object.freeze(out) : out;
};

/** Copies `value`; with `freeze`, every object and array of the copy is frozen. */
export const jsonCopy = (value: unknown, freeze: boolean): unknown => copyOf(value, '', freeze, []);
