/**
 * The page over HTTP (node:http). `GET /` renders the page from the read models; a form posts
 * to `/actions/<name>`, which sends one command through the handler and redirects back to the
 * form's section (post/redirect/get: a reload never sends a command again). What the command
 * came to — a refusal, or a question before deleting recordings — travels with the redirect as
 * a short-lived token.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError } from '../../src/index.js';
import { ACTIONS } from './actions.js';
import { bundleBrowserScript } from './bundle.js';
import type { Cabinet } from './cabinet.js';
import type { Confirmation, Notice } from './forms.js';
import { renderPage } from './page.js';

/** A running page server. */
export interface CabinetServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  close(): Promise<void>;
}

/** What a redirect carries back to the page. */
interface Outcome {
  readonly notice: Notice | null;
  readonly confirmation: Confirmation | null;
}

/** Outcomes kept for their redirect (and a reload of it); older ones are forgotten. */
const KEPT_OUTCOMES = 100;
const MAX_BODY_BYTES = 64 * 1024;

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

const readBody = (request: IncomingMessage): Promise<string | null> =>
  new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

/** Serves `cabinet` on `port` (0: any free port) on the loopback interface, or on `host`. */
export const startServer = async (
  cabinet: Cabinet,
  port: number,
  host = '127.0.0.1',
): Promise<CabinetServer> => {
  const script = await bundleBrowserScript();
  const styles = await readFile(new URL('./cabinet.css', import.meta.url), 'utf8');
  const outcomes = new Map<string, Outcome>();

  const send = (response: ServerResponse, status: number, type: string, body: string) => {
    response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, ...SECURITY_HEADERS });
    response.end(body);
  };
  const redirect = (response: ServerResponse, location: string) => {
    response.writeHead(303, { location });
    response.end();
  };

  const page = (url: URL, response: ServerResponse) => {
    const outcome = outcomes.get(url.searchParams.get('r') ?? '');
    const body = renderPage({
      views: cabinet.views(),
      timeline: cabinet.timeline,
      now: cabinet.now(),
      query: url.searchParams.get('q') ?? '',
      notice: outcome?.notice ?? null,
      confirmation: outcome?.confirmation ?? null,
    });
    send(response, 200, 'text/html', body.markup);
  };

  const act = async (name: string, request: IncomingMessage, response: ServerResponse) => {
    const action = ACTIONS[name];
    if (action === undefined) return send(response, 404, 'text/plain', 'Нет такого действия');
    const body = await readBody(request);
    if (body === null) return send(response, 413, 'text/plain', 'Слишком большая форма');
    const form = new URLSearchParams(body);
    const { type, data } = action.command(form);
    const sent = await cabinet.send(type, data, form.get('commandId') || randomUUID());
    const { section } = action;
    // Back to the form's section, with the numbers table's search if it had one.
    const back = (params: URLSearchParams) => {
      const query = form.get('q');
      if (query) params.set('q', query);
      const search = params.toString();
      return redirect(response, `/${search === '' ? '' : `?${search}`}#${section}`);
    };
    if (sent.ok) return back(new URLSearchParams());
    const fields = [...form].filter(([key]) => !['commandId', 'confirmEviction', 'q'].includes(key));
    const text = describeError(sent.error, 'ru');
    const outcome: Outcome =
      sent.error.code === 'WouldEvictRecordings'
        ? { notice: null, confirmation: { section, action: name, fields, text } }
        : { notice: { section, text }, confirmation: null };
    const token = randomUUID();
    outcomes.set(token, outcome);
    if (outcomes.size > KEPT_OUTCOMES) outcomes.delete(outcomes.keys().next().value as string);
    return back(new URLSearchParams({ r: token }));
  };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://cabinet');
    const get = request.method === 'GET' || request.method === 'HEAD';
    if (get && url.pathname === '/') return page(url, response);
    if (get && url.pathname === '/cabinet.js') return send(response, 200, 'text/javascript', script);
    if (get && url.pathname === '/cabinet.css') return send(response, 200, 'text/css', styles);
    if (request.method === 'POST' && url.pathname.startsWith('/actions/')) {
      return act(url.pathname.slice('/actions/'.length), request, response);
    }
    return send(response, 404, 'text/plain', 'Не найдено');
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error(error);
      if (response.headersSent) response.end();
      else send(response, 500, 'text/plain', 'Внутренняя ошибка');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
