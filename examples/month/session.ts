/**
 * The demo's way of talking to the library: every command goes through the account command
 * handler (validation, idempotency, optimistic concurrency) over an in-memory event store, as a
 * service would send them. Command ids are sequential and instants come from the caller: no
 * clock, no randomness, so a run is reproducible.
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  type AccountEvent,
  createCommandHandler,
  createInMemoryEventStore,
  type EventStore,
  type HandledCommand,
  type HandlerError,
} from '../../src/index.js';

/** Moscow has kept UTC+3 all year since 2014, so a fixed offset writes its instants exactly. */
const MOSCOW_OFFSET_MS = 3 * 3_600_000;

/** An epoch-ms instant as ISO-8601 with the Moscow offset, e.g. `2025-04-21T09:00:00+03:00`. */
export const moscowInstant = (ms: number): string =>
  `${new Date(ms + MOSCOW_OFFSET_MS).toISOString().slice(0, 19)}+03:00`;

/** Epoch ms of a Moscow wall-clock time. */
export const moscowMs = (
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number => Date.UTC(year, month - 1, day, hour, minute, second) - MOSCOW_OFFSET_MS;

/** An account the demo sends commands to. */
export interface Session {
  readonly accountId: string;
  /** Sends a command; a refusal is returned, not thrown. */
  send(type: string, data: unknown, atMs: number, actor?: string): Promise<SendResult>;
  /** Sends a command that must succeed (set-up): a refusal is a bug in the demo. */
  must(type: string, data: unknown, atMs: number, actor?: string): Promise<HandledCommand<AccountEvent>>;
  /** Commands sent so far. */
  readonly sent: () => number;
}

/** What a command came to. */
export type SendResult =
  | { readonly ok: true; readonly handled: HandledCommand<AccountEvent> }
  | { readonly ok: false; readonly error: HandlerError };

/** A session through the command handler, with the store it appends to. */
export interface HandlerSession extends Session {
  readonly store: EventStore<AccountEvent>;
}

/** Builds a command envelope the way a service would. */
export const commandOf = (
  type: string,
  data: unknown,
  accountId: string,
  commandNo: number,
  atMs: number,
  actor: string,
) => ({
  type,
  data,
  metadata: { commandId: `cmd-${commandNo}`, accountId, at: moscowInstant(atMs), actor },
});

/** Adds `must` to a `send`: a refusal during set-up is a bug in the demo. */
export const mustOf =
  (send: Session['send']): Session['must'] =>
  async (type, data, atMs, actor) => {
    const result = await send(type, data, atMs, actor);
    if (!result.ok) throw new Error(`${type} was refused: ${result.error.message}`);
    return result.handled;
  };

/** Opens a session on a fresh in-memory store for `accountId`. */
export const openSession = (accountId: string): HandlerSession => {
  const store = createInMemoryEventStore<AccountEvent>();
  const handler = createCommandHandler({ eventStore: store });
  let count = 0;
  const send: Session['send'] = async (type, data, atMs, actor = 'admin') => {
    count += 1;
    const result = await handler.handleUnknown(commandOf(type, data, accountId, count, atMs, actor))();
    return isLeft(result) ? { ok: false, error: result.left } : { ok: true, handled: result.right };
  };
  return {
    accountId,
    store,
    send,
    must: mustOf(send),
    sent: () => count,
  };
};
