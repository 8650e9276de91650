/**
 * A command's one outcome per stream: look its id up, else decide on the stream's state and
 * record what it came to (events appended with the expected version, a refusal, or nothing)
 * atomically with its id. Whoever records second, in this process or another, gets the first
 * outcome back instead of its own. A version conflict folds in the tail and decides again.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import { isSome } from 'fp-ts/lib/Option.js';
import type { RecipeDecider } from './decider.js';
import type { AnyEvent, Command, StoredEvent } from './envelope.js';
import { type DomainError, type HandlerError, storeError } from './errors.js';
import type { CommandOutcome, EventlessOutcome, EventStore } from './event-store.js';
import type { CommandProbe, HandlerInstruments } from './observability.js';
import type { Loaded, StreamStates } from './stream-states.js';

/** What a handled command produced. */
export interface HandledCommand<E extends AnyEvent> {
  /** The events the command appended (the first time, for a repeated command); none when it decided none. */
  readonly events: readonly StoredEvent<E>[];
  /** The stream's version after them (for a repeat: as recorded the first time). */
  readonly version: number;
  /** `true` when the command had been handled before and this answer is its recorded outcome. */
  readonly duplicate: boolean;
}

/** What {@link createExactlyOnce} works with. */
export interface ExactlyOnceParts<C extends Command, E extends AnyEvent, State, Err extends DomainError> {
  readonly eventStore: EventStore<E>;
  readonly decider: RecipeDecider<C, E, State, Err>;
  readonly states: StreamStates<E, State>;
  readonly instruments: HandlerInstruments;
  readonly streamIdOf: (command: C) => string;
  readonly eventIdOf: (command: C, index: number) => string;
  readonly maxRetries: number;
}

/** Decides and records one command (already validated), once per command id and stream. */
export const createExactlyOnce = <C extends Command, E extends AnyEvent, State, Err extends DomainError>(
  parts: ExactlyOnceParts<C, E, State, Err>,
): ((command: C, probe: CommandProbe) => Promise<Either<HandlerError<Err>, HandledCommand<E>>>) => {
  type Result = Either<HandlerError<Err>, HandledCommand<E>>;
  const { eventStore, decider, states, instruments, streamIdOf, eventIdOf, maxRetries } = parts;

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
      const message = `stream ${streamId} reports command ${commandId} as recorded but has no outcome for it`;
      return left(storeError('Internal', message, { streamId }));
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
    const first = await states.load(streamId, command);
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
      // Folded from the store's copies, so a cached state shares nothing with the caller.
      const version = await states.appended(streamId, loaded, appended.right.events);
      return right({ events: appended.right.events, version, duplicate: false });
    }
  };

  return decideAndRecord;
};
