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
  /** Validates, decides and appends one command; idempotent by `commandId`. */
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

  const duplicateOf = (events: readonly StoredEvent<E>[]): HandledCommand<E> => ({
    events,
    version: events.length === 0 ? 0 : events[events.length - 1]!.metadata.version,
    duplicate: true,
  });

  const handleOnce = async (command: C): Promise<Either<HandlerError, HandledCommand<E>>> => {
    const streamId = streamIdOf(command);
    const { commandId } = command.metadata;
    const previous = await eventStore.findCommand(streamId, commandId)();
    if (isLeft(previous)) return previous;
    if (isSome(previous.right)) return right(duplicateOf(previous.right.value));
    const first = await load(streamId);
    if (isLeft(first)) return first;
    let loaded = first.right;
    for (let attempt = 0; ; attempt++) {
      const decided = decider.decide(command, loaded.state);
      if (isLeft(decided)) return decided;
      if (decided.right.length === 0) return right({ events: [], version: loaded.version, duplicate: false });
      const eventIds = decided.right.map((_, i) => eventIdOf(command, i));
      const appended = await eventStore.appendToStream(streamId, decided.right, {
        expectedVersion: loaded.version,
        eventIds,
      })();
      if (isLeft(appended)) {
        if (appended.left._tag !== 'ConcurrencyError' || attempt >= maxRetries) return appended;
        // Catch up with what others appended: only the tail, and one round trip, so a retry
        // is quicker than a fresh command and a busy stream cannot starve it.
        const tail = await eventStore.readStream(streamId, { fromVersion: loaded.version + 1 })();
        if (isLeft(tail)) return tail;
        const ours = tail.right.filter((event) => event.metadata.commandId === commandId);
        if (ours.length > 0) return right(duplicateOf(ours));
        loaded = {
          state: decider.foldOnto(loaded.state, tail.right as unknown as readonly E[]),
          version: loaded.version + tail.right.length,
        };
        remember(streamId, loaded);
        continue;
      }
      const next: Loaded<State> = {
        state: decider.foldOnto(loaded.state, decided.right),
        version: appended.right.nextVersion,
      };
      remember(streamId, next);
      await maybeSnapshot(streamId, loaded.version, next);
      return right({ events: appended.right.events, version: next.version, duplicate: false });
    }
  };

  // One command at a time per stream within this handler: commands a service sends through one
  // instance never conflict with each other, only with other instances (retried above).
  const queues = new Map<string, Promise<unknown>>();
  const serialised = (command: C): Promise<Either<HandlerError, HandledCommand<E>>> => {
    const streamId = streamIdOf(command);
    const previous = queues.get(streamId) ?? Promise.resolve();
    const run = previous.then(() => handleOnce(command));
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(streamId, settled);
    void settled.then(() => {
      if (queues.get(streamId) === settled) queues.delete(streamId);
    });
    return run;
  };

  return {
    handle: (input) => async () => {
      if (options.decodeCommand === undefined) return serialised(input as C);
      const decoded = options.decodeCommand(input);
      return isLeft(decoded) ? left(decoded.left) : serialised(decoded.right);
    },
  };
};
