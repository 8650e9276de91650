/**
 * JSON Schema (draft 2020-12) of an io-ts codec, read from the codec's runtime structure: objects
 * (`t.type`, `t.partial`, the library's strict objects), unions, literals, enums, arrays, texts
 * with their limits, and, for codecs whose rule is a function, the fragment they registered
 * (`withJsonSchema`). A codec the walker cannot read and that registered nothing is an error, so
 * a new codec can never be described as "anything".
 * @module
 */
import type * as t from 'io-ts';
import { type JsonSchema, jsonSchemaFragment } from '../kernel/json-schema.js';

/** Any decoder; `is` is read when present (every `t.Type` has it). */
type AnyCodec = t.Decoder<unknown, unknown> & { readonly is?: (u: unknown) => boolean };
type Props = Readonly<Record<string, AnyCodec>>;

/** The runtime fields of the codec classes the walker reads (io-ts's and the library's own). */
interface Readable {
  readonly _tag?: string;
  readonly name: string;
  readonly props?: Props;
  readonly required?: Props;
  readonly optional?: Props;
  readonly types?: readonly AnyCodec[];
  readonly type?: AnyCodec;
  readonly inner?: AnyCodec;
  readonly value?: unknown;
  readonly keys?: Readonly<Record<string, unknown>>;
  readonly domain?: AnyCodec;
  readonly codomain?: AnyCodec;
  readonly maxLength?: number;
  readonly nonEmpty?: boolean;
  readonly printable?: boolean;
}

/** Texts a store keeps: no NUL; printable ones (ids) no control character at all. */
const NO_NUL = '^[^\\u0000]*$';
const PRINTABLE = '^[^\\u0000-\\u001f]*$';
/** Only whitespace, as `String.prototype.trim` understands it (ECMAScript's `\s`). */
const BLANK = '^\\s*$';

const textSchema = (codec: Readable): JsonSchema => ({
  type: 'string',
  description: codec.name,
  ...(codec.nonEmpty === true ? { minLength: 1 } : {}),
  maxLength: codec.maxLength,
  pattern: codec.printable === true ? PRINTABLE : NO_NUL,
  ...(codec.nonEmpty === true ? { not: { pattern: BLANK } } : {}),
});

/** An object schema; `closed` refuses fields not listed (the library's strict objects). */
const objectSchema = (required: Props, optional: Props, closed: boolean): JsonSchema => {
  const properties: Record<string, JsonSchema> = {};
  const names: string[] = [];
  for (const [key, codec] of Object.entries(required)) {
    properties[key] = toJsonSchema(codec);
    // A field whose codec takes `undefined` may be left out.
    if (codec.is?.(undefined) !== true) names.push(key);
  }
  for (const [key, codec] of Object.entries(optional)) properties[key] = toJsonSchema(codec);
  return {
    type: 'object',
    properties,
    ...(names.length > 0 ? { required: names } : {}),
    additionalProperties: !closed,
  };
};

const isOpenObject = (schema: JsonSchema): boolean =>
  schema.type === 'object' && schema.additionalProperties === true && schema.properties !== undefined;

/** Members that are all open objects merge into one; anything else is an `allOf`. */
const intersectionSchema = (members: readonly AnyCodec[]): JsonSchema => {
  const schemas = members.map(toJsonSchema);
  if (!schemas.every(isOpenObject)) return { allOf: schemas };
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const schema of schemas) {
    Object.assign(properties, schema.properties);
    for (const name of (schema.required as string[] | undefined) ?? [])
      if (!required.includes(name)) required.push(name);
  }
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: true,
  };
};

const EMPTY: Props = {};

const isUndefined = (codec: AnyCodec): boolean => {
  const tag = (codec as unknown as Readable)._tag;
  return tag === 'UndefinedType' || tag === 'VoidType';
};

/** What the walker reads from the codec's structure, or `undefined` when it cannot read it. */
const derive = (codec: Readable): JsonSchema | undefined => {
  switch (codec._tag) {
    case 'NullType':
      return { type: 'null' };
    case 'StringType':
      return { type: 'string' };
    case 'NumberType':
      return { type: 'number' };
    case 'BooleanType':
      return { type: 'boolean' };
    case 'UnknownType':
    case 'AnyType':
      return {};
    case 'AnyDictionaryType':
    case 'ObjectType':
      return { type: 'object' };
    case 'AnyArrayType':
      return { type: 'array' };
    case 'LiteralType':
      return { const: codec.value };
    case 'KeyofType':
      return { enum: Object.keys(codec.keys ?? {}) };
    case 'InterfaceType':
      return objectSchema(codec.props ?? EMPTY, EMPTY, false);
    case 'PartialType':
      return objectSchema(EMPTY, codec.props ?? EMPTY, false);
    case 'StrictType':
      // io-ts's own `t.strict` strips unknown fields (so accepts them); the library's refuses them.
      return codec.required === undefined
        ? objectSchema(codec.props ?? EMPTY, EMPTY, false)
        : objectSchema(codec.required, codec.optional ?? EMPTY, true);
    case 'TextType':
      return textSchema(codec);
    case 'RenamedFieldsType':
      // The old names are refused like every unknown field; the message is the codec's to give.
      return codec.inner === undefined ? undefined : toJsonSchema(codec.inner);
    case 'UnionType': {
      // JSON has no `undefined`: that member only makes the field optional (see `objectSchema`).
      const members = (codec.types ?? []).filter((member) => !isUndefined(member));
      return members.length === 1 ? toJsonSchema(members[0]!) : { anyOf: members.map(toJsonSchema) };
    }
    case 'IntersectionType':
      return intersectionSchema(codec.types ?? []);
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return codec.type === undefined ? undefined : { type: 'array', items: toJsonSchema(codec.type) };
    case 'TupleType': {
      const items = (codec.types ?? []).map(toJsonSchema);
      return { type: 'array', prefixItems: items, items: false, minItems: items.length };
    }
    case 'DictionaryType':
      return codec.codomain === undefined
        ? undefined
        : {
            type: 'object',
            additionalProperties: toJsonSchema(codec.codomain),
            ...(codec.domain === undefined ? {} : { propertyNames: toJsonSchema(codec.domain) }),
          };
    case 'ReadonlyType':
    case 'ExactType':
      return codec.type === undefined ? undefined : toJsonSchema(codec.type);
    case 'RefinementType':
      // A refinement's predicate is a function: only the integer brand is known by name; any
      // other refinement says its rule in a fragment, added to its base's schema.
      if (codec.name === 'Int') return { type: 'integer' };
      return codec.type !== undefined && jsonSchemaFragment(codec) !== undefined
        ? toJsonSchema(codec.type)
        : undefined;
    default:
      return undefined;
  }
};

/**
 * The JSON Schema of `codec`. Throws when the codec is neither readable nor registered a
 * fragment: describing it as "any value" would let a service in another language send what the
 * library refuses.
 */
export const toJsonSchema = (codec: AnyCodec): JsonSchema => {
  const fragment = jsonSchemaFragment(codec);
  const derived = derive(codec as unknown as Readable);
  if (derived === undefined && fragment === undefined) {
    throw new TypeError(`no JSON Schema for the codec "${codec.name}": register one with withJsonSchema`);
  }
  return { ...derived, ...fragment };
};
