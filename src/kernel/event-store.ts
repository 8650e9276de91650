/**
 * The event store port. Adapters (in memory, PostgreSQL) implement it; the command handler and
 * the projection runners only talk to this interface.
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { Option } from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { AnyEvent, StoredEvent } from './envelope.js';
import type { CommandAlreadyRecorded, ConcurrencyError, DomainError, StoreError } from './errors.js';

/**
 * What the writer believes the stream's version is: a number (0 = no events yet), or `'any'`
 * to skip the check.
 */
export type ExpectedVersion = number | 'any';

/** The expected version an append checks, and the ids that make it exactly-once. */
export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion;
  /**
   * Event ids for the appended events, in order; when omitted the store derives
   * `${commandId}/${index}` ids, deterministic and unique while command ids are.
   */
  readonly eventIds?: readonly string[];
  /**
   * The command these events were decided from. When given, the append also records the
   * command's outcome in the stream, in the same atomic step (`appended`; with no events,
   * `unchanged`), and fails with {@link CommandAlreadyRecorded} (writing nothing) when the
   * stream already holds an outcome for this id, whatever the expected version. This is what
   * makes a command apply exactly once under any race.
   */
  readonly commandId?: string;
}

/**
 * What a decided command came to, as the stream remembers it by `commandId`:
 * - `appended`: the events it appended;
 * - `refused`: the domain error it was refused with (nothing appended);
 * - `unchanged`: it was accepted but decided no events.
 * `version` is the stream's version right after the outcome was recorded (for `appended`, the
 * version of its last event).
 */
export type CommandOutcome<E extends AnyEvent = AnyEvent> =
  | { readonly kind: 'appended'; readonly version: number; readonly events: readonly StoredEvent<E>[] }
  | { readonly kind: 'refused'; readonly version: number; readonly error: DomainError }
  | { readonly kind: 'unchanged'; readonly version: number };

/** An outcome without events, recorded by {@link EventStore.recordOutcome}. */
export type EventlessOutcome =
  | { readonly kind: 'refused'; readonly error: DomainError }
  | { readonly kind: 'unchanged' };

/** What an append returns. */
export interface AppendResult<E extends AnyEvent> {
  /** The stream's version after the append. */
  readonly nextVersion: number;
  readonly events: readonly StoredEvent<E>[];
}

/** Where in a stream a read starts (a version). */
export interface ReadStreamOptions {
  /** First version to return (1-based, inclusive; default 1). */
  readonly fromVersion?: number;
}

/** A page of the global order: after which position, and how many events. */
export interface ReadAllOptions {
  /** Return events with a global position strictly greater than this (default 0: from the start). */
  readonly after?: number;
  /** At most this many events (default: all). */
  readonly limit?: number;
}

/** Where a catch-up subscription starts, what it calls per event, and how much it reads at once. */
export interface SubscribeOptions<E extends AnyEvent> {
  /** Deliver events after this global position (a checkpoint; default 0). */
  readonly after?: number;
  /** Called once per event, in global order; the next event waits for the returned promise. */
  readonly onEvent: (event: StoredEvent<E>) => void | Promise<void>;
  /** Called when reading fails; the subscription stops. */
  readonly onError?: (error: StoreError) => void;
  /** Events fetched per read (default 500). */
  readonly batchSize?: number;
}

/** A running catch-up subscription. */
export interface Subscription {
  /** Global position of the last event delivered. */
  readonly position: () => number;
  /**
   * Resolves once every event committed so far has been delivered: `right` then, or `left`
   * with the error that stopped the subscription. Never rejects.
   */
  readonly caughtUp: () => Promise<Either<StoreError, void>>;
  /** Stops delivery; resolves when the event in flight (if any) is done. */
  readonly stop: () => Promise<void>;
}

/** An append-only log of event streams with optimistic concurrency. */
export interface EventStore<E extends AnyEvent = AnyEvent> {
  /**
   * Appends events to a stream, all or none. Fails with a {@link ConcurrencyError} (writing
   * nothing) when the stream is not at `expectedVersion`, and with {@link CommandAlreadyRecorded}
   * when `commandId` is given and already has an outcome in the stream. Event ids are unique
   * within their stream (two streams may use the same ids): an id already in the stream fails
   * with a `StoreError`, writing nothing. What is kept is a copy (as JSON carries it): a caller
   * changing its objects afterwards changes nothing stored, and a value JSON cannot carry is
   * refused with `MalformedEvent`.
   */
  appendToStream(
    streamId: string,
    events: readonly E[],
    options: AppendOptions,
  ): TaskEither<ConcurrencyError | CommandAlreadyRecorded | StoreError, AppendResult<E>>;
  /** The stream's events from `fromVersion`, in version order. */
  readStream(
    streamId: string,
    options?: ReadStreamOptions,
  ): TaskEither<StoreError, readonly StoredEvent<E>[]>;
  /** Events of every stream in global order. Never skips an event committed later at a smaller position. */
  readAll(options?: ReadAllOptions): TaskEither<StoreError, readonly StoredEvent<E>[]>;
  /**
   * Records the outcome of a command that appended nothing (a refusal, or an empty decision),
   * so that the same `commandId` sent again returns it. Fails with
   * {@link CommandAlreadyRecorded} (recording nothing) when the stream already holds an
   * outcome for this id. The stream's version does not change.
   */
  recordOutcome(
    streamId: string,
    commandId: string,
    outcome: EventlessOutcome,
  ): TaskEither<CommandAlreadyRecorded | StoreError, CommandOutcome<E>>;
  /** The recorded outcome of a command in a stream, if any (idempotency). */
  findCommand(streamId: string, commandId: string): TaskEither<StoreError, Option<CommandOutcome<E>>>;
  /** A catch-up subscription over `readAll`, from a checkpoint. */
  subscribe(options: SubscribeOptions<E>): Subscription;
}
