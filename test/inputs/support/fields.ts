/**
 * Walking payload codecs: the leaf fields of a command's or an event's `data`, with the codec of
 * each, and reading or setting a field of a value by its path.
 */
import * as t from 'io-ts';
import { StrictType } from '../../../src/kernel/codecs.js';

/** A step into a value: a field, or the first item of an array. */
export type Step = string | 0;

/** A field found in a codec, and the codec of its value. */
export interface Field {
  readonly path: readonly Step[];
  readonly codec: t.Decoder<unknown, unknown>;
}

/** Every leaf field of a payload codec, through objects, unions, intersections and arrays. */
export const fieldsOf = (codec: t.Decoder<unknown, unknown>, path: readonly Step[] = []): Field[] => {
  const props = (p: t.Props) => Object.entries(p).flatMap(([k, c]) => fieldsOf(c, [...path, k]));
  if (codec instanceof StrictType) return [...props(codec.required), ...props(codec.optional)];
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) return props(codec.props);
  if (codec instanceof t.UnionType || codec instanceof t.IntersectionType)
    return (codec.types as t.Mixed[]).flatMap((c) => fieldsOf(c, path));
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType)
    return fieldsOf(codec.type as t.Mixed, [...path, 0]);
  return [{ path, codec }];
};

/** `data.numbers[0].reason` for `root` `data` and the path `numbers, 0, reason`. */
export const pathText = (root: string, path: readonly Step[]): string =>
  path.reduce<string>((at, step) => (step === 0 ? `${at}[0]` : `${at}.${step}`), root);

/** The value at `path`, or `undefined`. */
export const getAt = (value: unknown, path: readonly Step[]): unknown =>
  path.reduce<unknown>((at, step) => (at as Record<string | number, unknown> | undefined)?.[step], value);

/** A copy of `value` with the field at `path` set (objects are made on the way, array items are not). */
export const setAt = (value: unknown, path: readonly Step[], leaf: unknown): unknown => {
  const [step, ...rest] = path;
  if (step === undefined) return leaf;
  if (Array.isArray(value)) return value.map((item, i) => (i === step ? setAt(item, rest, leaf) : item));
  const object = (value ?? {}) as Record<string, unknown>;
  return { ...object, [step]: setAt(object[step], rest, leaf) };
};
