/**
 * Seeds the cabinet with the demo's month (`npm run demo`): the account «Ромашка» opened on
 * 21.04.2025, its 142 numbers and options, and a seeded month of calls, every command through
 * the given handler. Only a new account is seeded; a store that already holds it is left alone.
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { AccountCommandHandler } from '../../src/index.js';
import { playMonth } from '../month/calls.js';
import { createPrng } from '../month/prng.js';
import { commandOf, moscowMs, mustOf, type Session } from '../month/session.js';
import { FREE_MKN, MAIN_MKN, setUpAccount } from '../month/setup.js';
import { staffDirectory } from '../month/staff.js';

/** How much of the demo to play. */
export interface SeedOptions {
  /** Calls in the month (3 000 fill two storage packs and start in about a second). */
  readonly calls: number;
  readonly seed: number;
  /** Told when each day of calls starts. */
  readonly onProgress?: (day: number, days: number) => void;
}

/** A demo session over `handler`: command ids `cmd-1`, `cmd-2`… (the page's own are random). */
const sessionOver = (handler: AccountCommandHandler, accountId: string): Session => {
  let count = 0;
  const send: Session['send'] = async (type, data, atMs, actor = 'admin') => {
    count += 1;
    const result = await handler.handleUnknown(commandOf(type, data, accountId, count, atMs, actor))();
    return isLeft(result) ? { ok: false, error: result.left } : { ok: true, handled: result.right };
  };
  return { accountId, send, must: mustOf(send), sent: () => count };
};

/** Plays the demo's set-up and month of calls into `accountId`. */
export const seedMonth = async (
  handler: AccountCommandHandler,
  accountId: string,
  options: SeedOptions,
): Promise<void> => {
  const session = sessionOver(handler, accountId);
  const { roster } = await setUpAccount(session, staffDirectory(), moscowMs(2025, 4, 21, 9));
  const plan = {
    calls: options.calls,
    firstDayMs: moscowMs(2025, 4, 22),
    days: 29,
    mainMkn: MAIN_MKN.number,
    freeMkn: FREE_MKN.number,
  };
  const hooks = options.onProgress === undefined ? {} : { onProgress: options.onProgress };
  await playMonth(session, roster, plan, createPrng(options.seed), hooks);
};
