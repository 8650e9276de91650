/**
 * Wake-ups for catch-up subscriptions: one `LISTEN` connection per store, shared by its running
 * subscriptions, plus a poll timer as the safety net (a lost connection, a missed notification).
 *
 * No notification can slip between a subscription's read and its wait: every notification (and
 * the moment `LISTEN` starts) bumps an epoch, a subscription notes the epoch when it starts a
 * read, and a wait returns at once when the epoch has moved since.
 * @module
 */
import type { PgPool, PooledConnection } from './connection.js';

/** The shared wake-up source of one store. */
export interface WakeUps {
  /** Counts notifications so far; note it before each read. */
  readonly epoch: () => number;
  /** Resolves on the next notification after `since`, after `pollIntervalMs`, or on abort. */
  readonly wait: (since: number, signal: AbortSignal) => Promise<void>;
  /** A subscription starts using the listener (it connects on the first). */
  readonly retain: () => void;
  /** A subscription is done with it (the last one closes the connection). */
  readonly release: () => void;
}

/** Options of {@link createWakeUps}. */
export interface WakeUpOptions {
  readonly pool: PgPool;
  readonly channel: string;
  /** `false`: poll only, no connection is held. */
  readonly listen: boolean;
  readonly pollIntervalMs: number;
}

/** Creates the wake-up source of a store. */
export const createWakeUps = ({ pool, channel, listen, pollIntervalMs }: WakeUpOptions): WakeUps => {
  let epoch = 0;
  let users = 0;
  let connection: PooledConnection | undefined;
  let connecting: Promise<void> | undefined;
  const waiting = new Set<() => void>();

  const bump = () => {
    epoch++;
    for (const wake of [...waiting]) wake();
  };

  const drop = (broken?: Error) => {
    const current = connection;
    connection = undefined;
    // Never back into the pool: a connection that listens would go on receiving notifications.
    // Our listeners stay on it, so its late errors are absorbed.
    current?.release(broken ?? true);
  };

  const connect = () => {
    if (!listen || users === 0 || connection !== undefined || connecting !== undefined) return;
    connecting = (async () => {
      let taken: PooledConnection | undefined;
      try {
        taken = await pool.connect();
        taken.on('error', (error) => {
          if (connection !== taken) return;
          drop(error);
          bump(); // notifications may have been lost: read again (the next wait listens again)
        });
        taken.on('notification', (message) => {
          if (message.channel === channel) bump();
        });
        await taken.query(`LISTEN "${channel}"`);
        if (users === 0) taken.release(true);
        else {
          connection = taken;
          bump(); // appends made before LISTEN took effect: read once more
        }
      } catch (error) {
        taken?.release(error instanceof Error ? error : true);
      } finally {
        connecting = undefined;
      }
    })();
  };

  return {
    epoch: () => epoch,
    wait: (since, signal) =>
      new Promise<void>((resolve) => {
        if (signal.aborted || epoch !== since) return resolve();
        connect();
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          waiting.delete(done);
          resolve();
        };
        const timer = setTimeout(done, pollIntervalMs);
        signal.addEventListener('abort', done, { once: true });
        waiting.add(done);
      }),
    retain: () => {
      users++;
      connect();
    },
    release: () => {
      users = Math.max(0, users - 1);
      if (users === 0) drop();
    },
  };
};
