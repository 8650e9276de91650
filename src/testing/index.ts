/**
 * `pbx-options/testing`: given / when / then specifications for any Decider and any projection.
 *
 * ```ts
 * given(decider, [accountOpened]).when(enableRecording).then([recordingEnabled]);
 * given(decider, [accountOpened]).when(addTenthPack).thenError('StoragePackLimitReached');
 * givenEvents(quotaUsage, events).then((view) => expect(view.packs).toBe(1));
 * ```
 * Failures throw an `AssertionError` with both sides printed, so it works in any test runner.
 * @module
 */
import { AssertionError, deepStrictEqual } from 'node:assert';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Decider } from '../kernel/decider.js';
import { deepFreeze } from '../kernel/decider.js';
import type { DomainError } from '../kernel/errors.js';

/**
 * The refusals of `Err` with code `Code`: the one member of a union of typed errors, or `Err`
 * itself when its codes are plain strings.
 */
export type RefusalWithCode<Err extends DomainError, Code extends string> = [
  Extract<Err, { readonly code: Code }>,
] extends [never]
  ? Err
  : Extract<Err, { readonly code: Code }>;

/** The outcome of `when`: assertions on the events or the error. */
export interface DeciderThen<Event, State, Err extends DomainError = DomainError> {
  /** The command produced exactly these events (compared deeply, metadata included). */
  then(expected: readonly Event[] | ((events: readonly Event[], state: State) => void)): readonly Event[];
  /**
   * The command was refused with this code; returns the error, typed by its code. With a decider
   * whose errors are a union of codes, a misspelt code does not compile.
   */
  thenError<Code extends Err['code']>(
    code: Code,
    check?: (error: RefusalWithCode<Err, Code>) => void,
  ): RefusalWithCode<Err, Code>;
  /** The command was accepted and produced no events. */
  thenNothing(): void;
}

/** A specification with its history given. */
export interface DeciderGiven<Command, Event, State, Err extends DomainError = DomainError> {
  /** Decides `command` (checked at compile time against the decider's commands) against the given history. */
  when(command: Command): DeciderThen<Event, State, Err>;
  /** The state the history folds into. */
  readonly state: State;
}

const fail = (message: string, actual?: unknown, expected?: unknown): never => {
  throw new AssertionError({ message, actual, expected });
};

/**
 * Starts a Decider specification from a history. The state is deep-frozen, so a decision that
 * mutates it fails loudly.
 */
export const given = <Command, Event, State, Err extends DomainError = DomainError>(
  decider: Decider<Command, Event, State, Err>,
  history: readonly Event[] = [],
): DeciderGiven<Command, Event, State, Err> => {
  const state = deepFreeze(history.reduce(decider.evolve, decider.initialState));
  return {
    state,
    when(command) {
      const result = decider.decide(command, state);
      return {
        then(expected) {
          if (isLeft(result))
            return fail(`expected events, got ${result.left.code}: ${result.left.message}`, result.left);
          if (typeof expected === 'function')
            expected(result.right, result.right.reduce(decider.evolve, state));
          else deepStrictEqual(result.right, expected);
          return result.right;
        },
        thenError(code, check) {
          if (!isLeft(result))
            return fail(`expected error ${code}, got ${result.right.length} event(s)`, result.right);
          if (result.left.code !== code) {
            return fail(
              `expected error ${code}, got ${result.left.code}: ${result.left.message}`,
              result.left.code,
              code,
            );
          }
          // The code was compared just above: this is the member of that code.
          const refusal = result.left as RefusalWithCode<Err, typeof code>;
          check?.(refusal);
          return refusal;
        },
        thenNothing() {
          if (isLeft(result))
            fail(`expected no events, got ${result.left.code}: ${result.left.message}`, result.left);
          else if (result.right.length > 0)
            fail(`expected no events, got ${result.right.length}`, result.right, []);
        },
      };
    },
  };
};

/** A projection: a fold of events into a read model. */
export interface ProjectionLike<Event, View> {
  /** The view before any event. */
  readonly initial: View;
  /** The view after one event. */
  readonly apply: (view: View, event: Event) => View;
}

/** Starts a projection specification from a history. */
export const givenEvents = <Event, View>(
  projection: ProjectionLike<Event, View>,
  events: readonly Event[],
) => {
  const view = events.reduce(projection.apply, projection.initial);
  return {
    view,
    /** Compares the view deeply, or runs a check on it. */
    then(expected: View | ((view: View) => void)): View {
      if (typeof expected === 'function') (expected as (view: View) => void)(view);
      else deepStrictEqual(view, expected);
      return view;
    },
  };
};
