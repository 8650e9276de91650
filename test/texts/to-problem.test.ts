import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../src/account/commands.js';
import { accountError, accountErrorCodes } from '../../src/account/errors.js';
import { refusalStatus, toProblem } from '../../src/errors/to-problem.js';
import { concurrencyError, storeError, validationError } from '../../src/kernel/errors.js';
import { boundedCopy, excerptText } from '../../src/kernel/problem.js';

const metadata = { commandId: 'c-1', accountId: 'acme', at: '2025-04-21T10:00:00+03:00', actor: 'admin' };
const problemOfInput = (input: unknown) => {
  const decoded = decodeCommand(input);
  if (!isLeft(decoded)) throw new Error('expected a validation error');
  return toProblem(decoded.left);
};
const sizeOf = (value: unknown): number => JSON.stringify(value).length;

describe('toProblem: RFC 9457 problem objects', () => {
  it('keeps a problem small when the body held 1 MB of text', () => {
    const text = 'ж'.repeat(1_000_000);
    const problem = problemOfInput({
      type: 'ConfigureNotification',
      data: { scenario: 'incoming-missed-call', text },
      metadata,
    });
    expect(problem).toMatchObject({ status: 400, code: 'ValidationError', title: 'Invalid command' });
    expect(problem.issues?.some((issue) => issue.path.startsWith('data.text'))).toBe(true);
    expect(sizeOf(problem)).toBeLessThan(4_000);
  });

  it('keeps a problem small when the body held 10⁶ keys', () => {
    const data: Record<string, number> = {};
    for (let i = 0; i < 1_000_000; i++) data[`k${i}`] = i;
    const problem = problemOfInput({ type: 'AddStoragePack', data, metadata });
    expect(problem.status).toBe(400);
    expect(problem.issues?.length).toBeLessThanOrEqual(20);
    expect(sizeOf(problem)).toBeLessThan(8_000);
  }, 120_000);

  it('names the paths of the issues and an excerpt of each value', () => {
    const problem = problemOfInput({
      type: 'SetVisitCardPeriod',
      data: { direction: 'incoming', months: 'x'.repeat(500) },
      metadata,
    });
    expect(problem.issues?.[0]).toMatchObject({ path: 'data.months' });
    expect(problem.issues?.[0]?.actual.length).toBeLessThan(120);
    expect(problem.detail).toContain('“data.months”');
  });

  it('maps every refusal to 409 or 422, with its text and its details', () => {
    for (const code of accountErrorCodes) expect([409, 422]).toContain(refusalStatus(code));
    const refused = accountError('StoragePackLimitReached', 'at most 9 storage packs', {
      maxPacks: 9,
      packs: 9,
    });
    expect(toProblem(refused)).toEqual({
      type: 'urn:pbx-options:problem:StoragePackLimitReached',
      title: 'Command refused',
      status: 409,
      detail: 'At most 9 storage packs can be connected; 9 connected now',
      code: 'StoragePackLimitReached',
      details: { maxPacks: 9, packs: 9 },
    });
    expect(toProblem(refused, { locale: 'ru', typeBase: 'https://api.example.com/problems/' })).toMatchObject(
      {
        type: 'https://api.example.com/problems/StoragePackLimitReached',
        title: 'Команда отклонена',
        detail: 'Можно подключить не более 9 пакетов; подключено: 9',
      },
    );
    const period = accountError('InvalidVisitCardPeriod', '', {
      field: 'data.months',
      min: 1,
      max: 12,
      months: 13,
    });
    expect(toProblem(period).status).toBe(422);
  });

  it('cuts long details of a refusal to their first entries', () => {
    const numbers = Array.from({ length: 10_000 }, (_, i) => `+7912${String(i).padStart(7, '0')}`);
    const problem = toProblem(accountError('DuplicateNumbers', '', { field: 'data.numbers', numbers }));
    expect(problem.status).toBe(422);
    expect((problem.details as { numbers: unknown[] }).numbers).toHaveLength(11);
    expect(sizeOf(problem)).toBeLessThan(2_000);
  });

  it('answers 409 to a conflict, 503 to an unavailable store, 500 to other store failures, never with a cause', () => {
    expect(toProblem(concurrencyError('account-acme', 3, 4))).toMatchObject({
      status: 409,
      code: 'ConcurrencyConflict',
    });
    const cause = { address: '10.0.0.5', port: 5432, stack: 'at Socket.connect' };
    const unavailable = toProblem(storeError('Unavailable', 'connect ECONNREFUSED 10.0.0.5:5432', { cause }));
    expect(unavailable).toMatchObject({ status: 503, title: 'Service unavailable', code: 'Unavailable' });
    expect(JSON.stringify(unavailable)).not.toMatch(/10\.0\.0\.5|5432|cause|stack/);
    for (const code of ['MalformedEvent', 'MalformedSnapshot', 'Internal'] as const) {
      const problem = toProblem(
        storeError(code, 'row 7 of events', { streamId: 'account-acme', version: 7, cause }),
      );
      expect(problem.status).toBe(500);
      expect(Object.keys(problem).sort()).toEqual(['code', 'detail', 'status', 'title', 'type']);
    }
  });

  it('lists at most 20 issues and says how many more there were', () => {
    const issues = Array.from({ length: 50 }, (_, i) => ({
      path: `data.f${i}`,
      expected: 'never',
      actual: 'v'.repeat(10_000),
      message: `data.f${i}: ${'m'.repeat(10_000)}`,
    }));
    const problem = toProblem(validationError(issues));
    expect(problem.issues).toHaveLength(20);
    expect(problem.issuesOmitted).toBe(30);
    expect(sizeOf(problem)).toBeLessThan(8_000);
  });
});

describe('excerpts', () => {
  it('cut text without splitting a character, and values that cannot be read', () => {
    expect(excerptText('😀'.repeat(100), 101)).toBe(`${'😀'.repeat(50)}…`);
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    expect(boundedCopy(hostile)).toBe('(unreadable)');
    expect(boundedCopy({ a: { b: { c: { d: { e: 1 } } } } })).toEqual({ a: { b: { c: { d: '{…}' } } } });
  });
});
