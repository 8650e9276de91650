/**
 * Group commit: appends of different streams that arrive while earlier ones are being written go
 * to the server together, in one transaction, so one commit (one WAL flush) serves many commands.
 * Nothing waits on a timer: an append that arrives while fewer than `maxInFlight` transactions
 * are out goes at once; the others gather until one comes back.
 *
 * Each stream's batch is still checked on its own (its expected version, its command id): a
 * conflict fails that batch only. When the whole statement fails for a reason of one batch (an
 * event id its stream already has), every batch of the group is sent again alone, so only that
 * one fails.
 * @module
 */
import type { AnyEvent } from '../kernel/envelope.js';
import { type AppendOutcome, appendAll, appendOne, type PendingAppend } from './append.js';
import type { Database } from './database.js';
import type { SchemaNames } from './names.js';

/** Options of group commit (`groupCommit` of the store). */
export interface GroupCommitOptions {
  /** At most this many streams' batches per transaction (default 256). */
  readonly maxAppends?: number;
  /**
   * At most this many group transactions out at once (default 1: with one out, the next group
   * gathers everything that arrives meanwhile, so each commit serves more appends and the
   * server spends less per append; measured better at 4, 16 and 64 writers than 2).
   */
  readonly maxInFlight?: number;
}

/** Sends appends to the server: one at a time, or gathered into groups. */
export type Appender<E extends AnyEvent> = (append: PendingAppend<E>) => Promise<AppendOutcome<E>>;

interface Waiting<E extends AnyEvent> {
  readonly append: PendingAppend<E>;
  readonly resolve: (outcome: AppendOutcome<E>) => void;
}

const alone =
  <E extends AnyEvent>(db: Database, n: SchemaNames): Appender<E> =>
  (append) =>
    appendOne(db, n, append);

/** Creates the appender of a store: `options` undefined sends each append alone. */
export const createAppender = <E extends AnyEvent>(
  db: Database,
  n: SchemaNames,
  options: GroupCommitOptions | undefined,
): Appender<E> => {
  const single = alone<E>(db, n);
  if (options === undefined) return single;
  const maxAppends = Math.max(1, options.maxAppends ?? 256);
  const maxInFlight = Math.max(1, options.maxInFlight ?? 1);
  let queue: Waiting<E>[] = [];
  let inFlight = 0;

  const send = async (group: readonly Waiting<E>[]) => {
    const outcomes = await appendAll(
      db,
      n,
      group.map((w) => w.append),
    );
    const failedWhole =
      group.length > 1 && outcomes.every((o) => o._tag === 'Left' && o.left._tag === 'StoreError');
    if (failedWhole && outcomes[0]?._tag === 'Left' && outcomes[0].left.code !== 'Unavailable') {
      // One batch's row was refused by the database: find which, by sending each alone.
      await Promise.all(group.map(async (w) => w.resolve(await single(w.append))));
      return;
    }
    for (let i = 0; i < group.length; i++) group[i]!.resolve(outcomes[i]!);
  };

  const pump = () => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const group = queue.length <= maxAppends ? queue : queue.slice(0, maxAppends);
      queue = queue.length <= maxAppends ? [] : queue.slice(maxAppends);
      inFlight++;
      void send(group).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  return (append) =>
    new Promise<AppendOutcome<E>>((resolve) => {
      queue.push({ append, resolve });
      pump();
    });
};
