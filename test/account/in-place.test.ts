/**
 * Moving an account state on in place (as a handler does with a state it owns) and through immer
 * (as with a state others may hold) give the same state, on random histories of every command.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAccountDecider, evolveAccount } from '../../src/account/decider.js';
import type { AccountStateDraft } from '../../src/account/state.js';
import { deepFreeze } from '../../src/kernel/decider.js';
import { historyFamilies } from '../properties/support/families.js';
import { openingInstant } from '../properties/support/property.js';
import { runSteps } from '../properties/support/runner.js';

const decider = createAccountDecider();

describe('an account state moved on in place', () => {
  it('equals the same state moved on through immer, from any point of any history', () => {
    let compared = 0;
    let events = 0;
    historyFamilies.forEach((family, i) => {
      for (const [startMs, steps] of fc.sample(fc.tuple(openingInstant, family), {
        numRuns: 40,
        seed: 1130 + i,
      })) {
        // Frozen, as stores hand events out: a recipe keeping a part of an event and changing it
        // later would throw here.
        const { log } = runSteps(steps, startMs, { replayEvery: 1_000_000, billing: false });
        for (const event of log) deepFreeze(event);
        events += log.length;
        for (const split of [0, log.length >> 2, log.length >> 1, log.length - 1]) {
          const before = log.slice(0, split);
          const after = log.slice(split);
          const shared = decider.fold(before);
          const throughImmer = decider.foldOnto(shared, after);
          const owned = decider.fold(before);
          for (const event of after) evolveAccount(owned as AccountStateDraft, event);
          expect(owned).toEqual(throughImmer);
          expect(shared).toEqual(decider.fold(before)); // immer left the state it was given alone
          compared++;
        }
      }
    });
    expect(compared).toBe(3 * 40 * 4);
    expect(events).toBeGreaterThan(2_000);
  });
});
