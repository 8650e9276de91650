/**
 * The in-memory store's streams: each one's rows by version, the event ids it holds (unique
 * within the stream) and the outcome of every command decided on it, by command id.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { AnyEvent } from './envelope.js';
import { type DomainError, type StoreError, storeError } from './errors.js';
import type { CommandOutcome, EventlessOutcome } from './event-store.js';
import { frozenCopy, type Row, type RowFormat } from './in-memory-rows.js';

/** A command's outcome as a stream keeps it; an append's events are the rows `first..version`. */
export type Recorded =
  | { readonly kind: 'appended'; readonly first: number; readonly version: number }
  | { readonly kind: 'refused'; readonly version: number; readonly error: DomainError }
  | { readonly kind: 'unchanged'; readonly version: number };

/** One stream of the in-memory store. */
export interface StreamLog<E extends AnyEvent> {
  /** Row of version `v` at index `v - 1`. */
  readonly rows: Row<E>[];
  readonly eventIds: Set<string>;
  readonly outcomes: Map<string, Recorded>;
}

/** An empty stream. */
export const newStream = <E extends AnyEvent>(): StreamLog<E> => ({
  rows: [],
  eventIds: new Set(),
  outcomes: new Map(),
});

/** The outcome to keep for a refusal or an empty decision at `version` (the error copied and frozen). */
export const recordEventless = (outcome: EventlessOutcome, version: number): Either<StoreError, Recorded> => {
  if (outcome.kind === 'unchanged') return right({ kind: 'unchanged', version });
  const error = frozenCopy(outcome.error);
  if (isLeft(error)) return left(storeError('Internal', 'the refusal cannot be stored as JSON'));
  return right({ kind: 'refused', version, error: error.right });
};

/** A recorded outcome as the port returns it. */
export const outcomeOf = <E extends AnyEvent>(
  format: RowFormat<E>,
  stream: StreamLog<E>,
  recorded: Recorded,
): Either<StoreError, CommandOutcome<E>> => {
  // Fresh objects each time: a caller changing what it got changes nothing here.
  if (recorded.kind === 'unchanged') return right({ kind: 'unchanged', version: recorded.version });
  if (recorded.kind === 'refused')
    return right({ kind: 'refused', version: recorded.version, error: recorded.error });
  const events = format.read(stream.rows, recorded.first - 1, recorded.version);
  if (isLeft(events)) return events;
  return right({ kind: 'appended', version: recorded.version, events: events.right });
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Indexes rows imported from a log (serialising mode): versions follow their order per stream,
 * and each run of rows with one command id becomes that command's `appended` outcome, as if
 * the rows had been appended by the handler.
 */
export const importRows = <E extends AnyEvent>(
  raws: readonly unknown[],
  log: Row<E>[],
  streams: Map<string, StreamLog<E>>,
): void => {
  for (const raw of raws) {
    const meta = (raw as { metadata?: Record<string, unknown> } | null)?.metadata ?? {};
    const streamId = text(meta.streamId) ?? '';
    let stream = streams.get(streamId);
    if (stream === undefined) {
      stream = newStream<E>();
      streams.set(streamId, stream);
    }
    const version = stream.rows.length + 1;
    let json: string;
    try {
      json = JSON.stringify(raw) ?? '';
    } catch {
      json = ''; // read back as "not JSON", naming its stream and version
    }
    const row = { streamId, version, json };
    stream.rows.push(row);
    log.push(row);
    const eventId = text(meta.eventId);
    if (eventId !== undefined) stream.eventIds.add(eventId);
    const commandId = text(meta.commandId);
    if (commandId === undefined) continue;
    const known = stream.outcomes.get(commandId);
    if (known === undefined) stream.outcomes.set(commandId, { kind: 'appended', first: version, version });
    else if (known.kind === 'appended' && known.version === version - 1)
      stream.outcomes.set(commandId, { kind: 'appended', first: known.first, version });
  }
};
