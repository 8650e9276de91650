/**
 * Wake-ups for catch-up subscriptions: one `LISTEN` connection per store, shared by its running
 * subscriptions, plus a poll timer as the safety net (a lost connection, a missed notification).
 *
 * No notification can slip between a subscription's read and its wait: every notification (and
 * the moment `LISTEN` starts) bumps an epoch, a subscription notes the epoch when it starts a
 * read, and a wait returns at once when the epoch has moved since.
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Database, Held } from './database.js';

/** The shared wake-up source of one store. */
export interface WakeUps {
  /** Counts notifications so far; note it before each read. */
  readonly epoch: () => number;
  /** Resolves on the next notification after `since`, after `ms` (default `pollIntervalMs`), or on abort. */
  readonly wait: (since: number, signal: AbortSignal, ms?: number) => Promise<void>;
  /** A subscription starts using the listener (it connects on the first). */
  readonly retain: () => void;
  /** A subscription is done with it (the last one closes the connection). */
  readonly release: () => void;
}

/** Options of {@link createWakeUps}. */
export interface WakeUpOptions {
  readonly db: Database;
  readonly channel: string;
  /** `false`: poll only, no connection is held. */
  readonly listen: boolean;
  readonly pollIntervalMs: number;
}

/** Creates the wake-up source of a store. */
export const createWakeUps = ({ db, channel, listen, pollIntervalMs }: WakeUpOptions): WakeUps => {
  let epoch = 0;
  let users = 0;
  let connection: Held | undefined;
  let connecting: Promise<void> | undefined;
  const waiting = new Set<() => void>();

  const bump = () => {
    epoch++;
    for (const wake of [...waiting]) wake();
  };

  const drop = () => {
    const current = connection;
    connection = undefined;
    // Never back into the pool: a connection that listens would go on receiving notifications.
    current?.done(true);
  };

  // A failed attempt (the pool handed out a connection the server had just closed, say) is
  // tried again soon, not at the next poll: until then no notification can wake anyone.
  const FIRST_RETRY_MS = 50;
  let retryMs = FIRST_RETRY_MS;
  const retrySoon = () => {
    if (users === 0) return;
    const timer = setTimeout(connect, retryMs);
    timer.unref?.();
    retryMs = Math.min(retryMs * 2, pollIntervalMs);
  };

  const connect = () => {
    if (!listen || users === 0 || connection !== undefined || connecting !== undefined) return;
    connecting = (async () => {
      try {
        const taken = await db.hold('listening for appends');
        if (isLeft(taken)) return retrySoon(); // the poll timer stands in meanwhile
        const held = taken.right;
        held.client.on('error', () => {
          if (connection !== held) return;
          drop();
          bump(); // notifications may have been lost: read again (the next wait listens again)
        });
        held.client.on('notification', (message) => {
          if (message.channel === channel) bump();
        });
        const listening = await held.query('listening for appends', `LISTEN "${channel}"`);
        if (isLeft(listening) || users === 0) {
          held.done(true);
          if (isLeft(listening)) retrySoon();
        } else {
          connection = held;
          retryMs = FIRST_RETRY_MS;
          bump(); // appends made before LISTEN took effect: read once more
        }
      } finally {
        // Cleared before anyone woken above runs: a connection lost at once must be able to
        // start the next attempt.
        connecting = undefined;
      }
    })();
  };

  return {
    epoch: () => epoch,
    wait: (since, signal, ms = pollIntervalMs) =>
      new Promise<void>((resolve) => {
        if (signal.aborted || epoch !== since) return resolve();
        connect();
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          waiting.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
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
