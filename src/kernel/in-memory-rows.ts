/**
 * How the in-memory store keeps a row. Whatever comes in goes through JSON, as it would into a
 * database, so both stores accept the same values and no caller keeps a reference into history:
 * - plain: the copy is deep-frozen and handed out as is (reads are slices, no per-event work);
 * - serialising (with a registry): the JSON text is kept and decoded on every read.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { AnyEvent, StoredEvent } from './envelope.js';
import { type StoreError, storeError } from './errors.js';
import { jsonCopy } from './json-copy.js';
import type { PayloadRegistry } from './registry.js';
import { decodeStoredRow } from './stored-event.js';

/** A row in serialising mode: where it sits and its JSON text. */
export interface SerialisedRow {
  readonly streamId: string;
  readonly version: number;
  readonly json: string;
}

/** A kept row: the frozen event itself, or its JSON text in serialising mode. */
export type Row<E extends AnyEvent> = StoredEvent<E> | SerialisedRow;

/** A kept row and the event an append hands back for it. */
export interface Written<E extends AnyEvent> {
  readonly row: Row<E>;
  readonly event: StoredEvent<E>;
}

/** Reads and writes rows of one mode. */
export interface RowFormat<E extends AnyEvent> {
  /** Copies a stored event in; refused (nothing kept) when it is not JSON or does not decode. */
  write(event: StoredEvent<E>): Either<StoreError, Written<E>>;
  /** The events of `rows[from, to)`. */
  read(rows: readonly Row<E>[], from: number, to: number): Either<StoreError, StoredEvent<E>[]>;
}

const unserialisable = (event: StoredEvent, cause: unknown): StoreError =>
  storeError(
    'MalformedEvent',
    `event ${event.metadata.streamId}@${event.metadata.version} cannot be stored as JSON`,
    {
      streamId: event.metadata.streamId,
      version: event.metadata.version,
      cause: cause instanceof Error ? cause.message : String(cause),
    },
  );

/** A deep-frozen copy of `value` as JSON would carry it, or why it has none. */
export const frozenCopy = <T>(value: T): Either<unknown, T> => {
  try {
    return right(jsonCopy(value, true) as T);
  } catch (cause) {
    return left(cause);
  }
};

/** Plain mode: rows are frozen copies, read back as slices. */
export const plainRows = <E extends AnyEvent>(): RowFormat<E> => ({
  write(event) {
    const copy = frozenCopy(event);
    return isLeft(copy)
      ? left(unserialisable(event, copy.left))
      : right({ row: copy.right, event: copy.right });
  },
  read: (rows, from, to) => right(rows.slice(from, to) as StoredEvent<E>[]),
});

/** Serialising mode: rows are JSON text decoded through `registry` on every read. */
export const serialisedRows = <E extends AnyEvent>(registry: PayloadRegistry): RowFormat<E> => {
  const decode = (row: SerialisedRow): Either<StoreError, StoredEvent<E>> => {
    let raw: unknown;
    try {
      raw = JSON.parse(row.json);
    } catch {
      return left(
        storeError('MalformedEvent', `event ${row.streamId}@${row.version} is not JSON`, {
          streamId: row.streamId,
          version: row.version,
        }),
      );
    }
    return decodeStoredRow<E>(registry, raw, row.streamId, row.version);
  };
  return {
    write(event) {
      let json: string;
      try {
        json = JSON.stringify(event);
      } catch (cause) {
        return left(unserialisable(event, cause));
      }
      const row = { streamId: event.metadata.streamId, version: event.metadata.version, json };
      // Decoded now, so a row that could not be read back is never kept.
      const decoded = decode(row);
      return isLeft(decoded) ? decoded : right({ row, event: decoded.right });
    },
    read(rows, from, to) {
      const out: StoredEvent<E>[] = [];
      for (let i = from; i < to; i++) {
        const event = decode(rows[i] as SerialisedRow);
        if (isLeft(event)) return event;
        out.push(event.right);
      }
      return right(out);
    },
  };
};
