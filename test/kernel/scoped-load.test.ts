/**
 * A handler that keeps nothing between commands (no cache, no snapshots) folds a stream for the
 * command at hand only, when its decider knows what the decision reads; any handler that keeps
 * states folds everything, and a scoped state is never cached, snapshotted or handed on.
 */
import { isLeft, right } from 'fp-ts/lib/Either.js';
import { isSome } from 'fp-ts/lib/Option.js';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/kernel/command-handler.js';
import { createDecider, type Recipe } from '../../src/kernel/decider.js';
import type { Command, Event } from '../../src/kernel/envelope.js';
import type { EventStore } from '../../src/kernel/event-store.js';
import { createInMemoryEventStore } from '../../src/kernel/in-memory-event-store.js';
import { createInMemorySnapshotStore } from '../../src/kernel/snapshot-store.js';

// Two tallies; a command reads only its own, and its event records the tally it saw, plus one.
type TallyCommand = Command<'CountA', Record<string, never>> | Command<'CountB', Record<string, never>>;
type TallyEvent = Event<'CountedA', { value: number }> | Event<'CountedB', { value: number }>;
interface Tallies {
  a: number;
  b: number;
}

const makeTallies = () => {
  const ran = { whole: 0, scoped: 0 };
  const apply = (draft: Tallies, event: TallyEvent) => {
    if (event.type === 'CountedA') draft.a = event.data.value;
    else draft.b = event.data.value;
  };
  const whole: Recipe<Tallies, TallyEvent> = (draft, event) => {
    ran.whole++;
    apply(draft, event);
  };
  const only =
    (type: TallyEvent['type']): Recipe<Tallies, TallyEvent> =>
    (draft, event) => {
      ran.scoped++;
      if (event.type === type) apply(draft, event);
    };
  const decider = createDecider<TallyCommand, TallyEvent, Tallies>({
    initialState: { a: 0, b: 0 },
    decide: (command, state) => {
      const metadata = { at: command.metadata.at, commandId: command.metadata.commandId, actor: 'test' };
      return right([
        command.type === 'CountA'
          ? { type: 'CountedA', data: { value: state.a + 1 }, metadata }
          : { type: 'CountedB', data: { value: state.b + 1 }, metadata },
      ]);
    },
    recipe: whole,
    recipeFor: (command) => only(command.type === 'CountA' ? 'CountedA' : 'CountedB'),
  });
  return { decider, ran };
};

let sent = 0;
const count = (type: TallyCommand['type']): TallyCommand => ({
  type,
  data: {},
  metadata: { accountId: 'acc', commandId: `c-${++sent}`, at: '2025-05-01T10:00:00Z', actor: 'test' },
});

const valuesOf = async (store: EventStore<TallyEvent>) => {
  const read = await store.readStream('account-acc')();
  if (isLeft(read)) throw new Error(read.left.message);
  return read.right.map((e) => `${e.type}=${e.data.value}`);
};

const history = async (store: EventStore<TallyEvent>, counts: readonly TallyCommand['type'][]) => {
  const { decider } = makeTallies();
  const filler = createCommandHandler({ eventStore: store, decider });
  for (const type of counts) {
    const done = await filler.execute(count(type));
    if (isLeft(done)) throw new Error(done.left.message);
  }
};

describe('loading for one command', () => {
  it('without a cache or snapshots, folds with the recipe scoped to the command', async () => {
    const store = createInMemoryEventStore<TallyEvent>();
    await history(store, ['CountA', 'CountB', 'CountA', 'CountB', 'CountB']);
    const { decider, ran } = makeTallies();
    const cold = createCommandHandler({ eventStore: store, decider, cacheSize: 0 });
    const result = await cold.execute(count('CountA'));
    expect(isLeft(result)).toBe(false);
    expect(ran).toEqual({ whole: 0, scoped: 5 }); // five events loaded; its own not folded on: nobody keeps it
    expect((await valuesOf(store)).at(-1)).toBe('CountedA=3');
  });

  it('with a cache, folds the whole history (the state is kept for every later command)', async () => {
    const store = createInMemoryEventStore<TallyEvent>();
    await history(store, ['CountA', 'CountB', 'CountB']);
    const { decider, ran } = makeTallies();
    const cached = createCommandHandler({ eventStore: store, decider });
    await cached.execute(count('CountB'));
    await cached.execute(count('CountA'));
    expect(ran.scoped).toBe(0);
    expect((await valuesOf(store)).slice(-2)).toEqual(['CountedB=3', 'CountedA=2']);
  });

  it('with snapshots, folds the whole history and snapshots the whole state', async () => {
    const store = createInMemoryEventStore<TallyEvent>();
    await history(store, ['CountA', 'CountB', 'CountB']);
    const { decider, ran } = makeTallies();
    const snapshots = createInMemorySnapshotStore<Tallies>();
    const cold = createCommandHandler({
      eventStore: store,
      decider,
      cacheSize: 0,
      snapshots: { store: snapshots, every: 4, schemaVersion: 1 },
    });
    await cold.execute(count('CountA'));
    expect(ran).toEqual({ whole: 4, scoped: 0 }); // three loaded, its own folded on for the snapshot
    const saved = await snapshots.load('account-acc')();
    if (isLeft(saved) || !isSome(saved.right)) throw new Error('no snapshot');
    expect(saved.right.value.state).toEqual({ a: 2, b: 2 });
    // Version 5 is no multiple of 4: nothing is kept, so its own event is not folded on.
    await cold.execute(count('CountB'));
    expect(ran).toEqual({ whole: 4, scoped: 0 }); // loaded from the snapshot with no tail, nothing after
    expect((await valuesOf(store)).at(-1)).toBe('CountedB=3');
  });

  it('after a conflict, catches up with the scoped recipe and decides on what it must see', async () => {
    const store = createInMemoryEventStore<TallyEvent>();
    await history(store, ['CountA', 'CountB']);
    // Another writer appends an A and a B between this handler's load and its append.
    let interfered = false;
    const racing: EventStore<TallyEvent> = {
      ...store,
      readStream: (streamId, options) => async () => {
        const read = await store.readStream(streamId, options)();
        if (!interfered) {
          interfered = true;
          await history(store, ['CountA', 'CountB']);
        }
        return read;
      },
    };
    const { decider, ran } = makeTallies();
    const cold = createCommandHandler({ eventStore: racing, decider, cacheSize: 0 });
    const result = await cold.execute(count('CountA'));
    expect(isLeft(result)).toBe(false);
    expect(await valuesOf(store)).toEqual([
      'CountedA=1',
      'CountedB=1',
      'CountedA=2',
      'CountedB=2',
      'CountedA=3',
    ]);
    expect(ran).toEqual({ whole: 0, scoped: 4 }); // two loaded, then the other writer's two
  });
});
