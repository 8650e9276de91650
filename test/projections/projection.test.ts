import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/kernel/decider.js';
import {
  type ChunkedList,
  emptyChunkedList,
  itemAt,
  lastItem,
  listItems,
  lowerBound,
  pushItem,
} from '../../src/projections/chunked-list.js';
import {
  accountProjections,
  createProjection,
  type ProjectionSet,
  project,
} from '../../src/projections/index.js';
import { allSampleEvents } from './builders.js';

describe('createProjection', () => {
  const counter = createProjection<{ events: number; types: string[] }, { type: string }>({
    name: 'counter',
    initial: { events: 0, types: [] },
    recipe: (view, event) => {
      view.events += 1;
      view.types.push(event.type);
    },
  });

  it('folds a list privately and leaves the initial view alone', () => {
    const view = project(counter, [{ type: 'a' }, { type: 'b' }]);
    expect(view).toEqual({ events: 2, types: ['a', 'b'] });
    expect(counter.initial).toEqual({ events: 0, types: [] });
  });

  it('applies one event to a view others hold without changing it (frozen view)', () => {
    const held = deepFreeze(counter.fold([{ type: 'a' }]));
    const next = counter.apply(held, { type: 'b' });
    expect(held).toEqual({ events: 1, types: ['a'] });
    expect(next).toEqual({ events: 2, types: ['a', 'b'] });
    expect(counter.foldOnto(held, [{ type: 'c' }, { type: 'd' }]).events).toBe(3);
  });

  it('gives the same view event by event as over a list, for every account projection', () => {
    const events = allSampleEvents();
    const all: ProjectionSet = accountProjections;
    for (const projection of Object.values(all)) {
      const oneByOne = events.reduce(
        (view, event) => projection.apply(view as never, event),
        projection.initial,
      );
      expect(oneByOne, projection.name).toStrictEqual(projection.fold(events));
    }
  });
});

describe('chunked list', () => {
  const filled = (n: number): ChunkedList<number> => {
    const list = emptyChunkedList<number>();
    for (let i = 0; i < n; i++) pushItem(list, i * 2);
    return list;
  };

  it('keeps items in order across levels of the trie', () => {
    const list = filled(33 * 32 + 5);
    expect(list.depth).toBe(2);
    expect(itemAt(list, 0)).toBe(0);
    expect(itemAt(list, 1000)).toBe(2000);
    expect(lastItem(list)).toBe((33 * 32 + 4) * 2);
    expect(itemAt(list, list.length)).toBeUndefined();
    expect([...listItems(list, 1058, 2000)]).toEqual([2116, 2118, 2120]);
  });

  it('finds the first item not before a value by binary search', () => {
    const list = filled(100);
    expect(lowerBound(list, (x) => x < 51)).toBe(26);
    expect(lowerBound(list, () => true)).toBe(100);
    expect(lowerBound(emptyChunkedList<number>(), () => true)).toBe(0);
  });

  it('appends through immer copying one path, sharing every other leaf', () => {
    const base = deepFreeze(filled(32 * 32));
    const next = produce(base, (draft) => pushItem(draft as ChunkedList<number>, -1));
    expect(next.length).toBe(32 * 32 + 1);
    expect(itemAt(next, 32 * 32)).toBe(-1);
    expect(base.length).toBe(32 * 32);
    expect((next.root[0] as unknown[])[5]).toBe((base.root as unknown[])[5]);
  });
});

describe('a projection is a function of a list of events', () => {
  it('calling it folds the list, the same as fold and as apply event by event', async () => {
    const { quotaUsage, smsBalance } = await import('../../src/projections/index.js');
    const { allSampleEvents } = await import('./builders.js');
    const events = allSampleEvents();
    expect(quotaUsage(events)).toEqual(quotaUsage.fold(events));
    expect(smsBalance(events)).toEqual(events.reduce(smsBalance.apply, smsBalance.initial));
    expect(quotaUsage.name).toBe('quotaUsage');
  });
});
