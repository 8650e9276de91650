import Ajv2020 from 'ajv/dist/2020.js';
import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type AccountEvent,
  accountCommandTypes,
  accountEventRegistry,
  accountEventTypes,
  createCommandHandler,
  createInMemoryEventStore,
  decodeCommand,
  toProblem,
} from '../../src/index.js';
import { concurrencyError, storeError } from '../../src/kernel/errors.js';
import { commandEndpointOpenApi } from '../../src/schema/entry.js';

const document = commandEndpointOpenApi();
const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;

/** Every `$ref` in a JSON value. */
const refsIn = (value: unknown, into: string[] = []): string[] => {
  if (Array.isArray(value)) for (const item of value) refsIn(item, into);
  else if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') into.push(inner);
      else refsIn(inner, into);
    }
  return into;
};

/** A validator of one component, the others reachable as they are in the document. */
const ajv = new Ajv2020({ strict: true, formats: { uri: true } });
const $defs = JSON.parse(JSON.stringify(schemas).replaceAll('#/components/schemas/', '#/$defs/'));
ajv.addSchema({ $id: 'urn:test:components', $defs });
const validatorOf = (name: string) => ajv.getSchema(`urn:test:components#/$defs/${name}`)!;

const at = '2025-04-21T10:00:00+03:00';
const command = (n: number, type: string, data: object) => ({
  type,
  data,
  metadata: { commandId: `c-${n}`, accountId: 'acme', at, actor: 'user-1' },
});

describe('Given the OpenAPI document of the command endpoint', () => {
  it('is OpenAPI 3.1 with one POST operation taking any command and answering a result or a problem', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    const post = (document.paths as Record<string, { post: Record<string, unknown> }>)[
      '/accounts/{accountId}/commands'
    ]!.post;
    expect(post.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/AccountCommand' } } },
    });
    const responses = post.responses as Record<string, { content: Record<string, unknown> }>;
    expect(Object.keys(responses)).toEqual(['200', '400', '409', '422', '500', '503']);
    for (const status of ['400', '409', '422', '500', '503'])
      expect(Object.keys(responses[status]!.content)).toEqual(['application/problem+json']);
  });

  it('holds every command and event type, and every reference resolves inside it', () => {
    for (const type of [...accountCommandTypes, ...accountEventTypes]) expect(schemas[type]).toBeDefined();
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(accountCommandTypes.length);
    for (const ref of new Set(refs)) {
      expect(ref.startsWith('#/components/schemas/')).toBe(true);
      expect(schemas[ref.slice('#/components/schemas/'.length)]).toBeDefined();
    }
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('takes a service’s title, version and address', () => {
    const own = commandEndpointOpenApi({
      title: 'PBX',
      version: '2.3.0',
      serverUrl: 'https://pbx.example/api',
    });
    expect(own.info).toMatchObject({ title: 'PBX', version: '2.3.0' });
    expect(own.servers).toEqual([{ url: 'https://pbx.example/api' }]);
    expect(document.servers).toBeUndefined();
  });

  it('describes what the handler really answers, from stores with and without the registry', async () => {
    for (const eventStore of [
      createInMemoryEventStore<AccountEvent>(),
      createInMemoryEventStore<AccountEvent>({ registry: accountEventRegistry }),
    ]) {
      const handler = createCommandHandler({ eventStore });
      const validCommand = validatorOf('AccountCommand');
      const validResult = validatorOf('HandledCommand');
      for (const [n, type, data] of [
        [1, 'OpenAccount', { tariffId: 'basic' }],
        [2, 'PurchaseSmsPackage', { size: 500 }],
        [3, 'SetQuietHours', { sendingHours: { from: '09:00', to: '21:00' } }],
        [2, 'PurchaseSmsPackage', { size: 500 }],
      ] as const) {
        const sent = command(n, type, data);
        expect(validCommand(sent)).toBe(true);
        const handled = await handler.handleUnknown(sent)();
        expect(isRight(handled)).toBe(true);
        if (isRight(handled) && !validResult(JSON.parse(JSON.stringify(handled.right))))
          throw new Error(ajv.errorsText(validResult.errors));
      }
    }
  });

  it('refuses as the decoder does: an unknown type, the old sending-hours field, a missing id', () => {
    const validCommand = validatorOf('AccountCommand');
    expect(validCommand(command(1, 'OpenAcount', { tariffId: 'basic' }))).toBe(false);
    expect(validCommand(command(1, 'SetQuietHours', { quietHours: { from: '09:00', to: '21:00' } }))).toBe(
      false,
    );
    const { commandId: _, ...withoutId } = command(1, 'OpenAccount', { tariffId: 'basic' }).metadata;
    expect(validCommand({ type: 'OpenAccount', data: { tariffId: 'basic' }, metadata: withoutId })).toBe(
      false,
    );
  });

  it('describes the problems toProblem gives: invalid input of 1 MB, refusals, conflicts, a store down', async () => {
    const validProblem = validatorOf('Problem');
    const check = (problem: unknown) => {
      if (!validProblem(JSON.parse(JSON.stringify(problem))))
        throw new Error(ajv.errorsText(validProblem.errors));
    };
    const huge = decodeCommand(
      command(1, 'AddNumber', {
        number: '+79161234567',
        kind: 'regular',
        fullName: 'я'.repeat(1_000_000),
        department: '',
      }),
    );
    expect(huge._tag).toBe('Left');
    if (huge._tag === 'Left') check(toProblem(huge.left));
    const many = decodeCommand(
      command(1, 'OpenAccount', Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]))),
    );
    if (many._tag === 'Left') check(toProblem(many.left));
    const handler = createCommandHandler({ eventStore: createInMemoryEventStore<AccountEvent>() });
    const refused = await handler.handleUnknown(command(1, 'AddStoragePack', {}))();
    expect(refused._tag).toBe('Left');
    if (refused._tag === 'Left') {
      const problem = toProblem(refused.left);
      check(problem);
      expect(validatorOf('AccountErrorCode')(problem.code)).toBe(true);
    }
    check(toProblem(concurrencyError('account-acme', 3, 4)));
    check(
      toProblem(
        storeError('Unavailable', 'connection refused', { cause: { address: '10.0.0.1', port: 5432 } }),
      ),
    );
  });
});
