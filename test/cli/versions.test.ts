/**
 * A log whose events carry a schema version older than their shape (an in-memory store that was
 * given no registry stamps every event 1) replays as the events say: a renewal after a lapse
 * keeps starting a new period.
 */
import { describe, expect, it } from 'vitest';
import { type AccountEvent, createCommandHandler, createInMemoryEventStore } from '../../src/index.js';
import { cli, writeLog } from './fixtures.js';

const lapseAndLatePayment = async (): Promise<string[]> => {
  const eventStore = createInMemoryEventStore<AccountEvent>(); // no registry: every event stamped 1
  const handler = createCommandHandler({ eventStore });
  const sends: Array<[string, unknown, string]> = [
    ['OpenAccount', { tariffId: 'basic', autoRenewal: false }, '2025-04-21T10:00:00+03:00'],
    ['RenewSubscription', {}, '2025-05-21T10:00:00+03:00'],
    ['RenewSubscription', { manual: true }, '2025-05-25T12:00:00+03:00'],
  ];
  for (const [i, [type, data, at]] of sends.entries()) {
    const metadata = { commandId: `c${i}`, accountId: 'acme', at, actor: 'admin' };
    const handled = await handler.handleUnknown({ type, data, metadata })();
    if (handled._tag === 'Left') throw new Error(handled.left.message);
  }
  const all = await eventStore.readAll()();
  if (all._tag === 'Left') throw new Error(all.left.message);
  return all.right.map((event) => JSON.stringify(event));
};

describe('a log stamped with older schema versions', () => {
  it('keeps the fields its events have: the payment after the lapse starts a period of a month', async () => {
    const lines = await lapseAndLatePayment();
    expect(lines[2]).toContain('"restarted":true');
    expect(lines[2]).toContain('"schemaVersion":1');
    const run = await cli('explain-bill', writeLog(lines), '--period', '2025-05-26');
    expect(run.code).toBe(0);
    // Paid on 25.05 after 4 unpaid days: 25.05–24.06, 31 days, anchored on the payment.
    expect(run.out).toContain('Период 25.05.2025–24.06.2025 (31 день, Europe/Moscow)');
  });
});
