/**
 * Between events and rows of the `events` table. Writing: each event is checked against the
 * registry, then its columns go into one JSON array for `jsonb_to_recordset`. Reading: a row is rebuilt into a raw stored event and
 * decoded by the kernel through the payload registry, so a row whose JSON does not decode comes
 * back as a `MalformedEvent` error naming its stream and version, never as a crash or a skip.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { AnyEvent, StoredEvent } from '../kernel/envelope.js';
import { type StoreError, storeError } from '../kernel/errors.js';
import { jsonCopy } from '../kernel/json-copy.js';
import type { PayloadRegistry } from '../kernel/registry.js';
import { decodeStoredEvent, decodeStoredRow, toStoredEvent } from '../kernel/stored-event.js';
import { inJsonbOrder } from './jsonb-order.js';

/** The columns every read selects, in the order {@link decodeRow} expects. */
export const EVENT_COLUMNS =
  'global_position, stream_id, version, event_id, type, schema_version, data, metadata, command_id';

/** A batch of events ready for the append statement. */
export interface Batch<E extends AnyEvent> {
  readonly events: readonly E[];
  readonly eventIds: readonly string[];
  readonly schemaVersions: readonly number[];
  /** The rows as one JSON array for `jsonb_to_recordset` (`n` is the 1-based index). */
  readonly json: string;
}

/**
 * Checks and serialises events for an append. What is kept is a copy as jsonb carries it (the
 * events an append hands back are those copies, frozen, so nothing is shared with the caller,
 * their keys in the order a read gives them back);
 * a value JSON cannot carry (a `BigInt`, a cycle) and an event that would not decode when read
 * back (unknown type, bad payload, bad id or instant) are refused with `MalformedEvent` before
 * anything is written: one bad row would make its whole stream unreadable.
 */
export const encodeBatch = <E extends AnyEvent>(
  registry: PayloadRegistry,
  streamId: string,
  events: readonly E[],
  eventIds: readonly string[],
  expectedVersion: number | undefined,
): Either<StoreError, Batch<E>> => {
  const records: unknown[] = [];
  const copies: E[] = [];
  const schemaVersions: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const version = (expectedVersion ?? 0) + i + 1;
    const at = { streamId, ...(expectedVersion === undefined ? {} : { version }) };
    // The registry's check first: it names the field of a value that is not plain data.
    const original = events[i]!;
    const schemaVersion = registry.schemaVersionOf(original.type) ?? 1;
    const check = decodeStoredEvent(
      registry,
      toStoredEvent(original, eventIds[i]!, streamId, version, 0, schemaVersion),
    );
    if (isLeft(check)) {
      return left(
        storeError(
          'MalformedEvent',
          `event ${i + 1} of ${events.length} for ${streamId} would not decode, nothing was written: ${check.left.message}`,
          { ...at, issues: check.left.issues },
        ),
      );
    }
    let event: E;
    try {
      const copy = jsonCopy(original, false) as E;
      event = Object.freeze({
        type: copy.type,
        data: inJsonbOrder(copy.data),
        metadata: Object.freeze(copy.metadata),
      }) as E;
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      return left(
        storeError(
          'MalformedEvent',
          `event ${i + 1} of ${events.length} for ${streamId} cannot be stored as JSON, nothing was written: ${reason}`,
          { ...at, cause: reason },
        ),
      );
    }
    const { at: instant, commandId, actor } = event.metadata;
    copies.push(event);
    schemaVersions.push(schemaVersion);
    records.push({
      n: i + 1,
      event_id: eventIds[i]!,
      type: event.type,
      schema_version: schemaVersion,
      data: event.data,
      metadata: { at: instant, commandId, actor },
      command_id: commandId,
    });
  }
  // The copies are plain JSON data: this cannot throw.
  return right({ events: copies, eventIds, schemaVersions, json: JSON.stringify(records) });
};

// bigint columns come as text, or as BigInt where the application installed such a type parser.
const integer = (value: unknown): unknown =>
  (typeof value === 'string' && /^-?\d+$/.test(value)) || typeof value === 'bigint' ? Number(value) : value;
const field = (record: unknown, key: string): unknown =>
  typeof record === 'object' && record !== null && !Array.isArray(record)
    ? (record as Record<string, unknown>)[key]
    : undefined;

/** Decodes one row (selected with {@link EVENT_COLUMNS}) into a stored event. */
export const decodeRow = <E extends AnyEvent>(
  registry: PayloadRegistry,
  row: Readonly<Record<string, unknown>>,
): Either<StoreError, StoredEvent<E>> => {
  const streamId = String(row.stream_id);
  const version = Number(row.version);
  const metadata = row.metadata;
  // One fixed shape, in the kernel's field order; the kernel checks every field.
  const raw = {
    type: row.type,
    data: row.data,
    metadata: {
      at: field(metadata, 'at'),
      commandId: row.command_id,
      actor: field(metadata, 'actor'),
      eventId: row.event_id,
      streamId,
      version,
      globalPosition: integer(row.global_position),
      schemaVersion: integer(row.schema_version),
    },
  };
  return decodeStoredRow<E>(registry, raw, streamId, version);
};
