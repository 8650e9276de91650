/**
 * Writing the contracts to files for a team in another language: the JSON Schemas of commands
 * and events and the OpenAPI document of the command endpoint. Embedded in docs/schema.md and
 * run by test/examples/write-schemas.test.ts.
 * @module
 */
// #region write
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  accountCommandSchema,
  accountEventSchema,
  accountStoredEventSchema,
  commandEndpointOpenApi,
} from '../src/schema/entry.js';

/** Writes the four documents into `folder`; returns their names. */
export const writeSchemas = (folder: string): string[] => {
  const files = {
    'account-command.schema.json': accountCommandSchema(),
    'account-event.schema.json': accountEventSchema(),
    'stored-account-event.schema.json': accountStoredEventSchema(),
    'openapi.json': commandEndpointOpenApi({ title: 'PBX options', version: '1.0.0' }),
  };
  for (const [name, document] of Object.entries(files)) {
    writeFileSync(join(folder, name), `${JSON.stringify(document, null, 2)}\n`);
  }
  return Object.keys(files);
};
// #endregion write
