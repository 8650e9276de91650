/**
 * The JSON Schema of one line of an event log (docs/event-log.schema.json), built from the
 * library itself: the event types of its registry and the limits of its codecs, so the schema
 * cannot drift from what `replay` accepts. The payload (`data`) of each type is checked by the
 * library; the schema names the type and pins the envelope.
 *
 *     npm run docs:embed            # rewrites the docs and this schema
 *     npm run docs:embed -- --check # test/docs runs this check
 * @module
 */
import { isRight } from 'fp-ts/lib/Either.js';
import { accountEventRegistry, decodeStoredAccountEvent } from '../src/index.js';

/** Where the schema is written, from the repository's root. */
export const LOG_SCHEMA_PATH = 'docs/event-log.schema.json';

/** A line the library reads: the template the probes below vary one field of. */
const line = (metadata: Record<string, unknown>) => ({
  type: 'AutoRenewalSet',
  data: { enabled: true },
  metadata: {
    at: '2025-04-21T10:00:00+03:00',
    commandId: 'c',
    actor: 'a',
    eventId: 'e',
    streamId: 's',
    version: 1,
    globalPosition: 1,
    schemaVersion: 1,
    ...metadata,
  },
});

/** The longest value of metadata `field` a log line may hold (probing lengths up to 100 000). */
const longest = (field: string): number => {
  const accepts = (n: number) => isRight(decodeStoredAccountEvent(line({ [field]: 'x'.repeat(n) })));
  let low = 1;
  let high = 100_000;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (accepts(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
};

/**
 * JSON as the repository's formatter prints it: objects one member a line, an array of plain
 * values on one line when it fits in 110 columns, else one value a line.
 */
const printJson = (value: unknown, indent: string, prefix: string): string => {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const plain = value.every((v) => v === null || typeof v !== 'object');
    if (plain && indent.length + prefix.length + flat.length + 1 <= 110) return flat;
    return `[\n${value.map((v) => `${inner}${printJson(v, inner, '')}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([key, v]) => {
      const head = `${JSON.stringify(key)}: `;
      return `${inner}${head}${printJson(v, inner, head)}`;
    });
    return `{\n${members.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
};

/** The schema, as the text written to {@link LOG_SCHEMA_PATH}. */
export const logSchemaText = (): string => {
  const id = (field: string, description: string) => ({
    type: 'string',
    minLength: 1,
    maxLength: longest(field),
    description: `${description} No control characters (NUL included) and no unpaired surrogates.`,
  });
  const position = (minimum: number, description: string) => ({
    type: 'integer',
    minimum,
    maximum: Number.MAX_SAFE_INTEGER,
    description,
  });
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'One line of a pbx-options event log',
    description:
      'An event log is a text file (UTF-8, optionally gzip-compressed) with one stored event per line, as the event store keeps it and `pbx-options export` writes it. Lines longer than 1 MiB are refused unread. The payload `data` is checked per event type by the library (see the capability pages); events written by an older version are upcast when read.',
    type: 'object',
    required: ['type', 'data', 'metadata'],
    properties: {
      type: { description: 'The event type.', enum: [...accountEventRegistry.types] },
      data: { type: 'object', description: 'The payload of the event type, as the library defines it.' },
      metadata: {
        type: 'object',
        required: [
          'at',
          'commandId',
          'actor',
          'eventId',
          'streamId',
          'version',
          'globalPosition',
          'schemaVersion',
        ],
        properties: {
          at: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
            description:
              'When the command took effect: an ISO-8601 instant with an explicit offset, real on the calendar and the clock (no 30 February, no 24:00), offset within ±18:00.',
          },
          commandId: id('commandId', 'The command the event was decided from.'),
          actor: id('actor', 'Who sent the command: a user id, `system`, or a service.'),
          eventId: id('eventId', 'Unique within the stream.'),
          streamId: id('streamId', "The account's stream: `account-` and the account id."),
          version: position(1, 'Position within the stream: 1, 2, 3, … without gaps.'),
          globalPosition: position(0, 'Position across all streams; grows in commit order.'),
          schemaVersion: position(1, "The version of the payload's shape the event was written with."),
        },
      },
    },
  };
  return `${printJson(schema, '', '')}\n`;
};
