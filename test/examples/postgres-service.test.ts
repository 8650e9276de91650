import { describe, expect, it } from 'vitest';
import { startService } from '../../examples/postgres-service.js';
import { formatQuota, formatSmsBalance, monthlyFee } from '../../src/index.js';
import { freshSchema, testPool } from '../postgres/harness.js';

const pool = testPool(4);

const command = (n: number, type: string, data: unknown) => ({
  type,
  data,
  metadata: { commandId: `cmd-${n}`, accountId: 'acme', at: '2025-04-21T10:00:00+03:00', actor: 'admin' },
});

describe('examples/postgres-service.ts (docs/integrating.md)', () => {
  it('handles commands on PostgreSQL with an inline and a catch-up projection, and resumes from the checkpoint', async () => {
    const schema = await freshSchema(pool, 'example');
    const service = await startService(pool, schema);
    const commands = [
      command(1, 'OpenAccount', { tariffId: 'basic' }),
      command(2, 'AddStoragePack', {}),
      command(3, 'PurchaseSmsPackage', { size: 500 }),
    ];
    for (const c of commands) expect((await service.handler.handleUnknown(c)())._tag).toBe('Right');
    expect(formatSmsBalance(service.inline.views('account-acme')!.smsBalance)).toBe(
      'ДОСТУПНО SMS: 500 ИЗ 500',
    );

    await service.projector.caughtUp();
    const views = service.projector.views('account-acme')!;
    expect(formatQuota(views.quotaUsage).volume).toBe('Объем: 6.0 ГБ');
    expect(monthlyFee(views.billing).total).toBe(150_000 + 15_000);
    await service.projector.stop();

    // A restarted service: a repeated command appends nothing; the projector picks up where it stopped.
    const again = await startService(pool, schema);
    const repeated = await again.handler.handleUnknown(commands[1])();
    expect(repeated).toMatchObject({ _tag: 'Right', right: { duplicate: true, version: 2 } });
    await again.projector.caughtUp();
    expect(again.projector.state().position).toBe(3);
    expect(monthlyFee(again.projector.views('account-acme')!.billing).total).toBe(165_000);
    await again.projector.stop();
  });
});
