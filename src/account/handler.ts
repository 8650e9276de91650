/**
 * The account command handler: validates, then load → decide → record the outcome with the
 * expected version, retrying conflicts, each command id once per account (kernel
 * `createCommandHandler`).
 * @module
 */
import type { Catalogue } from '../catalogue/catalogue.js';
import {
  type CommandHandler,
  createCommandHandler as createKernelHandler,
  type RefusalOf,
  type SnapshotPolicy,
} from '../kernel/command-handler.js';
import type { HandlerError } from '../kernel/errors.js';
import type { EventStore } from '../kernel/event-store.js';
import type { MeterLike, TracerLike } from '../kernel/observability.js';
import { type AccountCommand, decodeCommand } from './commands.js';
import { type AccountDecider, createAccountDecider } from './decider.js';
import type { AccountEvent } from './events.js';
import type { AccountState } from './state.js';

/** The store, prices and tuning of the account's command handler; only `eventStore` is required. */
export interface AccountCommandHandlerOptions {
  readonly eventStore: EventStore<AccountEvent>;
  /** Prices (default `defaultCatalogue`). Ignored when `decider` is given. */
  readonly catalogue?: Catalogue;
  /** A decider to use instead of the account decider built from `catalogue`. */
  readonly decider?: AccountDecider;
  readonly snapshots?: SnapshotPolicy<AccountState>;
  /** Reloads and retries after a version conflict at most this many times (default 5). */
  readonly maxRetries?: number;
  /** Event ids (unique within the account's stream); default `${commandId}/${index}`. */
  readonly eventIdOf?: (command: AccountCommand, index: number) => string;
  /**
   * How many accounts' states to keep in memory (default 1 000). With 0 and no `snapshots`,
   * nothing outlives a command, so each one folds only the events its decision depends on
   * (storing a recording skips the calls and notices).
   */
  readonly cacheSize?: number;
  /** An OpenTelemetry tracer (`trace.getTracer(…)`): one span per command. Optional. */
  readonly tracer?: TracerLike;
  /** An OpenTelemetry meter (`metrics.getMeter(…)`): counters of outcomes, conflicts, refusals. Optional. */
  readonly meter?: MeterLike;
}

/** The account decider's refusals: every domain error code it can return, with its details. */
export type AccountRefusal = RefusalOf<AccountDecider>;

/** Everything an account command can fail with (a repeated command is not a failure). */
export type AccountHandlerError = HandlerError<AccountRefusal>;

/**
 * A handler of account commands: `handle(command)` and `execute(command)` take an
 * {@link AccountCommand} checked at compile time, `handleUnknown(input)` takes parsed JSON.
 */
export type AccountCommandHandler = CommandHandler<AccountCommand, AccountEvent, AccountRefusal>;

/**
 * Creates a handler for account commands on the streams `account-<accountId>`. Every entry point
 * validates first (a `ValidationError` names the failing field; nothing is recorded for it),
 * then decides; a command id sent again returns its first outcome, from any handler over the
 * same store.
 */
export const createCommandHandler = (options: AccountCommandHandlerOptions): AccountCommandHandler =>
  createKernelHandler<AccountCommand, AccountEvent, AccountState, AccountRefusal>({
    eventStore: options.eventStore,
    decider: options.decider ?? createAccountDecider(options.catalogue),
    decodeCommand,
    ...(options.snapshots === undefined ? {} : { snapshots: options.snapshots }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.eventIdOf === undefined ? {} : { eventIdOf: options.eventIdOf }),
    ...(options.cacheSize === undefined ? {} : { cacheSize: options.cacheSize }),
    ...(options.tracer === undefined ? {} : { tracer: options.tracer }),
    ...(options.meter === undefined ? {} : { meter: options.meter }),
  });

/** The stream an account's events live in. */
export const accountStreamId = (accountId: string): string => `account-${accountId}`;
