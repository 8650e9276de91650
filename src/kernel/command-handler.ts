/**
 * The command handler: load the stream's state (cache, or snapshot + tail), decide, append with
 * the expected version. A version conflict reloads and decides again, up to `maxRetries` times.
 * Idempotent by `commandId`: a command already applied to its stream appends nothing and returns
 * the events it appended the first time, for any handler over the same store.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import { isSome } from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { RecipeDecider } from './decider.js';
import type { AnyEvent, Command, StoredEvent } from './envelope.js';
import type { DomainError, HandlerError, StoreError, ValidationError } from './errors.js';
import type { EventStore } from './event-store.js';
import type { SnapshotStore } from './snapshot-store.js';

/** Snapshot policy of a handler. */
export interface SnapshotPolicy<State> {
  readonly store: SnapshotStore<State>;
  /** Take a snapshot each time the stream version crosses a multiple of this (e.g. 1 000). */
  readonly every: number;
  /** The shape of the state; bump it when the state changes shape. */
  readonly schemaVersion: number;
}

/** Options of {@link createCommandHandler}. */
export interface CommandHandlerOptions<C extends Command, E extends AnyEvent, State> {
  readonly eventStore: EventStore<E>;
  readonly decider: RecipeDecider<C, E, State, DomainError>;
  /** Validates untrusted input into a command; without it `handle` trusts its argument. */
  readonly decodeCommand?: (input: unknown) => Either<ValidationError, C>;
  /** The stream a command goes to (default `account-${metadata.accountId}`). */
  readonly streamIdOf?: (command: C) => string;
  readonly snapshots?: SnapshotPolicy<State>;
  /** Reloads and retries after a version conflict at most this many times (default 5). */
  readonly maxRetries?: number;
  /** Event ids; default `${commandId}/${index}`. No randomness in the core. */
  readonly eventIdOf?: (command: C, index: number) => string;
  /** How many streams' states to keep in memory (default 1 000; 0 disables the cache). */
  readonly cacheSize?: number;
}

/** What a handled command produced. */
export interface HandledCommand<E extends AnyEvent> {
  /** The events the command appended (the first time, for a repeated command). */
  readonly events: readonly StoredEvent<E>[];
  /** The stream's version after them. */
  readonly version: number;
  /** `true` when the command had been handled before and nothing was appended now. */
  readonly duplicate: boolean;
}

/** Handles commands against an event store. */
export interface CommandHandler<E extends AnyEvent> {
  handle(command: unknown): TaskEither<HandlerError, HandledCommand<E>>;
}

interface Loaded<State> {
  readonly state: State;
  readonly version: number;
}

/** Creates a {@link CommandHandler}. */
export const createCommandHandler = <C extends Command, E extends AnyEvent, State>(
  options: CommandHandlerOptions<C, E, State>,
): CommandHandler<E> => {
  const { eventStore, decider, snapshots } = options;
  const maxRetries = options.maxRetries ?? 5;
  const cacheSize = options.cacheSize ?? 1000;
  const streamIdOf = options.streamIdOf ?? ((c: C) => `account-${c.metadata.accountId}`);
  const eventIdOf = options.eventIdOf ?? ((c: C, i: number) => `${c.metadata.commandId}/${i}`);
  // Cached states are only ever replaced, never mutated: others may still hold an older one.
  const cache = new Map<string, Loaded<State>>();

  const remember = (streamId: string, loaded: Loaded<State>) => {
    if (cacheSize <= 0) return;
    const current = cache.get(streamId);
    if (current !== undefined && current.version > loaded.version) return;
    cache.delete(streamId);
    cache.set(streamId, loaded);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  };

  const load = async (streamId: string): Promise<Either<StoreError, Loaded<State>>> => {
    let base: Loaded<State> | undefined = cache.get(streamId);
    if (base === undefined && snapshots !== undefined) {
      const snapshot = await snapshots.store.load(streamId)();
      if (isLeft(snapshot)) return snapshot;
      const found = snapshot.right;
      if (isSome(found) && found.value.schemaVersion === snapshots.schemaVersion) {
        // Shared with the snapshot store: must not be mutated either.
        base = { state: found.value.state, version: found.value.version };
      }
    }
    const tail = await eventStore.readStream(streamId, { fromVersion: (base?.version ?? 0) + 1 })();
    if (isLeft(tail)) return tail;
    const events = tail.right as unknown as readonly E[];
    const version = (base?.version ?? 0) + events.length;
    // A fresh history folds in place; a cached or snapshotted state is shared, so it goes through immer.
    let state: State;
    if (base === undefined) state = decider.fold(events);
    else if (events.length === 0) state = base.state;
    else state = decider.foldOnto(base.state, events);
    const loaded = { state, version };
    remember(streamId, loaded);
    return right(loaded);
  };

  const maybeSnapshot = async (streamId: string, before: number, after: Loaded<State>) => {
    if (snapshots === undefined || snapshots.every <= 0) return;
    if (Math.floor(before / snapshots.every) === Math.floor(after.version / snapshots.every)) return;
    // A failed snapshot only costs a longer load later; the command itself succeeded.
    await snapshots.store.save({
      streamId,
      version: after.version,
      schemaVersion: snapshots.schemaVersion,
      state: after.state,
    })();
  };

  const handleOnce = async (command: C): Promise<Either<HandlerError, HandledCommand<E>>> => {
    const streamId = streamIdOf(command);
    for (let attempt = 0; ; attempt++) {
      const previous = await eventStore.findCommand(streamId, command.metadata.commandId)();
      if (isLeft(previous)) return previous;
      if (isSome(previous.right)) {
        const events = previous.right.value;
        const version = events.length === 0 ? 0 : events[events.length - 1]!.metadata.version;
        return right({ events, version, duplicate: true });
      }
      const loaded = await load(streamId);
      if (isLeft(loaded)) return loaded;
      const decided = decider.decide(command, loaded.right.state);
      if (isLeft(decided)) return decided;
      if (decided.right.length === 0) {
        return right({ events: [], version: loaded.right.version, duplicate: false });
      }
      const eventIds = decided.right.map((_, i) => eventIdOf(command, i));
      const appended = await eventStore.appendToStream(streamId, decided.right, {
        expectedVersion: loaded.right.version,
        eventIds,
      })();
      if (isLeft(appended)) {
        if (appended.left._tag === 'ConcurrencyError' && attempt < maxRetries) {
          cache.delete(streamId);
          continue;
        }
        return appended;
      }
      const next: Loaded<State> = {
        state: decider.foldOnto(loaded.right.state, decided.right),
        version: appended.right.nextVersion,
      };
      remember(streamId, next);
      await maybeSnapshot(streamId, loaded.right.version, next);
      return right({ events: appended.right.events, version: next.version, duplicate: false });
    }
  };

  return {
    handle: (input) => async () => {
      if (options.decodeCommand === undefined) return handleOnce(input as C);
      const decoded = options.decodeCommand(input);
      return isLeft(decoded) ? left(decoded.left) : handleOnce(decoded.right);
    },
  };
};
