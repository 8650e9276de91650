/**
 * `pbx-options/schema`: JSON Schemas (draft 2020-12) of every account command and event and an
 * OpenAPI 3.1 document of a command endpoint, generated from the io-ts codecs the library
 * decodes with, for services written in other languages. What the decoders check beyond a
 * schema is listed in {@link RULES_BEYOND_SCHEMA}.
 * @packageDocumentation
 */
export { type JsonSchema, withJsonSchema } from '../kernel/json-schema.js';
export {
  accountCommandSchema,
  accountEventSchema,
  accountStoredEventSchema,
  commandSchemas,
  eventSchemas,
  JSON_SCHEMA_DIALECT,
  sharedSchemas,
  storedEventSchemas,
} from './messages.js';
export { type CommandEndpointOptions, commandEndpointOpenApi } from './openapi.js';
export { RULES_BEYOND_SCHEMA, type RuleBeyondSchema } from './rules.js';
export { toJsonSchema } from './walk.js';
