/**
 * A command endpoint over `node:http`: `POST /accounts/{id}/commands` takes any command as JSON
 * and answers the handled result or an RFC 9457 problem (`toProblem`); `GET /accounts/{id}`
 * answers the account's read models, or 404 for an account never seen; `GET /openapi.json` is
 * the endpoint's contract for clients in other languages. Embedded in docs/schema.md and run by
 * test/examples/http-service.test.ts.
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  type AccountEvent,
  accountStreamId,
  createCommandHandler,
  createInlineProjector,
  createInMemoryEventStore,
  formatQuota,
  formatSmsBalance,
  type Problem,
  quotaUsage,
  smsBalance,
  toProblem,
  withInlineProjections,
} from '../src/index.js';
import { commandEndpointOpenApi } from '../src/schema/entry.js';

/** Bodies larger than this are refused unread (a command is a few hundred bytes). */
const MAX_BODY = 1024 * 1024;

const send = (response: ServerResponse, status: number, body: unknown, type = 'application/json') => {
  response.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
};
const problem = (response: ServerResponse, body: Problem) =>
  send(response, body.status, body, 'application/problem+json');
/** A problem the handler does not make: the request itself is wrong. */
const requestProblem = (status: number, code: string, title: string, detail: string): Problem => ({
  type: `urn:pbx-options:problem:${code}`,
  title,
  status,
  detail,
  code,
});

/** The body as text, or `undefined` once it passes {@link MAX_BODY}. */
const readBody = async (request: IncomingMessage): Promise<string | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/** Creates the service (call `.listen(port)` on it). */
export const createAccountService = () => {
  const eventStore = createInMemoryEventStore<AccountEvent>(); // or pbx-options/postgres
  const projector = createInlineProjector({ smsBalance, quotaUsage });
  const handler = withInlineProjections(createCommandHandler({ eventStore }), projector);

  return createServer(async (request, response) => {
    const [, accountId, commands] = /^\/accounts\/([^/]+)(\/commands)?$/.exec(request.url ?? '') ?? [];
    if (request.method === 'GET' && request.url === '/openapi.json') {
      return send(response, 200, commandEndpointOpenApi({ title: 'PBX options' }));
    }
    if (accountId === undefined) {
      return problem(response, requestProblem(404, 'NotFound', 'Not Found', `no resource ${request.url}`));
    }
    if (request.method === 'GET' && commands === undefined) {
      // An account none of whose events was seen has no views: 404, not an empty account.
      const views = projector.views(accountStreamId(accountId));
      if (views === undefined) {
        return problem(
          response,
          requestProblem(404, 'UnknownAccount', 'Not Found', `no account ${accountId}`),
        );
      }
      return send(response, 200, {
        sms: formatSmsBalance(views.smsBalance),
        storage: formatQuota(views.quotaUsage).volume,
      });
    }
    if (request.method !== 'POST' || commands === undefined) {
      return problem(
        response,
        requestProblem(405, 'MethodNotAllowed', 'Method Not Allowed', `${request.method}`),
      );
    }
    const body = await readBody(request);
    if (body === undefined) {
      return problem(
        response,
        requestProblem(413, 'TooLarge', 'Content Too Large', `at most ${MAX_BODY} bytes`),
      );
    }
    let input: unknown;
    try {
      input = JSON.parse(body);
    } catch {
      return problem(response, requestProblem(400, 'NotJson', 'Bad Request', 'the body is not JSON'));
    }
    if ((input as { metadata?: { accountId?: unknown } } | null)?.metadata?.accountId !== accountId) {
      const detail = `metadata.accountId must be ${accountId}, the account of the address`;
      return problem(response, requestProblem(400, 'AccountMismatch', 'Bad Request', detail));
    }
    const outcome = await handler.handleUnknown(input)();
    if (outcome._tag === 'Left') return problem(response, toProblem(outcome.left));
    return send(response, 200, outcome.right);
  });
};
