/**
 * The in-memory event store: for tests, the demo and single-process tools. Appends are atomic
 * and checked against the expected version and the command's recorded outcome; reads never see
 * half an append. Each stream is its own array (a read is a slice); a global array serves
 * `readAll`. It shares no object with its callers: what comes in is copied, what is kept is
 * frozen (see `in-memory-rows`).
 *
 * With a `registry`, the store behaves like a database: it keeps each event as JSON text and
 * decodes it on read, so a row that does not decode (for example one given in `rows`, imported
 * from a log) comes back as a typed error naming its stream, version and path.
 * @module
 */
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import { none, some } from 'fp-ts/lib/Option.js';
import type { AnyEvent, StoredEvent } from './envelope.js';
import { commandAlreadyRecorded, concurrencyError, type StoreError, storeError } from './errors.js';
import type { EventStore } from './event-store.js';
import { plainRows, type Row, serialisedRows } from './in-memory-rows.js';
import { importRows, newStream, outcomeOf, recordEventless, type StreamLog } from './in-memory-streams.js';
import type { PayloadRegistry } from './registry.js';
import { toStoredEvent } from './stored-event.js';
import { startCatchUp } from './subscription.js';

/** A registry to keep events as JSON (as a database does) and rows to start from; both optional. */
export interface InMemoryEventStoreOptions {
  /** Keep events as JSON and decode them through this registry on every read. */
  readonly registry?: PayloadRegistry;
  /** Rows already in the log (raw stored events, e.g. parsed from a JSONL file). Needs `registry`. */
  readonly rows?: readonly unknown[];
}

/** Creates an empty (or seeded) in-memory {@link EventStore}. */
export const createInMemoryEventStore = <E extends AnyEvent = AnyEvent>(
  options: InMemoryEventStoreOptions = {},
): EventStore<E> => {
  const { registry } = options;
  const format = registry === undefined ? plainRows<E>() : serialisedRows<E>(registry);
  const log: Row<E>[] = [];
  const streams = new Map<string, StreamLog<E>>();
  // One wake-up per waiting subscription; each removes itself when called.
  const wakers = new Set<() => void>();

  if (options.rows !== undefined && options.rows.length > 0) {
    if (registry === undefined) throw new TypeError('createInMemoryEventStore: rows need a registry');
    importRows(options.rows, log, streams);
  }

  const readAll: EventStore<E>['readAll'] = (o = {}) => {
    const from = Math.max(0, o.after ?? 0);
    const to = o.limit === undefined ? log.length : Math.min(log.length, from + Math.max(0, o.limit));
    return () => Promise.resolve(from >= to ? right([]) : format.read(log, from, to));
  };

  const streamOf = (streamId: string): StreamLog<E> => {
    let stream = streams.get(streamId);
    if (stream === undefined) {
      stream = newStream<E>();
      streams.set(streamId, stream);
    }
    return stream;
  };

  return {
    appendToStream(streamId, events, { expectedVersion, eventIds, commandId }) {
      return () => {
        const stream = streams.get(streamId);
        const current = stream?.rows.length ?? 0;
        if (commandId !== undefined && stream?.outcomes.has(commandId) === true) {
          return Promise.resolve(left(commandAlreadyRecorded(streamId, commandId)));
        }
        if (expectedVersion !== 'any' && expectedVersion !== current) {
          return Promise.resolve(left(concurrencyError(streamId, expectedVersion, current)));
        }
        if (eventIds !== undefined && eventIds.length !== events.length) {
          return Promise.resolve(left(storeError('Internal', 'eventIds must match events one to one')));
        }
        // Copy (and check) everything before keeping anything: all or none.
        const kept = stream ?? newStream<E>();
        const rows: Row<E>[] = [];
        const out: StoredEvent<E>[] = [];
        const undo = (error: StoreError) => {
          for (const event of out) kept.eventIds.delete(event.metadata.eventId);
          return Promise.resolve(left(error));
        };
        for (let i = 0; i < events.length; i++) {
          const event = events[i]!;
          const eventId = eventIds?.[i] ?? `${event.metadata.commandId}/${i}`;
          if (kept.eventIds.has(eventId)) {
            return undo(storeError('Internal', `event id ${eventId} is already used in stream ${streamId}`));
          }
          const schemaVersion = registry?.schemaVersionOf(event.type) ?? 1;
          const version = current + i + 1;
          const stored = toStoredEvent(event, eventId, streamId, version, log.length + i + 1, schemaVersion);
          const written = format.write(stored);
          if (isLeft(written)) return undo(written.left);
          kept.eventIds.add(eventId);
          rows.push(written.right.row);
          out.push(written.right.event);
        }
        if (rows.length === 0 && commandId === undefined) {
          return Promise.resolve(right({ nextVersion: current, events: out }));
        }
        if (stream === undefined) streams.set(streamId, kept);
        for (const row of rows) {
          kept.rows.push(row);
          log.push(row);
        }
        if (commandId !== undefined) {
          kept.outcomes.set(
            commandId,
            rows.length === 0
              ? { kind: 'unchanged', version: current }
              : { kind: 'appended', first: current + 1, version: current + rows.length },
          );
        }
        if (rows.length > 0) for (const wake of wakers) wake();
        return Promise.resolve(right({ nextVersion: current + rows.length, events: out }));
      };
    },
    readStream(streamId, o = {}) {
      return () => {
        const rows = streams.get(streamId)?.rows;
        const from = Math.max(1, o.fromVersion ?? 1) - 1;
        if (rows === undefined || from >= rows.length) return Promise.resolve(right([]));
        return Promise.resolve(format.read(rows, from, rows.length));
      };
    },
    readAll,
    recordOutcome(streamId, commandId, outcome) {
      return () => {
        const stream = streams.get(streamId);
        if (stream?.outcomes.has(commandId) === true) {
          return Promise.resolve(left(commandAlreadyRecorded(streamId, commandId)));
        }
        const recorded = recordEventless(outcome, stream?.rows.length ?? 0);
        if (isLeft(recorded)) return Promise.resolve(recorded);
        const kept = stream ?? streamOf(streamId);
        kept.outcomes.set(commandId, recorded.right);
        return Promise.resolve(outcomeOf(format, kept, recorded.right));
      };
    },
    findCommand(streamId, commandId) {
      return () => {
        const stream = streams.get(streamId);
        const recorded = stream?.outcomes.get(commandId);
        if (stream === undefined || recorded === undefined) return Promise.resolve(right(none));
        const outcome = outcomeOf(format, stream, recorded);
        return Promise.resolve(isLeft(outcome) ? outcome : right(some(outcome.right)));
      };
    },
    subscribe(o) {
      let resume: (() => void) | undefined;
      let listening = false;
      const wake = () => {
        wakers.delete(wake);
        const waiting = resume;
        resume = undefined;
        waiting?.();
      };
      return startCatchUp<E>(
        {
          readAll,
          head: () => Promise.resolve(log.length),
          waitForAppend: (after, signal) =>
            new Promise<void>((resolve) => {
              if (signal.aborted || log.length > after) return resolve();
              // One abort listener for the whole subscription, not one per wait.
              if (!listening) {
                listening = true;
                signal.addEventListener('abort', wake, { once: true });
              }
              resume = resolve;
              wakers.add(wake);
            }),
        },
        o,
      );
    },
  };
};
