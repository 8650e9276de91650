import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredAccountEvent } from '../../src/index.js';
import { billing } from '../../src/projections/billing.js';
import { statement } from '../../src/projections/billing-statement.js';
import { formatSmsBalance, smsBalance } from '../../src/projections/sms-balance.js';
import { cli, logLines, writeLog } from './fixtures.js';

let lines: string[];
let file: string;

beforeAll(async () => {
  lines = await logLines(3_000);
  file = writeLog(lines);
});

const events = () => lines.map((line) => JSON.parse(line) as StoredAccountEvent);

describe('pbx-options replay', () => {
  it('replays a valid log and prints every read model, exit code 0', async () => {
    const run = await cli('replay', file);
    expect(run.code).toBe(0);
    expect(run.out).toContain('account romashka (stream account-romashka): 3000 events, version 3000');
    expect(run.out).toContain('Объем: ');
    expect(run.out).toContain(formatSmsBalance(smsBalance.fold(events())));
    expect(run.out).toContain('Итого за период: ');
    expect(run.out).toContain('История (последние 20 из 3\u00a0000)');
    expect(run.err).toBe(`${file}: 3000 lines, 3000 events in 1 stream; every line valid\n`);
  });

  it('prints only the projections asked for', async () => {
    const run = await cli('replay', file, '--projection', 'sms', '--projection', 'quota');
    expect(run.code).toBe(0);
    expect(run.out).toContain('ДОСТУПНО SMS:');
    expect(run.out).toContain('Объем: ');
    expect(run.out).not.toContain('Итого за период');
    expect(run.out).not.toContain('История');
  });

  it('gives the same statement as the billing projection folded in memory', async () => {
    const run = await cli('replay', file, '--projection', 'billing', '--period', '2025-05-01', '--json');
    const doc = JSON.parse(run.out) as { accounts: Array<{ billing: { statement: { total: number } } }> };
    const expected = statement(billing.fold(events()), '2025-05-01');
    expect(expected).not.toBeNull();
    expect(doc.accounts[0]?.billing.statement.total).toBe(expected?.total);
  });

  it('--json prints one document with every account, its views and the skipped lines', async () => {
    const run = await cli('replay', file, '--json', '--limit', '3');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.out);
    expect(doc).toMatchObject({
      file,
      lines: 3000,
      events: 3000,
      stopped: false,
      skipped: { count: 0, lines: [] },
      gaps: { count: 0, gaps: [] },
    });
    expect(doc.accounts).toHaveLength(1);
    const account = doc.accounts[0];
    expect(account).toMatchObject({
      streamId: 'account-romashka',
      accountId: 'romashka',
      events: 3000,
      lastVersion: 3000,
    });
    expect(account.quota).toMatchObject({ packs: expect.any(Number), quotaBytes: expect.any(Number) });
    expect(account.quota.text.volume).toMatch(/^Объем: \d+\.\d ГБ$/);
    expect(account.sms.text).toMatch(/^ДОСТУПНО SMS: [\d\u00a0]+ ИЗ [\d\u00a0]+$/);
    expect(account.billing.monthlyFee.total).toBeGreaterThan(0);
    expect(account.billing.statement.lines[0]).toMatchObject({ item: 'tariff', label: 'Тариф «Базовый»' });
    expect(account.history.total).toBe(3000);
    expect(account.history.lines).toHaveLength(3);
    expect(account.history.lines[0].index).toBe(2999);
  });

  it('with --period, the history counts only that period', async () => {
    const run = await cli('replay', file, '--projection', 'history', '--period', '2030-01-01', '--json');
    expect(JSON.parse(run.out).accounts[0].history).toEqual({ total: 0, lines: [] });
  });
});

describe('a log of several accounts', () => {
  it('keeps one set of views per stream, in the order streams first appear', async () => {
    const other = lines.slice(0, 500).map((line) => line.replaceAll('romashka', 'lilia'));
    const mixed = lines.slice(0, 500).flatMap((line, i) => [line, other[i] as string]);
    const run = await cli('replay', writeLog(mixed), '--projection', 'sms', '--json');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.out) as {
      accounts: Array<{ accountId: string; events: number; sms: unknown }>;
    };
    expect(doc.accounts.map((a) => [a.accountId, a.events])).toEqual([
      ['romashka', 500],
      ['lilia', 500],
    ]);
    expect(doc.accounts[1]?.sms).toEqual(doc.accounts[0]?.sms);
    const one = await cli('explain-bill', writeLog(mixed), '--account', 'lilia');
    expect(one.out.match(/^account /gm)).toHaveLength(1);
    expect(one.out).toContain('account lilia (stream account-lilia)');
  });
});

describe('pbx-options explain-bill', () => {
  it("prints each line's formula and the days behind it, in runs or (--daily) day by day", async () => {
    const run = await cli('explain-bill', file, '--period', '2025-04-25');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Счёт. Период 21.04.2025–20.05.2025 (30 дней, Europe/Moscow)');
    expect(run.out).toContain(
      'Тариф «Базовый»\n  1\u00a0500,00 ₽ × 30 / 30 = 1\u00a0500,00 ₽\n  21.04.2025–20.05.2025  30 дней × 1 = 30  +1\u00a0500,00 ₽\n',
    );
    expect(run.out).toMatch(/Итого за период: [\d\u00a0]+,\d\d ₽/);
    const daily = await cli('explain-bill', file, '--period', '2025-04-25', '--daily');
    expect(daily.out).toContain(
      'Умный перезвон\n  400,00 ₽ × 30 / 30 = 400,00 ₽\n  21.04.2025  1 день × 1 = 1  +13,33 ₽\n  22.04.2025  1 день × 1 = 1  +13,34 ₽\n',
    );
  });

  it('--json gives each line with its days adding up to the amount', async () => {
    const run = await cli('explain-bill', file, '--period', '2025-04-25', '--json');
    const doc = JSON.parse(run.out) as {
      accounts: Array<{
        statement: { total: number; lines: Array<{ amount: number; days: Array<{ accrual: number }> }> };
      }>;
    };
    const s = doc.accounts[0]?.statement;
    expect(s?.lines.length).toBeGreaterThan(3);
    for (const line of s?.lines ?? [])
      expect(line.days.reduce((sum, d) => sum + d.accrual, 0)).toBe(line.amount);
    expect(s?.lines.reduce((sum, l) => sum + l.amount, 0)).toBe(s?.total);
  });

  it('--account picks one account; an unknown one prints nothing and warns, exit code 1', async () => {
    expect((await cli('explain-bill', file, '--account', 'romashka')).out).toContain('account romashka');
    const unknown = await cli('explain-bill', file, '--account', 'nobody');
    expect(unknown.out).toBe('');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain(
      'warning: --account nobody: no such account in the log (it has romashka)\n',
    );
  });
});
