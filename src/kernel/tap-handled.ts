/**
 * Running something after each command a handler applies, whichever entry point it came
 * through (inline projections, a cache to refresh, a notification).
 * @module
 */
import { type Either, isRight } from 'fp-ts/lib/Either.js';
import type { CommandHandler, HandledCommand } from './command-handler.js';
import type { AnyEvent, Command } from './envelope.js';
import type { DomainError, HandlerError } from './errors.js';

/**
 * A handler that calls `onApplied` with every command's outcome the first time it is handled,
 * before answering: not for a repeat (its outcome was seen then), nor for a failure or refusal.
 */
export const tapHandled = <C extends Command, E extends AnyEvent, Err extends DomainError>(
  handler: CommandHandler<C, E, Err>,
  onApplied: (handled: HandledCommand<E>) => void,
): CommandHandler<C, E, Err> => {
  const seen = (outcome: Either<HandlerError<Err>, HandledCommand<E>>) => {
    if (isRight(outcome) && !outcome.right.duplicate) onApplied(outcome.right);
    return outcome;
  };
  return {
    handle: (command) => async () => seen(await handler.handle(command)()),
    handleUnknown: (input) => async () => seen(await handler.handleUnknown(input)()),
    execute: async (command) => seen(await handler.execute(command)),
  };
};
