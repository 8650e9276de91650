/**
 * The wake-up for subscriptions, sent after an append has committed (never inside its
 * transaction: a `NOTIFY` there takes a server-wide lock at commit and would serialise commits).
 * It is a hint: a lost one costs a subscription one poll interval. So one store sends at most
 * one at a time, and appends that commit meanwhile share the next one, sent a few milliseconds
 * later: under load, a handful of notifications a second instead of one per append.
 * @module
 */
import type { Database } from './database.js';

/** Gathers the appends of this long into one notification once one has just been sent. */
const GAP_MS = 5;

/** Returns `announce()`: call it after each append that committed events. */
export const createAnnouncer = (db: Database, channel: string): (() => void) => {
  let sending = false;
  let again = false;
  const send = async () => {
    sending = true;
    do {
      again = false;
      await db.query('announcing appends', `SELECT pg_notify($1, '')`, [channel]);
      if (again) await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    } while (again);
    sending = false;
  };
  return () => {
    if (sending) again = true;
    else void send();
  };
};
