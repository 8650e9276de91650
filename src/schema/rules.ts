/**
 * The rules `decodeCommand` and `decodeEvent` apply that a JSON Schema does not state: they are
 * about what a value means or about the input as a whole, not about its shape. A message the
 * schema accepts may still be refused for one of these, with a `ValidationError` naming the path.
 * @module
 */

/** One rule beyond the schema: a stable id and what it says. */
export interface RuleBeyondSchema {
  readonly id: 'phone-number' | 'time-zone' | 'unpaired-surrogate' | 'plain-data' | 'older-event-version';
  readonly rule: string;
}

/** Every rule the decoders apply beyond the schemas, in the order a reader meets them. */
export const RULES_BEYOND_SCHEMA: readonly RuleBeyondSchema[] = [
  {
    id: 'phone-number',
    rule:
      'A phone number is a text that can be read as a valid number (Russia being the default country) ' +
      'and normalised to E.164; the schema only bounds its length.',
  },
  {
    id: 'time-zone',
    rule: 'A time zone is an IANA name the runtime knows (e.g. Europe/Moscow); the schema only bounds its length.',
  },
  {
    id: 'unpaired-surrogate',
    rule:
      'No text holds an unpaired UTF-16 surrogate (a store could not keep it); JSON Schema counts ' +
      'characters and has no word for half of one.',
  },
  {
    id: 'plain-data',
    rule:
      'Anywhere in a message, also in fields the schema leaves open (command metadata, event payloads): ' +
      'no key named __proto__, constructor or prototype; keys of at most 64 UTF-16 code units without NUL; ' +
      'at most 1 000 fields per object and 1 000 000 items per array; at most 32 levels of nesting; no ' +
      'text with a NUL.',
  },
  {
    id: 'older-event-version',
    rule:
      'An event whose metadata.schemaVersion is older than the current one is upcast first and then ' +
      'judged by the current schema, so a payload of an older shape is accepted with its version.',
  },
];
