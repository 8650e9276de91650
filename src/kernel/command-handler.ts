/**
 * The command handler: validate, look the command id up, load the stream's state (cache, or
 * snapshot + tail), decide, and record the outcome with the expected version. A command id has
 * one outcome per stream: appended events, a refusal or nothing; the first decision is recorded
 * atomically with it, and every later send of the id, through any handler over the same store,
 * gets that outcome back. A version conflict reloads the tail and decides again, up to
 * `maxRetries` times.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { RecipeDecider } from './decider.js';
import type { AnyEvent, Command } from './envelope.js';
import { type DomainError, type HandlerError, type ValidationError, validationError } from './errors.js';
import type { EventStore } from './event-store.js';
import { createExactlyOnce, type HandledCommand } from './exactly-once.js';
import { jsonCopy } from './json-copy.js';
import { createKeyedQueue } from './keyed-queue.js';
import { createInstruments, type MeterLike, type TracerLike } from './observability.js';
import { createStreamStates, type SnapshotPolicy } from './stream-states.js';
import { issueAt } from './validation.js';

export type { HandledCommand } from './exactly-once.js';
export type { SnapshotPolicy } from './stream-states.js';

/** The store and decider a handler works with, how it validates input, and its retry and cache bounds. */
export interface CommandHandlerOptions<
  C extends Command,
  E extends AnyEvent,
  State,
  Err extends DomainError = DomainError,
> {
  readonly eventStore: EventStore<E>;
  readonly decider: RecipeDecider<C, E, State, Err>;
  /**
   * Validates input into a command, before anything is looked up or decided (an invalid
   * command has no outcome to record). Run by every entry point: types do not carry length
   * limits or calendar dates. Without it, input is trusted as it is.
   */
  readonly decodeCommand?: (input: unknown) => Either<ValidationError, C>;
  /** The stream a command goes to (default `account-${metadata.accountId}`). */
  readonly streamIdOf?: (command: C) => string;
  readonly snapshots?: SnapshotPolicy<State>;
  /** Reloads and retries after a version conflict at most this many times (default 5). */
  readonly maxRetries?: number;
  /** Event ids (unique within the stream); default `${commandId}/${index}`. No randomness in the core. */
  readonly eventIdOf?: (command: C, index: number) => string;
  /**
   * How many streams' states to keep in memory (default 1 000; 0 disables the cache). With 0 and
   * no `snapshots`, a decider that has `scopedTo` folds only what each command's decision reads.
   */
  readonly cacheSize?: number;
  /** An OpenTelemetry tracer: one span per command (type, stream, version, outcome, retries). */
  readonly tracer?: TracerLike;
  /** An OpenTelemetry meter: counters of commands by outcome, of conflicts and of refusals. */
  readonly meter?: MeterLike;
}

/**
 * Handles commands against an event store, each command id once per stream. A repeat returns
 * the first outcome: the same events with `duplicate: true`, the same refusal, or nothing.
 */
export interface CommandHandler<
  C extends Command,
  E extends AnyEvent,
  Err extends DomainError = DomainError,
> {
  /** A typed command, checked at compile time (and validated again at run time). */
  readonly handle: (command: C) => TaskEither<HandlerError<Err>, HandledCommand<E>>;
  /** Untrusted input (parsed JSON): validated first, a `ValidationError` names the failing field. */
  readonly handleUnknown: (input: unknown) => TaskEither<HandlerError<Err>, HandledCommand<E>>;
  /** `handle` for async/await code: runs at once and resolves to the outcome, never rejects on a refusal. */
  readonly execute: (command: C) => Promise<Either<HandlerError<Err>, HandledCommand<E>>>;
}

/** The refusal type of a decider, e.g. a union of its error codes with their details. */
export type RefusalOf<D> = D extends {
  /** Any decide function: its refusal type is what is inferred. */
  decide: (...args: never[]) => Either<infer Err, unknown>;
}
  ? Err
  : never;

/** A copy of a command as JSON would carry it (what a store would keep of it), or why it has none. */
const ownCopy = <C>(command: C): Either<ValidationError, C> => {
  try {
    return right(jsonCopy(command, false) as C);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : 'not JSON';
    return left(validationError([issueAt('(root)', 'a command JSON can carry', why)]));
  }
};

/** A handler over any decider: each command id decided once per stream, conflicts retried. */
export const createCommandHandler = <
  C extends Command,
  E extends AnyEvent,
  State,
  Err extends DomainError = DomainError,
>(
  options: CommandHandlerOptions<C, E, State, Err>,
): CommandHandler<C, E, Err> => {
  type Result = Either<HandlerError<Err>, HandledCommand<E>>;
  const { eventStore, decider } = options;
  const streamIdOf = options.streamIdOf ?? ((c: C) => `account-${c.metadata.accountId}`);
  const eventIdOf = options.eventIdOf ?? ((c: C, i: number) => `${c.metadata.commandId}/${i}`);
  const states = createStreamStates<E, State>({
    eventStore,
    decider,
    snapshots: options.snapshots,
    cacheSize: options.cacheSize ?? 1000,
  });
  const instruments = createInstruments(options.tracer, options.meter);

  const decideAndRecord = createExactlyOnce({
    eventStore,
    decider,
    states,
    instruments,
    streamIdOf,
    eventIdOf,
    maxRetries: options.maxRetries ?? 5,
  });
  // One command at a time per stream within this handler: commands a service sends through one
  // instance never conflict with each other, only with other instances (those are retried).
  const queue = createKeyedQueue();

  const run = (input: unknown): Promise<Result> =>
    instruments.observe(input, (probe) => {
      const decoded = options.decodeCommand === undefined ? right(input as C) : options.decodeCommand(input);
      if (isLeft(decoded)) return Promise.resolve(decoded);
      // Decided later (after the lookup): on a copy taken now, so a caller changing its object
      // in the meantime changes nothing.
      const command = ownCopy(decoded.right);
      if (isLeft(command)) return Promise.resolve(command);
      probe.commandType = command.right.type;
      probe.commandId = command.right.metadata.commandId;
      const own = command.right;
      return queue.run(streamIdOf(own), () => decideAndRecord(own, probe));
    }) as Promise<Result>;

  return {
    handle: (command) => () => run(command),
    handleUnknown: (input) => () => run(input),
    execute: (command) => run(command),
  };
};
