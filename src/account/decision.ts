/**
 * The shape every capability's decisions and evolutions share, so the account decider can
 * dispatch a command or an event to its capability by `type` with one table lookup.
 * @module
 */
import { type Either, left, right } from 'fp-ts/lib/Either.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { EventMetadata } from '../kernel/envelope.js';
import type { AccountCommandOf, AccountCommandType } from './commands.js';
import {
  type AccountDomainError,
  type AccountErrorCode,
  type AccountErrorDetails,
  accountError,
} from './errors.js';
import type { AccountEvent, AccountEventData, AccountEventOf, AccountEventType } from './events.js';
import type { AccountState, AccountStateDraft } from './state.js';

/** What a decision needs besides the command and the state. */
export interface DecisionContext {
  readonly catalogue: Catalogue;
  /** Metadata every event decided from this command carries. */
  readonly metadata: EventMetadata;
  /** The command's instant, epoch ms. */
  readonly atMs: number;
}

/** The outcome of a decision. */
export type Decision = Either<AccountDomainError, readonly AccountEvent[]>;

/** Decides one command type. */
export type DecideFn<K extends AccountCommandType> = (
  command: AccountCommandOf<K>,
  state: AccountState,
  context: DecisionContext,
) => Decision;

/** Applies one event type to a draft, in place. */
export type EvolveFn<K extends AccountEventType> = (
  draft: AccountStateDraft,
  event: AccountEventOf<K>,
) => void;

/** A capability's decisions, by the command types it owns. */
export type Decisions<K extends AccountCommandType> = { readonly [C in K]: DecideFn<C> };

/** A capability's evolutions, by the event types it owns. */
export type Evolutions<K extends AccountEventType> = { readonly [E in K]: EvolveFn<E> };

/** Accepts the command with these events (in order). */
export const accept = (...events: AccountEvent[]): Decision => right(events);

/** Refuses the command with `code`; `details` must have that code's shape. */
export const reject = <C extends AccountErrorCode>(
  code: C,
  message: string,
  details: AccountErrorDetails[C],
): Decision => left(accountError(code, message, details) as AccountDomainError);

/** Builds an event of `type` with `data` and the command's metadata, one fixed shape. */
export const eventOf = <K extends AccountEventType>(
  type: K,
  data: AccountEventData<K>,
  context: DecisionContext,
): AccountEventOf<K> => ({ type, data, metadata: context.metadata }) as AccountEventOf<K>;
