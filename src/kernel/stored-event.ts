/**
 * Reading stored events from untrusted rows (a database, a JSON log): the envelope is checked
 * here, the `data` by the domain's payload registry, and the result is built with one fixed
 * shape. A bad row becomes a {@link StoreError} naming the stream, version and failing path.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { EventId, Id, Instant, NonNegativeInt, PositiveInt, StreamId } from './codecs.js';
import type { AnyEvent, StoredEvent, StoredEventMetadata } from './envelope.js';
import { type StoreError, storeError, type ValidationError } from './errors.js';
import type { PayloadRegistry } from './registry.js';
import { decodeWith } from './validation.js';

/** The metadata of a stored event (the decided fields and the store's position fields); schema walkers read it. */
export const StoredMetadataCodec = t.type(
  {
    eventId: EventId,
    streamId: StreamId,
    version: PositiveInt,
    globalPosition: NonNegativeInt,
    at: Instant,
    commandId: Id,
    actor: Id,
    schemaVersion: PositiveInt,
  },
  'StoredEventMetadata',
);
const RawStoredEvent = t.type(
  { type: t.string, data: t.unknown, metadata: StoredMetadataCodec },
  'StoredEvent',
);

/** Decodes one stored event (envelope and payload, upcasting old schema versions). */
export const decodeStoredEvent = <E extends AnyEvent>(
  registry: PayloadRegistry,
  raw: unknown,
): Either<ValidationError, StoredEvent<E>> => {
  // The payload is copied and checked once, by the registry.
  const envelope = decodeWith(RawStoredEvent, raw, '', 'data');
  if (isLeft(envelope)) return envelope;
  const { type, data, metadata: m } = envelope.right;
  const payload = registry.decodeData(type, data, m.schemaVersion);
  if (isLeft(payload)) return payload;
  const metadata: StoredEventMetadata = {
    at: m.at,
    commandId: m.commandId,
    actor: m.actor,
    eventId: m.eventId,
    streamId: m.streamId,
    version: m.version,
    globalPosition: m.globalPosition,
    // Upcast on read: the event now has the current shape.
    schemaVersion: registry.schemaVersionOf(type) ?? m.schemaVersion,
  };
  return right({ type, data: payload.right, metadata } as unknown as StoredEvent<E>);
};

/** Names where a row came from when it does not decode. */
export const malformedEvent = (
  streamId: string | undefined,
  version: number | undefined,
  error: ValidationError,
) =>
  storeError(
    'MalformedEvent',
    `event ${streamId ?? '?'}@${version ?? '?'} does not decode: ${error.message}`,
    {
      ...(streamId === undefined ? {} : { streamId }),
      ...(version === undefined ? {} : { version }),
      issues: error.issues,
    },
  );

/** Decodes a row, turning a failure into a {@link StoreError} naming the stream and version. */
export const decodeStoredRow = <E extends AnyEvent>(
  registry: PayloadRegistry,
  raw: unknown,
  streamId: string,
  version: number,
): Either<StoreError, StoredEvent<E>> => {
  const decoded = decodeStoredEvent<E>(registry, raw);
  return isLeft(decoded) ? left(malformedEvent(streamId, version, decoded.left)) : right(decoded.right);
};

/** Builds the stored form of an event with one fixed field order. */
export const toStoredEvent = <E extends AnyEvent>(
  event: E,
  eventId: string,
  streamId: string,
  version: number,
  globalPosition: number,
  schemaVersion: number,
): StoredEvent<E> =>
  ({
    type: event.type,
    data: event.data,
    metadata: {
      at: event.metadata.at,
      commandId: event.metadata.commandId,
      actor: event.metadata.actor,
      eventId,
      streamId,
      version,
      globalPosition,
      schemaVersion,
    },
  }) as unknown as StoredEvent<E>;
