/**
 * The account command handler: validates untrusted input, then load → decide → append with the
 * expected version, retrying conflicts, idempotent by `commandId` (kernel `createCommandHandler`).
 * @module
 */
import type { Catalogue } from '../catalogue/catalogue.js';
import {
  type CommandHandler,
  createCommandHandler as createKernelHandler,
  type SnapshotPolicy,
} from '../kernel/command-handler.js';
import type { EventStore } from '../kernel/event-store.js';
import { type AccountCommand, decodeCommand } from './commands.js';
import { type AccountDecider, createAccountDecider } from './decider.js';
import type { AccountEvent } from './events.js';
import type { AccountState } from './state.js';

/** Options of {@link createCommandHandler}. */
export interface AccountCommandHandlerOptions {
  readonly eventStore: EventStore<AccountEvent>;
  /** Prices (default `defaultCatalogue`). Ignored when `decider` is given. */
  readonly catalogue?: Catalogue;
  /** A decider to use instead of the account decider built from `catalogue`. */
  readonly decider?: AccountDecider;
  readonly snapshots?: SnapshotPolicy<AccountState>;
  /** Reloads and retries after a version conflict at most this many times (default 5). */
  readonly maxRetries?: number;
  /** Event ids; default `${commandId}/${index}`. */
  readonly eventIdOf?: (command: AccountCommand, index: number) => string;
  /** How many accounts' states to keep in memory (default 1 000). */
  readonly cacheSize?: number;
}

/**
 * Creates a handler for account commands. `handle(input)` is a `TaskEither<HandlerError,
 * { events, version, duplicate }>`: input is validated first (a `ValidationError` names the
 * failing field), then decided and appended to the stream `account-<accountId>`.
 */
export const createCommandHandler = (options: AccountCommandHandlerOptions): CommandHandler<AccountEvent> =>
  createKernelHandler<AccountCommand, AccountEvent, AccountState>({
    eventStore: options.eventStore,
    decider: options.decider ?? createAccountDecider(options.catalogue),
    decodeCommand,
    ...(options.snapshots === undefined ? {} : { snapshots: options.snapshots }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.eventIdOf === undefined ? {} : { eventIdOf: options.eventIdOf }),
    ...(options.cacheSize === undefined ? {} : { cacheSize: options.cacheSize }),
  });

/** The stream an account's events live in. */
export const accountStreamId = (accountId: string): string => `account-${accountId}`;
