import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountService } from '../../examples/http-service.js';

const service = createAccountService();
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => service.close(resolve));
});

let n = 0;
const command = (type: string, data: unknown, accountId = 'acme') => ({
  type,
  data,
  metadata: { commandId: `c-${++n}`, accountId, at: '2025-04-21T10:00:00+03:00', actor: 'admin' },
});
const post = (path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const json = async (response: Response) => ({
  status: response.status,
  type: response.headers.get('content-type'),
  body: (await response.json()) as Record<string, unknown>,
});

describe('examples/http-service.ts (docs/schema.md)', () => {
  it('answers 404 for an account it never saw, then its views once it is opened', async () => {
    const unknown = await json(await fetch(`${base}/accounts/acme`));
    expect(unknown).toMatchObject({ status: 404, type: 'application/problem+json' });
    expect(unknown.body).toMatchObject({ status: 404, code: 'UnknownAccount', detail: 'no account acme' });

    const opened = await json(
      await post('/accounts/acme/commands', command('OpenAccount', { tariffId: 'basic' })),
    );
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ version: 1, duplicate: false });
    await post('/accounts/acme/commands', command('PurchaseSmsPackage', { size: 500 }));
    expect(await json(await fetch(`${base}/accounts/acme`))).toMatchObject({
      status: 200,
      body: { sms: 'ДОСТУПНО SMS: 500 ИЗ 500', storage: 'Объем: 1.0 ГБ' },
    });
    expect((await fetch(`${base}/accounts/nobody`)).status).toBe(404);
  });

  it('answers refusals and invalid commands with problems from toProblem', async () => {
    await post('/accounts/acme/commands', command('OpenAccount', { tariffId: 'basic' }));
    const refused = await json(
      await post('/accounts/acme/commands', command('PurchaseSmsPackage', { size: 250 })),
    );
    expect(refused).toMatchObject({ status: 422, type: 'application/problem+json' });
    expect(refused.body).toMatchObject({ code: 'UnknownSmsPackage', status: 422 });

    const renamed = await json(
      await post(
        '/accounts/acme/commands',
        command('SetQuietHours', { quietHours: { from: '09:00', to: '21:00' } }),
      ),
    );
    expect(renamed.status).toBe(400);
    expect(renamed.body.issues).toEqual([
      expect.objectContaining({
        path: 'data.quietHours',
        message: 'data.quietHours: renamed to data.sendingHours, the window when notices may be sent',
      }),
    ]);
  });

  it('keeps a problem small whatever came: a name of 300 000 characters', async () => {
    const response = await post(
      '/accounts/acme/commands',
      command('AddNumber', {
        number: '+79161234567',
        kind: 'regular',
        fullName: 'я'.repeat(300_000),
        department: '',
      }),
    );
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text.length).toBeLessThan(4_000);
    expect(JSON.parse(text).issues[0].path).toBe('data.fullName');
  });

  it('refuses what is not a command for this address before the handler sees it', async () => {
    expect((await post('/accounts/acme/commands', '{"type": "OpenAcc')).status).toBe(400);
    const elsewhere = await json(
      await post('/accounts/acme/commands', command('OpenAccount', { tariffId: 'basic' }, 'other')),
    );
    expect(elsewhere.body).toMatchObject({ status: 400, code: 'AccountMismatch' });
    expect((await post('/accounts/acme/commands', 'x'.repeat(1024 * 1024 + 1))).status).toBe(413);
    expect((await fetch(`${base}/accounts/acme/commands`)).status).toBe(405);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it('serves its contract as OpenAPI 3.1', async () => {
    const document = await json(await fetch(`${base}/openapi.json`));
    expect(document.status).toBe(200);
    expect(document.body).toMatchObject({ openapi: '3.1.0', info: { title: 'PBX options' } });
  });
});
