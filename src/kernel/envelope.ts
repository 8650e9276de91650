/**
 * The envelopes every command and event travels in. A command is `{ type, data, metadata }`
 * with `metadata: { commandId, accountId, at, actor }`; an event decided from it carries
 * `{ at, commandId, actor }`, and the store adds its own position fields when it keeps it.
 * @module
 */
import * as t from 'io-ts';
import { Id, Instant } from './codecs.js';

/** Who sent a command and when: every instant comes in here, never from a clock. */
export interface CommandMetadata {
  /** Unique per command; handling the same id again returns the first outcome. */
  readonly commandId: string;
  readonly accountId: string;
  /** ISO-8601 instant with offset at which the command takes effect. */
  readonly at: string;
  /** Who asked: a user id, `system`, or the name of a service. */
  readonly actor: string;
}

/** io-ts codec of {@link CommandMetadata}. */
export const CommandMetadata: t.Type<CommandMetadata, CommandMetadata, unknown> = t.type(
  { commandId: Id, accountId: Id, at: Instant, actor: Id },
  'CommandMetadata',
);

/** A command envelope. */
export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

/** What every decided event carries: when, why (which command) and who. */
export interface EventMetadata {
  readonly at: string;
  readonly commandId: string;
  readonly actor: string;
}

/** What the store adds to an event it keeps. Fields in this order, always all present. */
export interface StoredEventMetadata extends EventMetadata {
  /** Unique id of this event. */
  readonly eventId: string;
  readonly streamId: string;
  /** 1-based position of the event in its stream. */
  readonly version: number;
  /** 1-based position of the event in the whole store. */
  readonly globalPosition: number;
  /** Schema version of `data` as written. */
  readonly schemaVersion: number;
}

/** An event envelope with metadata `M` (decided: {@link EventMetadata}; stored: {@link StoredEventMetadata}). */
export interface Event<
  Type extends string = string,
  Data = unknown,
  M extends EventMetadata = EventMetadata,
> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: M;
}

/** Any event envelope. */
export type AnyEvent = Event<string, unknown, EventMetadata>;

/** An event as the store keeps and returns it. */
export type StoredEvent<E extends AnyEvent = AnyEvent> =
  E extends Event<infer T, infer D, EventMetadata> ? Event<T, D, StoredEventMetadata> : never;

/** The metadata a decided event takes from its command. One fixed shape. */
export const eventMetadataOf = (command: Command): EventMetadata => ({
  at: command.metadata.at,
  commandId: command.metadata.commandId,
  actor: command.metadata.actor,
});

/** Builds an event envelope with a fixed field order (stable object shapes keep folds fast). */
export const makeEvent = <Type extends string, Data>(
  type: Type,
  data: Data,
  metadata: EventMetadata,
): Event<Type, Data> => ({ type, data, metadata });
