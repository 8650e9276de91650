/**
 * The peer: Emmett 0.42's `CommandHandler` over its in-memory event store, holding the same
 * account events, with the evolve a user of Emmett would write for this account: the
 * hand-written mutable fold (Maps, a heap for the eviction order) reading instants with
 * `Date.parse`, the parser a user has at hand. Its decision for `StoreRecording` adds packs and
 * evicts the oldest recordings as the account's rule says. Emmett keeps no state between
 * commands: every command reads and folds the whole stream.
 * @module
 */
import { CommandHandler, getInMemoryEventStore } from '@event-driven-io/emmett';
import type { AccountCommand } from '../../src/account/commands.js';
import type { AccountEvent } from '../../src/account/events.js';
import { emptyHandState, type HandState, handApplyWith } from './hand-fold.js';

const typicalApply = handApplyWith(Date.parse);

/** The evolve an Emmett user writes: mutate the state, return it. */
const evolve = (state: HandState, event: AccountEvent): HandState => {
  typicalApply(state, event);
  return state;
};

const PACK_BYTES = 5 * 1024 ** 3;
const PACK_FEE = 15_000;
const MAX_PACKS = 9;

/** Takes the oldest live, unpinned recordings off the heap until `bytes` are freed. */
const takeOldest = (s: HandState, bytes: number): { recordingId: string; sizeBytes: number }[] => {
  const taken: { recordingId: string; sizeBytes: number }[] = [];
  let freed = 0;
  const heap = s.queue;
  while (freed < bytes && heap.length > 0) {
    // The heap's order is by recorded instant then arrival; the head is the oldest.
    const head = heap[0]!;
    const held = s.recordings.get(head.id);
    if (held !== undefined && held.seq === head.seq && !held.pinned) {
      taken.push({ recordingId: head.id, sizeBytes: held.size });
      freed += held.size;
    } else if (held !== undefined && held.seq === head.seq) held.queued = false;
    // Emmett folds the events decided here onto this state: what is taken is evicted anyway.
    heap[0] = heap[heap.length - 1]!;
    heap.pop();
    siftDown(heap);
  }
  return taken;
};

const siftDown = (heap: HandState['queue']): void => {
  const n = heap.length;
  if (n === 0) return;
  const top = heap[0]!;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const a = heap[l]!;
    const child = r < n && (heap[r]!.ms < a.ms || (heap[r]!.ms === a.ms && heap[r]!.seq < a.seq)) ? r : l;
    const c = heap[child]!;
    if (!(c.ms < top.ms || (c.ms === top.ms && c.seq < top.seq))) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = top;
};

/** The peer's decision for a `StoreRecording`: packs first (auto-add), then evictions. */
const decideStore = (state: HandState, command: AccountCommand): AccountEvent[] => {
  if (command.type !== 'StoreRecording') throw new Error('the peer decides StoreRecording only');
  const data = command.data;
  const metadata = {
    at: command.metadata.at,
    commandId: command.metadata.commandId,
    actor: command.metadata.actor,
  };
  if (state.recordings.has(data.recordingId)) throw new Error(`${data.recordingId} exists`);
  const events: AccountEvent[] = [];
  let quota = state.terms?.baseStorageBytes ?? 0;
  for (const pack of state.packs) quota += pack.size;
  let packs = state.packs.length;
  while (state.autoAddPacks && state.usedBytes + data.sizeBytes > quota && packs < MAX_PACKS) {
    packs++;
    quota += PACK_BYTES;
    events.push({
      type: 'StoragePackAdded',
      data: { packs, sizeBytes: PACK_BYTES, monthlyFee: PACK_FEE, reason: 'auto' },
      metadata,
    });
  }
  const over = state.usedBytes + data.sizeBytes - quota;
  if (over > 0) {
    const recordings = takeOldest(state, over);
    const bytesFreed = recordings.reduce((sum, r) => sum + r.sizeBytes, 0);
    events.push({
      type: 'RecordingsEvicted',
      data: { reason: 'space-needed', recordings, bytesFreed, forRecordingId: data.recordingId },
      metadata,
    });
  }
  events.push({ type: 'RecordingStored', data: { ...data }, metadata });
  return events;
};

/** An Emmett store holding `events` in `streamId`, and a function handling one command on it. */
export const emmettPeer = async (streamId: string, events: readonly AccountEvent[]) => {
  const store = getInMemoryEventStore();
  for (let from = 0; from < events.length; from += 1_000) {
    await store.appendToStream(streamId, events.slice(from, from + 1_000) as never);
  }
  const handle = CommandHandler<HandState, never>({
    evolve: evolve as never,
    initialState: emptyHandState,
  });
  return {
    /** Reads and folds the stream, decides `command`, appends its events. */
    handle: async (command: AccountCommand): Promise<number> => {
      const result = await handle(store, streamId, (state) => decideStore(state, command) as never);
      return result.newEvents.length;
    },
  };
};
