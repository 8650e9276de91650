import { describe, expect, it } from 'vitest';
import { createAccountDecider } from '../../src/account/decider.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { formatRoubles, GIB } from '../../src/catalogue/units.js';
import { storageParts } from '../../src/storage/parts.js';
import { maxQuotaBytes, quotaBytes } from '../../src/storage/quota.js';
import { given } from '../../src/testing/index.js';
import { cmd, packAdded, setup, stored } from './fixtures.js';

const decider = createAccountDecider();
const gb = (bytes: number) => (bytes / GIB).toFixed(2);

describe('the seed storage dialog (issue 3, must show #1)', () => {
  const used = Math.round(0.92 * GIB);
  const history = [...setup(), stored('r1', used)];

  it('«Базовый» with 1 pack: 6.0 GB in all, 1 pack, 150 ₽ a month', () => {
    // The pack comes through the decider, as a customer would add it.
    const spec = given(decider, setup());
    const events = spec.when(cmd('AddStoragePack', {})).then((e) => expect(e).toHaveLength(1));
    const state = events.reduce(decider.evolve, spec.state);
    expect(quotaBytes(state)).toBe(6 * GIB);
    expect((quotaBytes(state) / GIB).toFixed(1)).toBe('6.0');
    expect(state.storage.packs).toHaveLength(1);
    expect(formatRoubles(state.storage.packs.reduce((sum, pack) => sum + pack.monthlyFee, 0))).toBe(
      '150,00 ₽',
    );
    expect(maxQuotaBytes(state, defaultCatalogue)).toBe(46 * GIB);
  });

  it('with 0.92 GB used: base part 0.08 of 1 GB free, the pack 5.00 of 5.00 GB free', () => {
    const state = given(decider, [...history, packAdded(1)]).state;
    const [base, pack, ...rest] = storageParts(state);
    expect(rest).toEqual([]);
    expect(base).toEqual({ sizeBytes: GIB, usedBytes: used, freeBytes: GIB - used });
    expect(gb(base!.freeBytes)).toBe('0.08');
    expect(pack).toEqual({ sizeBytes: 5 * GIB, usedBytes: 0, freeBytes: 5 * GIB });
    expect(`${gb(pack!.freeBytes)} из ${gb(pack!.sizeBytes)}`).toBe('5.00 из 5.00');
  });

  it('fills the base part first, then the packs in order', () => {
    const state = given(decider, [...setup(), packAdded(1), packAdded(2), stored('r1', 3 * GIB)]).state;
    expect(storageParts(state).map((part) => part.usedBytes)).toEqual([GIB, 2 * GIB, 0]);
  });
});
