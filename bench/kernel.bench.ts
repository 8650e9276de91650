/**
 * Kernel benchmarks (issue 2):
 * - replay of 10^6 events of a decider whose state grows with history, as a ratio to a plain
 *   hand-written mutable fold over the same events (goal ≥ 0.5);
 * - handling one command on a stream of 10^5 events (state cached) as a ratio to the same
 *   command on a fresh stream (goal ≤ 3).
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { produce } from 'immer';
import { createCommandHandler, createInMemoryEventStore } from '../src/kernel/index.js';
import { type GuestbookEvent, guestbook, sign } from '../test/support/guestbook.js';
import { type BenchLine, type Benchmark, human, ratioLine, timeIt, timeItAsync } from './harness.js';

const meta = { at: '2025-04-21T10:00:00+03:00', commandId: 'c', actor: 'a' };

const history = (n: number): GuestbookEvent[] => {
  const events: GuestbookEvent[] = new Array(n);
  for (let i = 0; i < n; i++) {
    events[i] =
      i % 10 === 9
        ? { type: 'Forgotten', data: { guest: `guest-${(i * 7) % (n >> 2)}` }, metadata: meta }
        : {
            type: 'Signed',
            data: { guest: `guest-${i % (n >> 2)}`, visit: 1 + Math.floor(i / (n >> 2)) },
            metadata: meta,
          };
  }
  return events;
};

/** The reference: what a person would write by hand, a switch over a Map. */
const handWritten = (events: readonly GuestbookEvent[]) => {
  const guests = new Map<string, { visits: number; lastAt: string }>();
  let signatures = 0;
  for (const event of events) {
    if (event.type === 'Signed') {
      signatures++;
      guests.set(event.data.guest, { visits: event.data.visit, lastAt: event.metadata.at });
    } else guests.delete(event.data.guest);
  }
  return { signatures, size: guests.size };
};

const benchmark: Benchmark = {
  name: 'kernel',
  async run(scale) {
    const lines: BenchLine[] = [];
    const n = Math.max(10_000, Math.round(1_000_000 * scale));
    const events = history(n);

    const reference = timeIt(() => void handWritten(events));
    const replay = timeIt(() => void guestbook.fold(events));
    lines.push(
      ratioLine(
        `replay ${human(n)} events`,
        `fold ${replay.toFixed(0)} ms (${human((n / replay) * 1000)}/s) vs hand-written Map fold ${reference.toFixed(0)} ms`,
        reference / replay,
        { atLeast: 0.5 },
      ),
    );
    // For contrast: one immer produce around the whole batch (what the recipe design avoids).
    const m = Math.min(n, 200_000);
    const some = events.slice(0, m);
    const refSome = timeIt(() => void handWritten(some), 2);
    const batch = timeIt(
      () =>
        void produce(guestbook.initialState, (draft) => {
          for (const event of some) guestbook.recipe(draft, event);
        }),
      2,
    );
    lines.push({
      name: `one immer produce around ${human(m)} events (contrast)`,
      detail: `${batch.toFixed(0)} ms, ratio ${(refSome / batch).toFixed(3)} to the hand-written fold`,
    });

    // Incremental path: one command on a long stream (cached state) vs on a fresh stream.
    const long = Math.max(10_000, Math.round(100_000 * scale));
    const commands = 2_000;
    const store = createInMemoryEventStore<GuestbookEvent>();
    await store.appendToStream('long', history(long), { expectedVersion: 0 })();
    const handler = createCommandHandler({
      eventStore: store,
      decider: guestbook,
      streamIdOf: (c) => c.metadata.accountId,
    });
    const warm = await handler.handle(sign('warm-up', 'long', 'warm'))();
    if (isLeft(warm)) throw new Error(warm.left.message);
    let k = 0;
    const onLong = await timeItAsync(async () => {
      for (let i = 0; i < commands; i++) {
        const r = await handler.handle(sign(`guest-${i}`, 'long', `long-${k++}`))();
        if (isLeft(r)) throw new Error(r.left.message);
      }
    });
    const freshStore = createInMemoryEventStore<GuestbookEvent>();
    const freshHandler = createCommandHandler({
      eventStore: freshStore,
      decider: guestbook,
      streamIdOf: (c) => c.metadata.accountId,
    });
    const onFresh = await timeItAsync(async () => {
      for (let i = 0; i < commands; i++) {
        const r = await freshHandler.handle(sign(`guest-${i}`, `fresh-${k}`, `fresh-${k++}`))();
        if (isLeft(r)) throw new Error(r.left.message);
      }
    });
    lines.push(
      ratioLine(
        `one command on a ${human(long)}-event stream (cached) vs a fresh stream`,
        `${((onLong / commands) * 1000).toFixed(1)} µs vs ${((onFresh / commands) * 1000).toFixed(1)} µs per command`,
        onLong / onFresh,
        { atMost: 3 },
      ),
    );
    return lines;
  },
};

export default benchmark;
