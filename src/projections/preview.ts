/**
 * `preview(command, history)`: what a command would change in the monthly fee and in the
 * statement of the current period (the one containing the command's instant), appending
 * nothing. The command is decided against the history's state like the handler would; a
 * refusal comes back as the same `DomainError`.
 * @module
 */
import { type Either, isLeft, right } from 'fp-ts/lib/Either.js';
import type { AccountCommand } from '../account/commands.js';
import { createAccountDecider } from '../account/decider.js';
import type { AccountEvent } from '../account/events.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { defaultCatalogue } from '../catalogue/default-catalogue.js';
import type { DomainError } from '../kernel/errors.js';
import { billing } from './billing.js';
import { type MonthlyFee, monthlyFee } from './billing-fee.js';
import { type Statement, statement } from './billing-statement.js';

/** A change: before, after, and `after.total − before.total` in kopecks. */
export interface Change<T> {
  readonly before: T;
  readonly after: T;
  readonly difference: number;
}

/** What a command would do to the bill. */
export interface Preview {
  /** The events the command would append. */
  readonly events: readonly AccountEvent[];
  readonly monthlyFee: Change<MonthlyFee>;
  /** The statement of the period containing the command's instant (`null` before the opening). */
  readonly statement: Change<Statement | null>;
}

const totalOf = (s: Statement | null): number => s?.total ?? 0;

/** Decides `command` against `history` and projects the bill before and after, appending nothing. */
export const preview = (
  command: AccountCommand,
  history: readonly AccountEvent[],
  catalogue: Catalogue = defaultCatalogue,
): Either<DomainError, Preview> => {
  const decider = createAccountDecider(catalogue);
  const decided = decider.decide(command, decider.fold(history));
  if (isLeft(decided)) return decided;
  const events = decided.right;
  const before = billing.fold(history);
  const after = billing.foldOnto(before, events);
  const feeBefore = monthlyFee(before);
  const feeAfter = monthlyFee(after);
  const at = command.metadata.at;
  const statementBefore = statement(before, at);
  const statementAfter = statement(after, at);
  return right({
    events,
    monthlyFee: { before: feeBefore, after: feeAfter, difference: feeAfter.total - feeBefore.total },
    statement: {
      before: statementBefore,
      after: statementAfter,
      difference: totalOf(statementAfter) - totalOf(statementBefore),
    },
  });
};
