/**
 * An OpenAPI 3.1 document of one command endpoint, `POST /accounts/{accountId}/commands`: it
 * takes any account command and answers the handled result (the events appended, the stream's
 * version, whether the command id was a repeat) or an RFC 9457 problem (`application/problem+json`,
 * the shape `toProblem` gives). Every schema in it is generated from the codecs.
 * @module
 */

import { accountErrorCodes } from '../account/errors.js';
import type { JsonSchema } from '../kernel/json-schema.js';
import { commandSchemas, JSON_SCHEMA_DIALECT, storedEventSchemas, withSharedParts } from './messages.js';

/** Options of {@link commandEndpointOpenApi}: how the service presents itself. */
export interface CommandEndpointOptions {
  /** `info.title` (default `Account commands`). */
  readonly title?: string;
  /** `info.version`: the version of the service's API (default `1`). */
  readonly version?: string;
  /** `servers[].url`, e.g. `https://pbx.example.com/api` (default: none listed). */
  readonly serverUrl?: string;
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** The schema of an account id, as command metadata has it. */
const accountIdSchema = (): JsonSchema => ref('Id');

const PROBLEM_ISSUE: JsonSchema = {
  type: 'object',
  description: 'One input field that did not validate: where, what was expected, an excerpt of what came.',
  properties: {
    path: { type: 'string', examples: ['data.months'] },
    expected: { type: 'string', examples: ['an integer from 1 to 12'] },
    actual: { type: 'string', description: 'an excerpt of the value received, as JSON text' },
    message: { type: 'string', examples: ['data.months: expected an integer from 1 to 12, got 13'] },
  },
  required: ['path', 'expected', 'actual', 'message'],
};

const PROBLEM: JsonSchema = {
  type: 'object',
  description:
    'An RFC 9457 problem. `code` says what happened to programs: ValidationError (400, with `issues`), ' +
    'a refusal code of AccountErrorCode (409 when the command conflicts with the account as it is, 422 ' +
    'when its values cannot be taken, with `details`), ConcurrencyConflict or CommandAlreadyRecorded ' +
    '(409), Unavailable (503), MalformedEvent, MalformedSnapshot or Internal (500).',
  properties: {
    type: { type: 'string', format: 'uri', examples: ['urn:pbx-options:problem:StoragePackLimitReached'] },
    title: { type: 'string' },
    status: { type: 'integer', enum: [400, 409, 422, 500, 503] },
    detail: { type: 'string', description: 'what went wrong this time, for people' },
    code: { type: 'string' },
    issues: { type: 'array', items: ref('ProblemIssue'), maxItems: 20 },
    issuesOmitted: { type: 'integer', minimum: 1, description: 'issues left out beyond those listed' },
    details: { type: 'object', description: 'the figures of a refusal, by code' },
  },
  required: ['type', 'title', 'status', 'detail', 'code'],
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

/** Components: every command and stored event by type, the unions, the result and the problem. */
const components = (): Record<string, JsonSchema> => {
  const commands = commandSchemas();
  const events = storedEventSchemas();
  const messages: Record<string, JsonSchema> = {};
  for (const [type, schema] of Object.entries(commands)) messages[type] = schema;
  for (const [type, schema] of Object.entries(events)) {
    if (type in messages) throw new Error(`${type} names both a command and an event`);
    messages[type] = schema;
  }
  return {
    AccountCommand: { oneOf: Object.keys(commands).map(ref) },
    StoredAccountEvent: { oneOf: Object.keys(events).map(ref) },
    HandledCommand: {
      type: 'object',
      properties: {
        events: {
          type: 'array',
          items: ref('StoredAccountEvent'),
          description:
            'the events the command appended (the first time, for a repeat); none when nothing changed',
        },
        version: { type: 'integer', minimum: 0, description: "the account stream's version after them" },
        duplicate: {
          type: 'boolean',
          description: 'the command id had been handled before: this is its recorded outcome',
        },
      },
      required: ['events', 'version', 'duplicate'],
    },
    AccountErrorCode: { enum: [...accountErrorCodes] },
    Problem: PROBLEM,
    ProblemIssue: PROBLEM_ISSUE,
    ...withSharedParts(messages, '#/components/schemas/'),
  };
};

/**
 * The OpenAPI 3.1 document of the command endpoint, built on each call (the schemas are built
 * once). A service in any language can generate a client from it.
 */
export const commandEndpointOpenApi = (options: CommandEndpointOptions = {}): JsonSchema => ({
  openapi: '3.1.0',
  jsonSchemaDialect: JSON_SCHEMA_DIALECT,
  info: {
    title: options.title ?? 'Account commands',
    version: options.version ?? '1',
    description:
      'Commands of a cloud PBX account: options, storage, SMS packages and notices, smart callback, ' +
      'numbers. Each command carries its own id: sending it again appends nothing and answers its first outcome.',
  },
  ...(options.serverUrl === undefined ? {} : { servers: [{ url: options.serverUrl }] }),
  paths: {
    '/accounts/{accountId}/commands': {
      post: {
        operationId: 'handleAccountCommand',
        summary: 'Validate, decide and record one account command',
        parameters: [
          {
            name: 'accountId',
            in: 'path',
            required: true,
            description: "the account; the command's metadata.accountId must be the same",
            schema: accountIdSchema(),
          },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: ref('AccountCommand') } } },
        responses: {
          '200': {
            description:
              'Handled: the events appended, or none when the command changed nothing, or a repeat.',
            content: { 'application/json': { schema: ref('HandledCommand') } },
          },
          '400': problemResponse('The command does not validate; `issues` name each field.'),
          '409': problemResponse(
            'Refused: it conflicts with the account as it is, or with a concurrent command.',
          ),
          '422': problemResponse('Refused: its values cannot be taken, whatever the account.'),
          '500': problemResponse('The store failed.'),
          '503': problemResponse('The store is unavailable: send the same command again later.'),
        },
      },
    },
  },
  components: { schemas: components() },
});
