/**
 * JSON Schemas of every account command and event, generated from their io-ts codecs: one per
 * type (the envelope with `type` fixed and `data` that type's payload) and one of any of them.
 * A schema describes what `decodeCommand` / `decodeEvent` accept, apart from the rules listed in
 * {@link RULES_BEYOND_SCHEMA} (see `rules.ts`).
 * @module
 */
import { type AccountCommandType, accountCommandCodecs, Envelope } from '../account/commands.js';
import {
  type AccountEventType,
  accountEventCodecs,
  accountEventRegistry,
  DecidedEnvelope,
} from '../account/events.js';
import { Id, Instant } from '../kernel/codecs.js';
import { CommandMetadata } from '../kernel/envelope.js';
import type { JsonSchema } from '../kernel/json-schema.js';
import { StoredMetadataCodec } from '../kernel/stored-event.js';
import { ClockTime } from '../notifications/events.js';
import { ScenarioCodec } from '../notifications/scenario.js';
import { PhoneNumber } from '../numbers/phone-number.js';
import { TimeZone } from '../tariff/time-zone.js';
import { factorSchemas } from './factor.js';
import { toJsonSchema } from './walk.js';

/** The dialect every schema here is written in. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The base of the schemas' `$id`s (URNs: nothing has to be served at an address). */
const ID_BASE = 'urn:pbx-options:schema:';

type Properties = Readonly<Record<string, JsonSchema>>;

/** The envelope's schema with `type` fixed, `data` the payload and `metadata` as given. */
const messageSchema = (
  envelope: JsonSchema,
  type: string,
  data: JsonSchema,
  metadata: JsonSchema,
): JsonSchema => {
  const properties = envelope.properties as Properties;
  return {
    title: type,
    ...envelope,
    properties: { ...properties, type: { const: type }, data, metadata },
    // `data` is unknown in the envelope; once its type is fixed it must be there.
    required: ['type', 'data', 'metadata'],
  };
};

const commandOf = (type: AccountCommandType): JsonSchema => {
  const envelope = toJsonSchema(Envelope);
  const metadata = (envelope.properties as Properties).metadata as JsonSchema;
  return messageSchema(envelope, type, toJsonSchema(accountCommandCodecs[type]), metadata);
};

const eventOf = (type: AccountEventType): JsonSchema => {
  const envelope = toJsonSchema(DecidedEnvelope);
  const metadata = (envelope.properties as Properties).metadata as JsonSchema;
  const current = accountEventRegistry.schemaVersionOf(type) ?? 1;
  // Older versions are upcast on read; a payload labelled with one is judged after upcasting.
  const withVersion: JsonSchema = {
    ...metadata,
    properties: {
      ...(metadata.properties as Properties),
      schemaVersion: { type: 'integer', minimum: 1, maximum: current },
    },
  };
  return messageSchema(envelope, type, toJsonSchema(accountEventCodecs[type]), withVersion);
};

/** The event of `type` as a store keeps it: position fields in its metadata. */
const storedEventOf = (type: AccountEventType): JsonSchema => {
  const decided = eventOf(type);
  const metadata = toJsonSchema(StoredMetadataCodec);
  const current = accountEventRegistry.schemaVersionOf(type) ?? 1;
  return {
    ...decided,
    properties: {
      ...(decided.properties as Properties),
      // The version the payload was written at; older ones are upcast on read.
      metadata: {
        ...metadata,
        properties: {
          ...(metadata.properties as Properties),
          schemaVersion: { type: 'integer', minimum: 1, maximum: current },
        },
      },
    },
  };
};

const byType = <K extends string>(types: readonly K[], schemaOf: (type: K) => JsonSchema) =>
  Object.fromEntries(types.map((type) => [type, schemaOf(type)])) as Record<K, JsonSchema>;

let shared: Record<string, JsonSchema> | undefined;

/**
 * The parts many messages share, by name: wherever one appears, a union schema or the OpenAPI
 * document refers to it instead of repeating it.
 */
export const sharedSchemas = (): Readonly<Record<string, JsonSchema>> => {
  shared ??= {
    Id: toJsonSchema(Id),
    Instant: toJsonSchema(Instant),
    PhoneNumber: toJsonSchema(PhoneNumber),
    TimeZone: toJsonSchema(TimeZone),
    TimeOfDay: toJsonSchema(ClockTime),
    Scenario: toJsonSchema(ScenarioCodec),
    CommandMetadata: toJsonSchema(CommandMetadata),
  };
  return shared;
};

/** `definitions` and the shared parts under one roof, each repeated part a `$ref` to its name. */
export const withSharedParts = (
  definitions: Readonly<Record<string, JsonSchema>>,
  refBase: string,
): Record<string, JsonSchema> => {
  const factored = factorSchemas(definitions, sharedSchemas(), refBase);
  for (const name of Object.keys(factored.named))
    if (name in definitions) throw new Error(`${name} names both a message and a shared part`);
  return { ...factored.named, ...factored.schemas };
};

/** A schema of any of `definitions` (each under `$defs`), told apart by `type`. */
const unionOf = (id: string, definitions: Readonly<Record<string, JsonSchema>>): JsonSchema => ({
  $schema: JSON_SCHEMA_DIALECT,
  $id: `${ID_BASE}${id}`,
  title: id,
  type: 'object',
  required: ['type'],
  properties: { type: { enum: Object.keys(definitions) } },
  // One branch per type; `type` is a constant in each, so exactly one can match.
  oneOf: Object.keys(definitions).map((type) => ({ $ref: `#/$defs/${type}` })),
  $defs: withSharedParts(definitions, '#/$defs/'),
});

let commands: Record<AccountCommandType, JsonSchema> | undefined;
let events: Record<AccountEventType, JsonSchema> | undefined;
let storedEvents: Record<AccountEventType, JsonSchema> | undefined;

/** The schema of each command type (the whole envelope, self-contained), built once on first use. */
export const commandSchemas = (): Readonly<Record<AccountCommandType, JsonSchema>> => {
  commands ??= byType(Object.keys(accountCommandCodecs) as AccountCommandType[], commandOf);
  return commands;
};

/** The schema of each event type as decided today (the whole envelope, self-contained), built once on first use. */
export const eventSchemas = (): Readonly<Record<AccountEventType, JsonSchema>> => {
  events ??= byType(Object.keys(accountEventCodecs) as AccountEventType[], eventOf);
  return events;
};

/**
 * The schema of each event type as a store keeps it and an event log holds it (the decided
 * event with the store's position fields), built once on first use.
 */
export const storedEventSchemas = (): Readonly<Record<AccountEventType, JsonSchema>> => {
  storedEvents ??= byType(Object.keys(accountEventCodecs) as AccountEventType[], storedEventOf);
  return storedEvents;
};

/** The schema of any account command: what a service in any language may send. */
export const accountCommandSchema = (): JsonSchema => unionOf('AccountCommand', commandSchemas());

/** The schema of any account event as decided: what a consumer of the events may read. */
export const accountEventSchema = (): JsonSchema => unionOf('AccountEvent', eventSchemas());

/** The schema of any account event as a store keeps it: one line of an event log, a row of an outbox. */
export const accountStoredEventSchema = (): JsonSchema => unionOf('StoredAccountEvent', storedEventSchemas());
