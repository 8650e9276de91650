import { describe, expect, it } from 'vitest';
import { concurrency, decideAndEvolve, idempotency, validate } from '../../examples/concepts.js';

describe('examples/concepts.ts (docs/concepts.md)', () => {
  it('decides, evolves and replays', () => {
    const { opened, state, added, refused, sameState } = decideAndEvolve();
    expect(opened.map((e) => e.type)).toEqual(['AccountOpened']);
    expect(state.tariff.accountId).toBe('acme');
    expect(added).toMatchObject({
      _tag: 'Right',
      right: [{ type: 'StoragePackAdded', data: { packs: 1, monthlyFee: 15_000 } }],
    });
    expect(refused).toMatchObject({ _tag: 'Left', left: { code: 'RenewalNotDue' } });
    expect(sameState).toEqual(state);
  });

  it('names the failing path of untrusted input', () => {
    expect(validate()).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'ValidationError', message: 'data.months: expected an integer from 1 to 12, got 13' },
    });
  });

  it('appends a repeated command once and returns its first outcome', async () => {
    const { first, again, stream } = await idempotency();
    expect(first).toMatchObject({ _tag: 'Right', right: { version: 1, duplicate: false } });
    expect(again).toMatchObject({ _tag: 'Right', right: { version: 1, duplicate: true } });
    if (first._tag === 'Right' && again._tag === 'Right')
      expect(again.right.events).toEqual(first.right.events);
    expect(stream).toMatchObject({ _tag: 'Right', right: [{ type: 'AccountOpened' }] });
  });

  it('retries a conflict in the handler; a stale append is refused', async () => {
    const { x, y, stale } = await concurrency();
    const versions = [x, y].map((r) => (r._tag === 'Right' ? r.right.version : -1)).sort();
    expect(versions).toEqual([2, 3]);
    expect(stale).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'ConcurrencyError', expectedVersion: 1, actualVersion: 3 },
    });
  });
});
