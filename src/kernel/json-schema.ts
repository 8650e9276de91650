/**
 * What a codec says about itself in JSON Schema. Codecs whose rule is a function (an instant, a
 * phone number, a bounded integer) register the schema fragment that states the rule where they
 * are defined; a walker over codecs (`pbx-options/schema`) reads it. Registering costs one
 * `WeakMap` entry and nothing at decode time.
 * @module
 */

/** A JSON Schema (draft 2020-12) object, as plain JSON data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

const fragments = new WeakMap<object, JsonSchema>();

/**
 * Registers what `codec` accepts as a JSON Schema fragment and returns the codec. For a codec
 * whose structure a walker can read (an array, an object), the fragment adds to what the walker
 * derives (e.g. `minItems`); for an opaque one it is the whole schema.
 */
export const withJsonSchema = <C extends object>(codec: C, fragment: JsonSchema): C => {
  fragments.set(codec, fragment);
  return codec;
};

/** The fragment registered for `codec` by {@link withJsonSchema}, if any. */
export const jsonSchemaFragment = (codec: object): JsonSchema | undefined => fragments.get(codec);
