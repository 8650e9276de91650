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
import { exactCheckOf, isPlainKey, isPlainObject, isPlainValue } from './exact-check.js';
import { isStorableText, LIMITS } from './limits.js';
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

/** A stored event's metadata in the fixed shape, the kernel's field order, whatever order it came in. */
const metadataOf = (m: Readonly<StoredEventMetadata>, schemaVersion: number): StoredEventMetadata => ({
  at: m.at,
  commandId: m.commandId,
  actor: m.actor,
  eventId: m.eventId,
  streamId: m.streamId,
  version: m.version,
  globalPosition: m.globalPosition,
  schemaVersion,
});

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
  // Upcast on read: the event now has the current shape.
  const metadata = metadataOf(m, registry.schemaVersionOf(type) ?? m.schemaVersion);
  return right({ type, data: payload.right, metadata } as unknown as StoredEvent<E>);
};

const metadataIsExact = exactCheckOf(StoredMetadataCodec);

/**
 * Whether a parsed envelope decodes to itself (`data` aside, which the registry checks): the
 * same rules as `RawStoredEvent` after the plain copy, without building either.
 */
const envelopeIsExact = (
  raw: unknown,
): raw is { type: string; data: unknown; metadata: StoredEventMetadata } => {
  if (!isPlainObject(raw)) return false;
  let fields = 0;
  let found = 0;
  for (const key in raw) {
    if (++fields > LIMITS.fieldsPerObject) return false;
    const value = raw[key];
    if (key === 'type') {
      if (typeof value !== 'string' || !isStorableText(value)) return false;
      found++;
    } else if (key === 'metadata') {
      if (!metadataIsExact(value, 1)) return false;
      found++;
    } else if (key !== 'data' && (!isPlainKey(key) || !isPlainValue(value, 1))) return false;
  }
  return found === 2;
};

/**
 * Whether a stored event fresh from a JSON parser is valid, of the current schema version, and
 * decodes to itself (nothing to copy, upcast or normalise), checked in place without building an
 * error: `false` says only "decode it in full". `raw` must be what a JSON parser returned.
 */
export const storedEventDecodesToItself = (registry: PayloadRegistry, raw: unknown): boolean => {
  if (registry.decodesToItself === undefined) return false;
  try {
    return envelopeIsExact(raw) && registry.decodesToItself(raw.type, raw.data, raw.metadata.schemaVersion);
  } catch {
    // Not what a JSON parser makes (a getter that throws): the full decode reports it.
    return false;
  }
};

/**
 * Decodes one stored event fresh from a JSON parser (a database row, a line of a log), which
 * nothing else holds. A valid event of the current schema version is checked in place and kept
 * as it is (its `data` is not copied); anything else takes {@link decodeStoredEvent}, so the
 * result, or the error with its paths, is the same as that function's.
 */
export const decodeParsedStoredEvent = <E extends AnyEvent>(
  registry: PayloadRegistry,
  raw: unknown,
): Either<ValidationError, StoredEvent<E>> => {
  if (!storedEventDecodesToItself(registry, raw)) return decodeStoredEvent<E>(registry, raw);
  const { type, data, metadata: m } = raw as { type: string; data: unknown; metadata: StoredEventMetadata };
  return right({ type, data, metadata: metadataOf(m, m.schemaVersion) } as unknown as StoredEvent<E>);
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

/**
 * Decodes a row fresh from a JSON parser (see {@link decodeParsedStoredEvent}), turning a failure
 * into a {@link StoreError} naming the stream and version.
 */
export const decodeStoredRow = <E extends AnyEvent>(
  registry: PayloadRegistry,
  raw: unknown,
  streamId: string,
  version: number,
): Either<StoreError, StoredEvent<E>> => {
  const decoded = decodeParsedStoredEvent<E>(registry, raw);
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
