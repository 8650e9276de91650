import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSchemas } from '../../examples/write-schemas.js';

const folder = mkdtempSync(join(tmpdir(), 'pbx-options-schemas-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('examples/write-schemas.ts (docs/schema.md)', () => {
  it('writes schemas a validator in another process reads back', () => {
    const names = writeSchemas(folder);
    expect(names).toEqual([
      'account-command.schema.json',
      'account-event.schema.json',
      'stored-account-event.schema.json',
      'openapi.json',
    ]);
    const read = (name: string) =>
      JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<string, unknown>;
    const validate = new Ajv2020({ strict: true }).compile(read('account-command.schema.json'));
    const command = {
      type: 'SetVisitCardPeriod',
      data: { direction: 'incoming', months: 3 },
      metadata: { commandId: 'c-1', accountId: 'acme', at: '2025-04-21T10:00+03:00', actor: 'crm' },
    };
    expect(validate(command)).toBe(true);
    expect(validate({ ...command, data: { direction: 'incoming', months: 13 } })).toBe(false);
    expect(read('openapi.json')).toMatchObject({ openapi: '3.1.0', info: { version: '1.0.0' } });
  });
});
