/**
 * `npm run demo`: a month in the life of a cloud PBX account, through the library.
 *
 * The account «Ромашка» is opened on «Базовый» with two МКН and 142 numbers; recording, caller
 * ID, short numbers and per-number recording are turned on, the 3 000-SMS package is bought, the
 * four notification scenarios are configured and smart callback is enabled. Then a seeded month
 * of calls (30 000 by default) is played through the command handler: missed calls and notices,
 * clients calling back within the callback window, recordings filling storage until packs are
 * added automatically and then the oldest recordings are evicted. Finally the source's screens
 * are printed from the read models.
 *
 *     npm run demo                     # 30 000 calls, seed 42
 *     npm run demo -- --calls 3000 --seed 7
 *
 * The same seed gives the same output, byte for byte. Progress goes to stderr on a terminal only.
 * @module
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { AccountEvent } from '../src/index.js';
import { playMonth } from './month/calls.js';
import { createPrng } from './month/prng.js';
import { renderScreens } from './month/screens.js';
import { moscowInstant, moscowMs, openSession } from './month/session.js';
import { FREE_MKN, MAIN_MKN, setUpAccount } from './month/setup.js';
import { staffDirectory } from './month/staff.js';

/** What the demo plays. */
export interface DemoOptions {
  /** Calls in the month (clients' callbacks come on top). */
  readonly calls: number;
  readonly seed: number;
  /** Recording bytes per second (default 16 000: PCM 8 kHz 16-bit); more fills storage with fewer calls. */
  readonly bytesPerSecond?: number;
  /** Told when each day of calls starts. */
  readonly onProgress?: (day: number, days: number) => void;
}

/** Plays the month and returns everything the demo prints. */
export const monthOfCalls = async (options: DemoOptions): Promise<string> => {
  const session = openSession('romashka');
  const openedMs = moscowMs(2025, 4, 21, 9);
  const { roster } = await setUpAccount(session, staffDirectory(), openedMs);
  const plan = {
    calls: options.calls,
    firstDayMs: moscowMs(2025, 4, 22),
    days: 29,
    mainMkn: MAIN_MKN.number,
    freeMkn: FREE_MKN.number,
    ...(options.bytesPerSecond === undefined ? {} : { bytesPerSecond: options.bytesPerSecond }),
  };
  const hooks = options.onProgress === undefined ? {} : { onProgress: options.onProgress };
  const stats = await playMonth(session, roster, plan, createPrng(options.seed), hooks);
  const all = await session.store.readAll()();
  if (all._tag === 'Left') throw new Error(all.left.message);
  const events: readonly AccountEvent[] = all.right;
  const heading = `Корпоративная АТС «Ромашка»: месяц звонков (звонков: ${options.calls}, seed ${options.seed}, событий: ${events.length})`;
  return `${heading}\n${renderScreens(events, stats, moscowInstant(openedMs))}\n`;
};

const main = async () => {
  const { values } = parseArgs({
    options: { calls: { type: 'string', default: '30000' }, seed: { type: 'string', default: '42' } },
  });
  const tty = process.stderr.isTTY === true;
  const started = performance.now();
  const output = await monthOfCalls({
    calls: Number(values.calls),
    seed: Number(values.seed),
    ...(tty
      ? { onProgress: (day: number, days: number) => process.stderr.write(`\rдень ${day} из ${days}…`) }
      : {}),
  });
  if (tty)
    process.stderr.write(`\r\u001b[Kготово за ${((performance.now() - started) / 1000).toFixed(1)} с\n`);
  process.stdout.write(output);
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
