import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountCommandTypes, accountEventTypes } from '../../src/index.js';
import {
  accountCommandSchema,
  accountEventSchema,
  commandSchemas,
  eventSchemas,
  JSON_SCHEMA_DIALECT,
} from '../../src/schema/entry.js';
import { mutated } from '../fuzz/support/hostile.js';
import { validEvent, validRawCommand } from '../fuzz/support/samples.js';

const ajv = new Ajv2020({ strict: true });

describe('Given the generated schemas of commands and events', () => {
  it('there is one per command and event type, and the unions name the dialect and an id', () => {
    expect(Object.keys(commandSchemas())).toEqual(accountCommandTypes);
    expect(Object.keys(eventSchemas())).toEqual(accountEventTypes);
    for (const [schema, id] of [
      [accountCommandSchema(), 'urn:pbx-options:schema:AccountCommand'],
      [accountEventSchema(), 'urn:pbx-options:schema:AccountEvent'],
    ] as const) {
      expect(schema.$schema).toBe(JSON_SCHEMA_DIALECT);
      expect(schema.$id).toBe(id);
    }
    expect(commandSchemas()).toBe(commandSchemas());
  });

  it('a shared part is named once in a union and referred to elsewhere', () => {
    const text = JSON.stringify(accountCommandSchema());
    const defs = accountCommandSchema().$defs as Record<string, unknown>;
    expect(Object.keys(defs)).toEqual(
      expect.arrayContaining(['Id', 'Instant', 'PhoneNumber', 'CommandMetadata']),
    );
    expect(text.split('"#/$defs/CommandMetadata"').length - 1).toBe(accountCommandTypes.length);
    expect(text.split('an ISO-8601 instant with an offset').length - 1).toBe(1);
  });

  it('each self-contained schema judges messages of its type as the union does', () => {
    const union = ajv.compile(accountCommandSchema());
    const byType = Object.fromEntries(
      Object.entries(commandSchemas()).map(([type, schema]) => [type, ajv.compile(schema)]),
    );
    let accepted = 0;
    fc.assert(
      fc.property(mutated(validRawCommand), validRawCommand, (spoiled, valid) => {
        for (const command of [spoiled, valid]) {
          let json: { type?: unknown } | null;
          try {
            json = JSON.parse(JSON.stringify(command) ?? 'null');
          } catch {
            continue; // not JSON: nothing a schema is asked about
          }
          const own =
            typeof json?.type === 'string' && Object.hasOwn(byType, json.type)
              ? byType[json.type]
              : undefined;
          if (own === undefined) continue;
          expect(own(json)).toBe(union(json));
          if (union(json)) accepted++;
        }
      }),
      { numRuns: 2_000, seed: 11 },
    );
    expect(accepted).toBeGreaterThan(1_500);
    const events = ajv.compile(accountEventSchema());
    const eventByType = Object.fromEntries(
      Object.entries(eventSchemas()).map(([type, schema]) => [type, ajv.compile(schema)]),
    );
    fc.assert(
      fc.property(validEvent, (event) => {
        expect(eventByType[event.type]!(event)).toBe(true);
        expect(events(event)).toBe(true);
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});
