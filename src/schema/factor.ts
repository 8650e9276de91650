/**
 * Shared parts of generated schemas under names: every subschema equal to a named one becomes a
 * `$ref` to it, so a document says "PhoneNumber" once instead of repeating its rule at each
 * field, and code generators in other languages get a named type.
 * @module
 */
import type { JsonSchema } from '../kernel/json-schema.js';

/** The generated schemas have their keys in one fixed order, so equal ones print alike. */
const keyOf = (value: unknown): string => JSON.stringify(value);

const replace = (value: unknown, byKey: ReadonlyMap<string, string>, refBase: string): unknown => {
  if (Array.isArray(value)) return value.map((item) => replace(item, byKey, refBase));
  if (typeof value !== 'object' || value === null) return value;
  const name = byKey.get(keyOf(value));
  if (name !== undefined) return { $ref: `${refBase}${name}` };
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // Constants and enumerations are values, not schemas: left as they are.
    out[key] =
      key === 'const' || key === 'enum' || key === 'examples' ? inner : replace(inner, byKey, refBase);
  }
  return out;
};

/**
 * `schemas` with every subschema equal to one of `named` replaced by a reference
 * `${refBase}${name}`; the named schemas themselves refer to each other the same way.
 */
export const factorSchemas = <K extends string>(
  schemas: Readonly<Record<K, JsonSchema>>,
  named: Readonly<Record<string, JsonSchema>>,
  refBase: string,
): { readonly schemas: Record<K, JsonSchema>; readonly named: Record<string, JsonSchema> } => {
  const byKey = new Map(Object.entries(named).map(([name, schema]) => [keyOf(schema), name]));
  const factor = (schema: JsonSchema, self?: string): JsonSchema => {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(schema)) {
      out[key] =
        key === 'const' || key === 'enum' || key === 'examples'
          ? inner
          : replace(inner, self === undefined ? byKey : withoutSelf(byKey, self), refBase);
    }
    return out;
  };
  return {
    schemas: Object.fromEntries(
      Object.entries<JsonSchema>(schemas).map(([k, s]) => [k, factor(s)]),
    ) as Record<K, JsonSchema>,
    named: Object.fromEntries(Object.entries(named).map(([name, s]) => [name, factor(s, name)])),
  };
};

const withoutSelf = (byKey: ReadonlyMap<string, string>, self: string): ReadonlyMap<string, string> =>
  new Map([...byKey].filter(([, name]) => name !== self));
