/**
 * The in-memory event store: for tests, the demo and single-process tools. Appends are atomic
 * and checked against the expected version; reads never see half an append.
 *
 * With a `registry`, the store behaves like a database: it keeps each event as JSON text and
 * decodes it on read, so a row that does not decode (for example one given in `rows`, imported
 * from a log) comes back as a typed error naming its stream, version and path.
 * @module
 */
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import { none, some } from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { AnyEvent, StoredEvent } from './envelope.js';
import { concurrencyError, type StoreError, storeError } from './errors.js';
import type { EventStore } from './event-store.js';
import type { PayloadRegistry } from './registry.js';
import { decodeStoredRow, toStoredEvent } from './stored-event.js';
import { startCatchUp } from './subscription.js';

/** Options of {@link createInMemoryEventStore}. */
export interface InMemoryEventStoreOptions {
  /** Keep events as JSON and decode them through this registry on every read. */
  readonly registry?: PayloadRegistry;
  /** Rows already in the log (raw stored events, e.g. parsed from a JSONL file). Needs `registry`. */
  readonly rows?: readonly unknown[];
}

interface Row<E extends AnyEvent> {
  readonly streamId: string;
  readonly version: number;
  readonly commandId: string;
  /** Either the event itself, or its JSON text in serialising mode. */
  readonly event: StoredEvent<E> | string;
}

/** Creates an empty (or seeded) in-memory {@link EventStore}. */
export const createInMemoryEventStore = <E extends AnyEvent = AnyEvent>(
  options: InMemoryEventStoreOptions = {},
): EventStore<E> => {
  const { registry } = options;
  const log: Row<E>[] = [];
  const streams = new Map<string, number[]>(); // stream → indexes into log, by version
  const commands = new Map<string, number[]>(); // `${stream}\u0000${commandId}` → indexes
  let listeners: Array<() => void> = [];

  const index = (row: Row<E>) => {
    const at = log.length;
    log.push(row);
    const stream = streams.get(row.streamId);
    if (stream === undefined) streams.set(row.streamId, [at]);
    else stream.push(at);
    const key = `${row.streamId}\u0000${row.commandId}`;
    const byCommand = commands.get(key);
    if (byCommand === undefined) commands.set(key, [at]);
    else byCommand.push(at);
  };

  for (const raw of options.rows ?? []) {
    if (registry === undefined) throw new TypeError('createInMemoryEventStore: rows need a registry');
    const meta = (raw as { metadata?: Record<string, unknown> } | null)?.metadata ?? {};
    const streamId = typeof meta.streamId === 'string' ? meta.streamId : '';
    const stream = streams.get(streamId);
    index({
      streamId,
      version: (stream?.length ?? 0) + 1,
      commandId: typeof meta.commandId === 'string' ? meta.commandId : '',
      event: JSON.stringify(raw),
    });
  }

  const read = (at: number): ReturnType<typeof decodeStoredRow<E>> => {
    const row = log[at]!;
    if (typeof row.event !== 'string') return right(row.event);
    let raw: unknown;
    try {
      raw = JSON.parse(row.event);
    } catch (cause) {
      return left(
        storeError('MalformedEvent', `event ${row.streamId}@${row.version} is not JSON`, {
          streamId: row.streamId,
          version: row.version,
          cause,
        }),
      );
    }
    return decodeStoredRow<E>(registry!, raw, row.streamId, row.version);
  };

  const readMany = (
    indexes: Iterable<number>,
  ): ReturnType<TaskEither<StoreError, readonly StoredEvent<E>[]>> => {
    const out: StoredEvent<E>[] = [];
    for (const at of indexes) {
      const event = read(at);
      if (isLeft(event)) return Promise.resolve(event);
      out.push(event.right);
    }
    return Promise.resolve(right(out));
  };

  function* range(from: number, to: number) {
    for (let i = from; i < to; i++) yield i;
  }

  const readAll: EventStore<E>['readAll'] = (o = {}) => {
    const from = Math.max(0, o.after ?? 0);
    const to = o.limit === undefined ? log.length : Math.min(log.length, from + Math.max(0, o.limit));
    return () => readMany(range(from, to));
  };

  return {
    appendToStream(streamId, events, { expectedVersion, eventIds }) {
      return () => {
        const stream = streams.get(streamId);
        const current = stream?.length ?? 0;
        if (expectedVersion !== 'any' && expectedVersion !== current) {
          return Promise.resolve(left(concurrencyError(streamId, expectedVersion, current)));
        }
        if (eventIds !== undefined && eventIds.length !== events.length) {
          return Promise.resolve(left(storeError('Internal', 'eventIds must match events one to one')));
        }
        const stored: StoredEvent<E>[] = [];
        for (let i = 0; i < events.length; i++) {
          const event = events[i]!;
          const schemaVersion = registry?.schemaVersionOf(event.type) ?? 1;
          const eventId = eventIds?.[i] ?? `${event.metadata.commandId}/${i}`;
          stored.push(
            toStoredEvent(event, eventId, streamId, current + i + 1, log.length + i + 1, schemaVersion),
          );
        }
        // Serialise everything before indexing anything: all or none.
        const rows = stored.map((event) => (registry === undefined ? event : JSON.stringify(event)));
        for (let i = 0; i < stored.length; i++) {
          const event = stored[i]!;
          index({
            streamId,
            version: event.metadata.version,
            commandId: event.metadata.commandId,
            event: rows[i]!,
          });
        }
        if (stored.length > 0) {
          const waiting = listeners;
          listeners = [];
          for (const wake of waiting) wake();
        }
        return Promise.resolve(right({ nextVersion: current + stored.length, events: stored }));
      };
    },
    readStream(streamId, o = {}) {
      const stream = streams.get(streamId) ?? [];
      const from = Math.max(1, o.fromVersion ?? 1);
      return () => readMany(stream.slice(from - 1));
    },
    readAll,
    findCommand(streamId, commandId) {
      return () => {
        const found = commands.get(`${streamId}\u0000${commandId}`);
        if (found === undefined) return Promise.resolve(right(none));
        return readMany(found).then((r) => (isLeft(r) ? r : right(some(r.right))));
      };
    },
    subscribe(o) {
      return startCatchUp<E>(
        {
          readAll,
          head: async () => log.length,
          waitForAppend: (after, signal) =>
            new Promise<void>((resolve) => {
              if (signal.aborted || log.length > after) return resolve();
              listeners.push(resolve);
              signal.addEventListener('abort', () => resolve(), { once: true });
            }),
        },
        o,
      );
    },
  };
};
