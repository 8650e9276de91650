/**
 * A handler moves a state it folded itself, and handed to nobody, on in place; a state a
 * snapshot store may hold (loaded from it or saved to it) is only ever replaced, unless the store
 * keeps copies. Either way the state a decision sees is the fold of the whole stream.
 */
import { isLeft, right } from 'fp-ts/lib/Either.js';
import { isSome, none, some } from 'fp-ts/lib/Option.js';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/kernel/command-handler.js';
import { createDecider, type Recipe } from '../../src/kernel/decider.js';
import type { Command, Event } from '../../src/kernel/envelope.js';
import { createInMemoryEventStore } from '../../src/kernel/in-memory-event-store.js';
import {
  createInMemorySnapshotStore,
  type Snapshot,
  type SnapshotStore,
} from '../../src/kernel/snapshot-store.js';

type Add = Command<'Add', { value: number }>;
type Added = Event<'Added', { value: number }>;
interface Sums {
  total: number;
  values: number[];
}

/**
 * A decider that remembers every state its decisions saw (`seen`, the objects; `saw`, copies
 * taken then); `failOn` makes the recipe throw once, on that value.
 */
const summing = (failOn?: number) => {
  const seen: Sums[] = [];
  const saw: Sums[] = [];
  let failed = false;
  const recipe: Recipe<Sums, Added> = (draft, event) => {
    if (event.data.value === failOn && !failed) {
      failed = true;
      draft.total = -1; // half applied, then thrown
      throw new Error('recipe failed');
    }
    draft.total += event.data.value;
    draft.values.push(event.data.value);
  };
  const decider = createDecider<Add, Added, Sums>({
    initialState: { total: 0, values: [] },
    freshState: () => ({ total: 0, values: [] }),
    decide: (command, state) => {
      seen.push(state);
      saw.push(structuredClone(state));
      const metadata = { at: command.metadata.at, commandId: command.metadata.commandId, actor: 'test' };
      return right([{ type: 'Added', data: { value: command.data.value }, metadata }]);
    },
    recipe,
  });
  return { decider, seen, saw };
};

let sent = 0;
const add = (value: number): Add => ({
  type: 'Add',
  data: { value },
  metadata: { accountId: 'acc', commandId: `c-${++sent}`, at: '2025-05-01T10:00:00Z', actor: 'test' },
});

/** What a decision must see after `values` were added: their fold. */
const sums = (...values: number[]): Sums => ({ total: values.reduce((a, b) => a + b, 0), values });

const snapshotOf = async (store: SnapshotStore<Sums>) => {
  const loaded = await store.load('account-acc')();
  if (isLeft(loaded) || !isSome(loaded.right)) throw new Error('no snapshot');
  return loaded.right.value;
};

describe('a state the handler owns', () => {
  it('moves on in place, and each decision sees the fold of the whole stream', async () => {
    const { decider, seen, saw } = summing();
    const handler = createCommandHandler({ eventStore: createInMemoryEventStore<Added>(), decider });
    for (const value of [1, 2, 3]) expect(isLeft(await handler.execute(add(value)))).toBe(false);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toBe(seen[0]);
    expect(saw).toEqual([sums(), sums(1), sums(1, 2)]);
    expect(seen[2]).toEqual(sums(1, 2, 3));
  });

  it('after a recipe throws, is forgotten: the next command folds the stream afresh', async () => {
    const store = createInMemoryEventStore<Added>();
    const { decider, seen, saw } = summing(2);
    const handler = createCommandHandler({ eventStore: store, decider });
    await handler.execute(add(1));
    // The event is stored; moving the cached state on fails half way.
    await expect(handler.execute(add(2))).rejects.toThrow('recipe failed');
    await handler.execute(add(3));
    expect(seen[2]).not.toBe(seen[0]);
    expect(saw[2]).toEqual(sums(1, 2));
    const read = await store.readStream('account-acc')();
    expect(isLeft(read) ? [] : read.right.map((e) => e.data.value)).toEqual([1, 2, 3]);
  });
});

describe('a state a snapshot store holds', () => {
  it('once saved, is never changed: later commands replace it', async () => {
    const snapshots = createInMemorySnapshotStore<Sums>();
    const { decider, seen, saw } = summing();
    const handler = createCommandHandler({
      eventStore: createInMemoryEventStore<Added>(),
      decider,
      snapshots: { store: snapshots, every: 2, schemaVersion: 1 },
    });
    await handler.execute(add(1));
    await handler.execute(add(2)); // version 2: a snapshot of the state it moved on in place
    const saved = await snapshotOf(snapshots);
    expect(saved.state).toEqual(sums(1, 2));
    await handler.execute(add(3));
    await handler.execute(add(4));
    expect(saved.state).toEqual(sums(1, 2));
    expect(seen[1]).toBe(seen[0]); // owned until the snapshot
    expect(seen[2]).toBe(saved.state);
    expect(seen[3]).not.toBe(seen[2]); // replaced after it
    expect(saw[3]).toEqual(sums(1, 2, 3));
  });

  it('once loaded from it, is never changed', async () => {
    const store = createInMemoryEventStore<Added>();
    const snapshots = createInMemorySnapshotStore<Sums>();
    const policy = { store: snapshots, every: 2, schemaVersion: 1 };
    const writer = createCommandHandler({ eventStore: store, decider: summing().decider, snapshots: policy });
    await writer.execute(add(5));
    await writer.execute(add(6));
    const saved = await snapshotOf(snapshots);
    // A fresh handler starts from the snapshot, without a cache.
    const { decider, seen, saw } = summing();
    const reader = createCommandHandler({ eventStore: store, decider, snapshots: policy, cacheSize: 0 });
    await reader.execute(add(7));
    expect(seen[0]).toBe(saved.state);
    expect(saved.state).toEqual(sums(5, 6));
    await reader.execute(add(8));
    expect(saved.state).toEqual(sums(5, 6));
    expect(saw[1]).toEqual(sums(5, 6, 7));
  });
});

/** A snapshot store that serialises what it is given and parses what it hands out. */
const copyingSnapshotStore = (): SnapshotStore<Sums> & { readonly texts: Map<string, string> } => {
  const texts = new Map<string, string>();
  return {
    texts,
    keepsCopies: true,
    load: (streamId) => async () => {
      const text = texts.get(streamId);
      return right(text === undefined ? none : some(JSON.parse(text) as Snapshot<Sums>));
    },
    save: (snapshot) => async () => {
      texts.set(snapshot.streamId, JSON.stringify(snapshot));
      return right(undefined);
    },
  };
};

describe('a state a snapshot store keeping copies has seen', () => {
  it('is still moved on in place, and the saved snapshot is what the state was then', async () => {
    const snapshots = copyingSnapshotStore();
    const { decider, seen, saw } = summing();
    const handler = createCommandHandler({
      eventStore: createInMemoryEventStore<Added>(),
      decider,
      snapshots: { store: snapshots, every: 2, schemaVersion: 1 },
    });
    for (const value of [1, 2, 3, 4]) await handler.execute(add(value));
    expect(seen.every((state) => state === seen[0])).toBe(true);
    expect(saw[3]).toEqual(sums(1, 2, 3));
    expect((await snapshotOf(snapshots)).state).toEqual(sums(1, 2, 3, 4));
  });

  it('once loaded from it, is moved on in place', async () => {
    const store = createInMemoryEventStore<Added>();
    const snapshots = copyingSnapshotStore();
    const policy = { store: snapshots, every: 2, schemaVersion: 1 };
    const writer = createCommandHandler({ eventStore: store, decider: summing().decider, snapshots: policy });
    await writer.execute(add(5));
    await writer.execute(add(6));
    const { decider, seen, saw } = summing();
    const reader = createCommandHandler({ eventStore: store, decider, snapshots: policy });
    await reader.execute(add(7));
    await reader.execute(add(8));
    expect(seen[1]).toBe(seen[0]);
    expect(saw).toEqual([sums(5, 6), sums(5, 6, 7)]);
  });
});
