import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID, openCabinet } from '../../examples/cabinet/cabinet.js';
import { postgresEventStore } from '../../examples/cabinet/store.js';
import { accountStreamId, formatQuota } from '../../src/index.js';
import { freshSchema, testPool } from '../postgres/harness.js';

const pool = testPool(4);
const SMALL_MONTH = { calls: 300, seed: 42 };

describe('the cabinet on PostgreSQL (PBX_PG_URL)', () => {
  it('seeds a new database once; a restart reads the account back, with what the page sent', async () => {
    const eventStore = await postgresEventStore(pool, await freshSchema(pool, 'cabinet'));
    const streamLength = async () => {
      const read = await eventStore.readStream(accountStreamId(ACCOUNT_ID))();
      return isRight(read) ? read.right.length : -1;
    };

    const first = await openCabinet(eventStore, SMALL_MONTH);
    const seeded = await streamLength();
    expect(seeded).toBeGreaterThan(1_000);
    const packs = first.views().quotaUsage.packs.length;
    const added = await first.send('AddStoragePack', {}, 'page-1');
    expect(added.ok).toBe(true);

    const restarted = await openCabinet(eventStore, SMALL_MONTH);
    expect(await streamLength()).toBe(seeded + 1);
    expect(restarted.views().quotaUsage.packs).toHaveLength(packs + 1);
    expect(formatQuota(restarted.views().quotaUsage)).toEqual(formatQuota(first.views().quotaUsage));
    expect(restarted.views().numberOptions.rows.size).toBe(142);
    // The page's clock goes on after the latest stored event, so the next command is in order.
    expect(Date.parse(restarted.now())).toBe(Date.parse(first.now()));
    expect((await restarted.send('SetAutoAddPacks', { enabled: false }, 'page-2')).ok).toBe(true);
  });
});
