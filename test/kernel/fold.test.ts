import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkedEntries, deepFreeze, getEntry } from '../../src/kernel/index.js';
import { type GuestbookEvent, guestbook } from '../support/guestbook.js';

const meta = { at: '2025-04-21T10:00:00+03:00', commandId: 'c', actor: 'a' };
const eventArb: fc.Arbitrary<GuestbookEvent> = fc.oneof(
  fc
    .record({
      guest: fc.constantFrom('ann', 'bob', 'cid', 'dan', 'eve', '__proto__x'),
      visit: fc.integer({ min: 1, max: 9 }),
    })
    .map((data) => ({ type: 'Signed' as const, data, metadata: meta })),
  fc
    .constantFrom('ann', 'bob', 'zed')
    .map((guest) => ({ type: 'Forgotten' as const, data: { guest }, metadata: meta })),
);

describe('folding', () => {
  it('fold(snapshot + tail) equals fold(all events), for any history and any split', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), fc.nat(), (events, at) => {
        const split = events.length === 0 ? 0 : at % (events.length + 1);
        const snapshot = deepFreeze(guestbook.fold(events.slice(0, split)));
        const resumed = guestbook.foldOnto(snapshot, events.slice(split));
        expect(resumed).toEqual(guestbook.fold(events));
      }),
      { numRuns: 300 },
    );
  });

  it('evolve one event at a time equals the batch fold, and never changes the state it was given', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        let state = deepFreeze(guestbook.fold([]));
        for (const event of events) {
          const before = structuredClone(state);
          const next = guestbook.evolve(state, event);
          expect(state).toEqual(before);
          state = deepFreeze(next);
        }
        expect(state).toEqual(guestbook.fold(events));
      }),
      { numRuns: 200 },
    );
  });

  it('a fold does not touch the initial state', () => {
    const initial = structuredClone(guestbook.initialState);
    guestbook.fold([{ type: 'Signed', data: { guest: 'ann', visit: 1 }, metadata: meta }]);
    expect(guestbook.initialState).toEqual(initial);
    expect(getEntry(guestbook.initialState.guests, 'ann')).toBeUndefined();
  });

  it('an incremental update copies one bucket, not the collection', () => {
    const events: GuestbookEvent[] = Array.from({ length: 20_000 }, (_, i) => ({
      type: 'Signed',
      data: { guest: `g${i}`, visit: 1 },
      metadata: meta,
    }));
    const big = guestbook.fold(events);
    const next = guestbook.evolve(big, { type: 'Signed', data: { guest: 'g7', visit: 2 }, metadata: meta });
    // Buckets not on the changed path are shared by reference (structural sharing).
    let shared = 0;
    let total = 0;
    big.guests.buckets.forEach((level, i) => {
      level?.forEach((bucket, j) => {
        total++;
        if (next.guests.buckets[i]?.[j] === bucket) shared++;
      });
    });
    expect(total - shared).toBe(1);
    expect(getEntry(next.guests, 'g7')?.visits).toBe(2);
    expect(getEntry(big.guests, 'g7')?.visits).toBe(1);
    expect([...chunkedEntries(next.guests)]).toHaveLength(20_000);
  });
});
