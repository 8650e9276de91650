/**
 * The JSON Schema of an event log line (docs/event-log.schema.json) agrees with the library:
 * every line the CLI reads is valid under it, and envelopes the library refuses are invalid.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOG_SCHEMA_PATH } from '../../scripts/log-schema.js';
import { decodeLogLine } from '../../src/cli/event-log.js';
import { logLines } from '../cli/fixtures.js';

const validate = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(LOG_SCHEMA_PATH, 'utf8')));
let lines: string[];

beforeAll(async () => {
  lines = await logLines(2_000);
});

/** A line with its parsed event changed by `change`. */
const changed = (
  change: (event: {
    type: unknown;
    data: Record<string, unknown>;
    metadata: Record<string, unknown>;
  }) => void,
) => {
  const event = JSON.parse(lines[1] as string);
  change(event);
  return event;
};

describe('the event log schema', () => {
  it("has the library's length limits: accepted at the limit, refused one over it", () => {
    for (const [field, limit] of [
      ['actor', 64],
      ['commandId', 64],
      ['eventId', 128],
      ['streamId', 128],
    ] as const) {
      for (const [length, valid] of [
        [limit, true],
        [limit + 1, false],
      ] as const) {
        const event = changed((e) => {
          e.metadata[field] = 'x'.repeat(length);
        });
        expect(decodeLogLine(JSON.stringify(event)).ok, `${field} × ${length}`).toBe(valid);
        expect(validate(event), `${field} × ${length}`).toBe(valid);
      }
    }
  });

  it('accepts every line of a log the CLI replays', () => {
    const types = new Set<string>();
    for (const line of lines) {
      expect(decodeLogLine(line).ok).toBe(true);
      const event = JSON.parse(line);
      expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
      types.add(event.type);
    }
    expect(types.size).toBeGreaterThan(15);
  });

  it('refuses the envelopes and payloads the library refuses', () => {
    const refused = [
      changed((e) => {
        e.type = 'NoSuchEvent';
      }),
      changed((e) => {
        delete e.metadata.version;
      }),
      changed((e) => {
        e.metadata.version = 0;
      }),
      changed((e) => {
        e.metadata.globalPosition = -1;
      }),
      changed((e) => {
        e.metadata.at = '2025-04-21T10:00:00';
      }),
      changed((e) => {
        e.metadata.eventId = '';
      }),
      changed((e) => {
        e.metadata.actor = 'x'.repeat(10_000);
      }),
      changed((e) => {
        e.data.extraMonthlyFee = -1;
      }),
      changed((e) => {
        e.data.main = 'yes';
      }),
    ];
    for (const event of refused) {
      expect(decodeLogLine(JSON.stringify(event)).ok, JSON.stringify(event.metadata)).toBe(false);
      expect(validate(event), JSON.stringify(event.metadata)).toBe(false);
    }
  });
});
