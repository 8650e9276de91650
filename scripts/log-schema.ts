/**
 * The JSON Schema of one line of an event log (docs/event-log.schema.json): the schema of a
 * stored account event that `pbx-options/schema` generates from the codecs, with a title and a
 * description for a reader of the log, so it cannot drift from what `replay` accepts.
 *
 *     npm run docs:embed            # rewrites the docs and this schema
 *     npm run docs:embed -- --check # test/docs runs this check
 * @module
 */
import { accountStoredEventSchema } from '../src/schema/entry.js';

/** Where the schema is written, from the repository's root. */
export const LOG_SCHEMA_PATH = 'docs/event-log.schema.json';

/**
 * JSON as the repository's formatter prints it: objects one member a line (`{}` when empty), an
 * array of plain values on one line when it fits in 110 columns, else one value a line.
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
    if (Object.keys(value).length === 0) return '{}';
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
  const { $schema, $id, title: _name, ...rest } = accountStoredEventSchema();
  const schema = {
    $schema,
    $id,
    title: 'One line of a pbx-options event log',
    description:
      'An event log is a text file (UTF-8, optionally gzip-compressed) with one stored event per line, as the event store keeps it and `pbx-options export` writes it. This schema describes a line at the current schema version of its type (`metadata.schemaVersion`); a line written by an older version has its older payload and is upcast by `pbx-options replay` when read. Lines longer than 1 MiB are refused unread. Beyond the schema, the library checks what a schema cannot say (see docs/schema.md).',
    ...rest,
  };
  return `${printJson(schema, '', '')}\n`;
};
