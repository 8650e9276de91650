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
import { isSome } from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { RecipeDecider } from './decider.js';
import type { AnyEvent, Command, StoredEvent } from './envelope.js';
import { type DomainError, type HandlerError, type ValidationError, validationError } from './errors.js';
import type { CommandOutcome, EventlessOutcome, EventStore } from './event-store.js';
import { jsonCopy } from './json-copy.js';
import { type CommandProbe, createInstruments, type MeterLike, type TracerLike } from './observability.js';
import { createStreamStates, type Loaded, type SnapshotPolicy } from './stream-states.js';
import { issueAt } from './validation.js';

export type { SnapshotPolicy } from './stream-states.js';

/** Options of {@link createCommandHandler}. */
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
  /** How many streams' states to keep in memory (default 1 000; 0 disables the cache). */
  readonly cacheSize?: number;
  /** An OpenTelemetry tracer: one span per command (type, stream, version, outcome, retries). */
  readonly tracer?: TracerLike;
  /** An OpenTelemetry meter: counters of commands by outcome, of conflicts and of refusals. */
  readonly meter?: MeterLike;
}

/** What a handled command produced. */
export interface HandledCommand<E extends AnyEvent> {
  /** The events the command appended (the first time, for a repeated command); none when it decided none. */
  readonly events: readonly StoredEvent<E>[];
  /** The stream's version after them (for a repeat: as recorded the first time). */
  readonly version: number;
  /** `true` when the command had been handled before and this answer is its recorded outcome. */
  readonly duplicate: boolean;
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
export type RefusalOf<D> = D extends { decide: (...args: never[]) => Either<infer Err, unknown> }
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

/** Creates a {@link CommandHandler}. */
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
  const maxRetries = options.maxRetries ?? 5;
  const streamIdOf = options.streamIdOf ?? ((c: C) => `account-${c.metadata.accountId}`);
  const eventIdOf = options.eventIdOf ?? ((c: C, i: number) => `${c.metadata.commandId}/${i}`);
  const states = createStreamStates<E, State>({
    eventStore,
    decider,
    snapshots: options.snapshots,
    cacheSize: options.cacheSize ?? 1000,
  });
  const instruments = createInstruments(options.tracer, options.meter);

  /** A recorded outcome as the handler answers it. */
  const answer = (outcome: CommandOutcome<E>, duplicate: boolean): Result => {
    // A refusal is recorded from this decider's own decision, so it has the decider's type.
    if (outcome.kind === 'refused') return left(outcome.error as Err);
    const events = outcome.kind === 'appended' ? outcome.events : [];
    return right({ events, version: outcome.version, duplicate });
  };

  /** Someone recorded this command first: return what they recorded. */
  const recordedBefore = async (
    streamId: string,
    commandId: string,
    probe: CommandProbe,
  ): Promise<Result> => {
    const found = await eventStore.findCommand(streamId, commandId)();
    if (isLeft(found)) return found;
    if (!isSome(found.right)) {
      // Unreachable with a store that keeps its promise; said plainly rather than guessed at.
      return left({
        _tag: 'StoreError',
        code: 'Internal',
        message: `stream ${streamId} reports command ${commandId} as recorded but has no outcome for it`,
        streamId,
      });
    }
    probe.duplicate = true;
    return answer(found.right.value, true);
  };

  const recordEventless = async (
    streamId: string,
    commandId: string,
    outcome: EventlessOutcome,
    probe: CommandProbe,
  ): Promise<Result> => {
    const recorded = await eventStore.recordOutcome(streamId, commandId, outcome)();
    if (isLeft(recorded)) {
      if (recorded.left._tag === 'CommandAlreadyRecorded') return recordedBefore(streamId, commandId, probe);
      // The outcome is not settled: the caller may send the command again.
      return left(recorded.left);
    }
    return answer(recorded.right, false);
  };

  const decideAndRecord = async (command: C, probe: CommandProbe): Promise<Result> => {
    const streamId = streamIdOf(command);
    const { commandId } = command.metadata;
    probe.streamId = streamId;
    const previous = await eventStore.findCommand(streamId, commandId)();
    if (isLeft(previous)) return previous;
    if (isSome(previous.right)) {
      probe.duplicate = true;
      return answer(previous.right.value, true);
    }
    const first = await states.load(streamId);
    if (isLeft(first)) return first;
    let loaded: Loaded<State> = first.right;
    for (let attempt = 0; ; attempt++) {
      probe.retries = attempt;
      probe.version = loaded.version;
      const decided = decider.decide(command, loaded.state);
      // A refusal or an empty decision changes no state: recorded without a version check.
      if (isLeft(decided))
        return recordEventless(streamId, commandId, { kind: 'refused', error: decided.left }, probe);
      if (decided.right.length === 0)
        return recordEventless(streamId, commandId, { kind: 'unchanged' }, probe);
      const eventIds = decided.right.map((_, i) => eventIdOf(command, i));
      const appended = await eventStore.appendToStream(streamId, decided.right, {
        expectedVersion: loaded.version,
        eventIds,
        commandId,
      })();
      if (isLeft(appended)) {
        const error = appended.left;
        if (error._tag === 'CommandAlreadyRecorded') return recordedBefore(streamId, commandId, probe);
        if (error._tag !== 'ConcurrencyError') return left(error);
        instruments.conflict(command.type);
        if (attempt >= maxRetries) return left(error);
        // Catch up with what others appended: only the tail, one round trip, so a retry is
        // quicker than a fresh command and a busy stream cannot starve it.
        const tail = await eventStore.readStream(streamId, { fromVersion: loaded.version + 1 })();
        if (isLeft(tail)) return tail;
        if (tail.right.some((event) => event.metadata.commandId === commandId)) {
          return recordedBefore(streamId, commandId, probe);
        }
        loaded = states.advance(streamId, loaded, tail.right);
        continue;
      }
      // Folded from the store's copies, so the cached state shares nothing with the caller.
      const next = states.advance(streamId, loaded, appended.right.events);
      await states.maybeSnapshot(streamId, loaded.version, next);
      return right({ events: appended.right.events, version: next.version, duplicate: false });
    }
  };

  // One command at a time per stream within this handler: commands a service sends through one
  // instance never conflict with each other, only with other instances (retried above).
  const queues = new Map<string, Promise<unknown>>();
  const serialised = (command: C, probe: CommandProbe): Promise<Result> => {
    const streamId = streamIdOf(command);
    const previous = queues.get(streamId) ?? Promise.resolve();
    const run = previous.then(() => decideAndRecord(command, probe));
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
      return serialised(command.right, probe);
    }) as Promise<Result>;

  return {
    handle: (command) => () => run(command),
    handleUnknown: (input) => () => run(input),
    execute: (command) => run(command),
  };
};
