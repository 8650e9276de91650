/**
 * A codec compiled into a check of values fresh from `JSON.parse` (or a database driver's JSON
 * parser): `true` only when decoding the value — the plain-data copy and the codec — would succeed
 * and give back a value equal to it, so a reader can take the value as it is. It reads each
 * field once, allocates nothing and builds no error; when it says `false` the caller runs the
 * full decode, which finds the error and its path (or, rarely, a value the codec normalises, such
 * as a phone number in another spelling).
 *
 * Only structures whose decoding is known are compiled: io-ts objects, partials, intersections,
 * unions, arrays, refinements, literals and primitives, `strictType` and the kernel's text codecs.
 * A custom codec built with `new t.Type` is trusted to make `is` hold exactly for the values its
 * `validate` returns unchanged; any other codec class is never accepted (always the full decode).
 * @module
 */
import * as t from 'io-ts';
import { isStorableText, LIMITS } from './limits.js';
import { RenamedFieldsType } from './renamed-fields.js';
import { StrictType } from './strict-type.js';
import { TextType } from './text.js';

/** Whether a parsed `value`, nested `depth` levels below the decoded root, decodes to itself. */
export type ExactCheck = (value: unknown, depth: number) => boolean;

const compiled = new WeakMap<object, ExactCheck>();
const never: ExactCheck = () => false;
const hasOwn = Object.prototype.hasOwnProperty;

/** A finite number other than -0 (the plain copy turns -0 into 0). */
const isPlainNumber = (n: number): boolean => Number.isFinite(n) && (n !== 0 || 1 / n > 0);

/** A field name the plain copy keeps: not a prototype key, short, storable. */
export const isPlainKey = (key: string): boolean =>
  key !== '__proto__' &&
  key !== 'constructor' &&
  key !== 'prototype' &&
  key.length <= LIMITS.key &&
  isStorableText(key);

/** An object the plain copy takes as it is (arrays aside). */
export const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u) && Object.getPrototypeOf(u) === Object.prototype;

/** Any value the plain copy would copy unchanged (what `t.unknown` and extra fields must be). */
export const isPlainValue = (u: unknown, depth: number): boolean => {
  switch (typeof u) {
    case 'string':
      return isStorableText(u);
    case 'number':
      return isPlainNumber(u);
    case 'boolean':
      return true;
    case 'object': {
      if (u === null) return true;
      if (depth >= LIMITS.depth) return false;
      if (Array.isArray(u)) {
        if (u.length > LIMITS.itemsPerArray) return false;
        for (let i = 0; i < u.length; i++) if (!isPlainValue(u[i], depth + 1)) return false;
        return true;
      }
      if (Object.getPrototypeOf(u) !== Object.prototype) return false;
      let fields = 0;
      for (const key in u) {
        if (++fields > LIMITS.fieldsPerObject || !isPlainKey(key)) return false;
        if (!isPlainValue((u as Record<string, unknown>)[key], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
};

type Props = Readonly<Record<string, ExactCheck>>;

/**
 * An object with declared fields: each present one passes its check, each absent one would pass
 * as `undefined` (`required` only), and the others are refused (`extras: false`) or must be plain
 * data (`extras: true`, kept as they are by io-ts objects).
 */
const objectCheck = (required: Props, optional: Props, extras: boolean): ExactCheck => {
  // Parallel arrays searched in a line: a payload declares about ten fields.
  const keys = [...Object.keys(required), ...Object.keys(optional).filter((k) => !hasOwn.call(required, k))];
  const checks = keys.map((key) => (hasOwn.call(required, key) ? required[key]! : optional[key]!));
  const requiredCount = Object.keys(required).length;
  return (u, depth) => {
    if (!isPlainObject(u) || depth >= LIMITS.depth) return false;
    let fields = 0;
    let present = 0;
    for (const key in u) {
      if (++fields > LIMITS.fieldsPerObject) return false;
      const value = u[key];
      let at = 0;
      while (at < keys.length && keys[at] !== key) at++;
      if (at < keys.length) {
        if (at < requiredCount) present++;
        if (!checks[at]!(value, depth + 1)) return false;
      } else if (!extras || !isPlainKey(key) || !isPlainValue(value, depth + 1)) return false;
    }
    if (present === requiredCount) return true;
    // A declared field left out is decoded as `undefined`: only a codec that takes it passes.
    for (let i = 0; i < requiredCount; i++)
      if (!hasOwn.call(u, keys[i]!) && !checks[i]!(undefined, depth + 1)) return false;
    return true;
  };
};

const checksOf = (props: t.Props): Record<string, ExactCheck> => {
  const out: Record<string, ExactCheck> = {};
  for (const key of Object.keys(props)) out[key] = exactCheckOf(props[key]!);
  return out;
};

/** Whether `codec` certainly refuses `u` (a cheap look at a tag), so an earlier union member cannot win. */
const certainlyRefuses = (codec: t.Decoder<unknown, unknown>, u: unknown): boolean => {
  if (codec instanceof t.LiteralType) return u !== codec.value;
  if (codec instanceof t.NullType) return u !== null;
  if (codec instanceof t.KeyofType) return typeof u !== 'string' || !hasOwn.call(codec.keys, u);
  if (codec instanceof TextType || codec instanceof t.StringType) return typeof u !== 'string';
  if (codec instanceof t.InterfaceType || codec instanceof StrictType) {
    if (!isPlainObject(u)) return true;
    const props = (codec instanceof StrictType ? codec.required : codec.props) as t.Props;
    for (const key of Object.keys(props)) {
      const prop = props[key]!;
      const tag = prop instanceof t.LiteralType || prop instanceof t.KeyofType;
      if (tag && certainlyRefuses(prop, u[key])) return true;
    }
  }
  return false;
};

/**
 * A union decodes with its first member that succeeds: `u` decodes to itself when a member takes
 * it as it is and no earlier member would decode it (to another value).
 */
const unionCheck = (members: readonly t.Mixed[]): ExactCheck => {
  const checks = members.map(exactCheckOf);
  // Decoding is pure: whether a member takes `null` (the usual last member) is known once.
  const takesNull = members.map(
    (m) => m.validate(null, [{ key: '', type: m, actual: null }])._tag === 'Right',
  );
  const wouldDecode = (i: number, u: unknown): boolean => {
    const member = members[i]!;
    if (u === null) return takesNull[i]!;
    return (
      !certainlyRefuses(member, u) &&
      member.validate(u, [{ key: '', type: member, actual: u }])._tag === 'Right'
    );
  };
  return (u, depth) => {
    for (let j = 0; j < checks.length; j++) {
      if (!checks[j]!(u, depth)) continue;
      for (let i = 0; i < j; i++) if (wouldDecode(i, u)) return false;
      return true;
    }
    return false;
  };
};

const arrayCheck =
  (item: ExactCheck): ExactCheck =>
  (u, depth) => {
    if (!Array.isArray(u) || depth >= LIMITS.depth || u.length > LIMITS.itemsPerArray) return false;
    for (let i = 0; i < u.length; i++) if (!item(u[i], depth + 1)) return false;
    return true;
  };

const compile = (codec: t.Decoder<unknown, unknown>): ExactCheck => {
  if (codec instanceof StrictType)
    return objectCheck(checksOf(codec.required as t.Props), checksOf(codec.optional as t.Props), false);
  if (codec instanceof RenamedFieldsType) {
    const inner = exactCheckOf(codec.inner);
    const renamed = Object.keys(codec.renamed);
    return (u, depth) => inner(u, depth) && renamed.every((old) => !hasOwn.call(u, old));
  }
  if (codec instanceof TextType) return (u) => codec.is(u);
  if (codec instanceof t.InterfaceType) return objectCheck(checksOf(codec.props as t.Props), {}, true);
  if (codec instanceof t.PartialType) return objectCheck({}, checksOf(codec.props as t.Props), true);
  if (codec instanceof t.ExactType) {
    const inner = codec.type as t.Mixed;
    if (inner instanceof t.InterfaceType) return objectCheck(checksOf(inner.props as t.Props), {}, false);
    if (inner instanceof t.PartialType) return objectCheck({}, checksOf(inner.props as t.Props), false);
    return never;
  }
  if (codec instanceof t.IntersectionType) {
    const checks = (codec.types as t.Mixed[]).map(exactCheckOf);
    return (u, depth) => checks.every((check) => check(u, depth));
  }
  if (codec instanceof t.UnionType) return unionCheck(codec.types as t.Mixed[]);
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType)
    return arrayCheck(exactCheckOf(codec.type as t.Mixed));
  if (codec instanceof t.ReadonlyType) return exactCheckOf(codec.type as t.Mixed);
  if (codec instanceof t.RefinementType) {
    const base = exactCheckOf(codec.type as t.Mixed);
    const predicate = codec.predicate as (a: unknown) => boolean;
    return (u, depth) => base(u, depth) && predicate(u);
  }
  if (codec instanceof t.LiteralType) {
    const value = codec.value;
    return (u) => u === value && (typeof u !== 'number' || isPlainNumber(u));
  }
  if (codec instanceof t.KeyofType) {
    const keys = codec.keys as object;
    return (u) => typeof u === 'string' && hasOwn.call(keys, u);
  }
  if (codec instanceof t.StringType) return (u) => typeof u === 'string' && isStorableText(u);
  if (codec instanceof t.NumberType) return (u) => typeof u === 'number' && isPlainNumber(u);
  if (codec instanceof t.BooleanType) return (u) => typeof u === 'boolean';
  if (codec instanceof t.NullType) return (u) => u === null;
  if (codec instanceof t.UnknownType) return (u, depth) => u === undefined || isPlainValue(u, depth);
  // A plain custom codec: its `is`, on plain data only.
  if (Object.getPrototypeOf(codec) === t.Type.prototype) {
    const is = (codec as t.Mixed).is;
    return (u, depth) => isPlainValue(u, depth) && is(u);
  }
  return never;
};

/**
 * The {@link ExactCheck} of `codec`, compiled once per codec. Values outside its domain (not
 * fresh from a JSON parser: getters, proxies, class instances) must not be given to it.
 */
export const exactCheckOf = (codec: t.Decoder<unknown, unknown>): ExactCheck => {
  let check = compiled.get(codec);
  if (check === undefined) {
    // A recursive codec reaches itself while compiling: it refers to the finished check.
    compiled.set(codec, (u, depth) => compiled.get(codec)!(u, depth));
    check = compile(codec);
    compiled.set(codec, check);
  }
  return check;
};
