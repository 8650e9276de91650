/**
 * `npm run cabinet`: the seed's screens as a web page over the library — «Мой тариф», the
 * storage dialog, «SMS-опции» with the live counter, «Опции для номеров» and the bill with its
 * charts — for the demo account «Ромашка» after a seeded month of calls.
 *
 *     npm run cabinet                          # http://127.0.0.1:3000/, events in memory
 *     PORT=8080 npm run cabinet -- --calls 10000 --seed 7
 *     PBX_PG_URL=postgres://… npm run cabinet  # events on PostgreSQL (seeded on first start)
 *
 * `HOST` chooses the interface to listen on (default 127.0.0.1).
 * @module
 */
import { parseArgs } from 'node:util';
import { openCabinet } from './cabinet.js';
import { startServer } from './server.js';
import { openStore } from './store.js';

const { values } = parseArgs({
  options: { calls: { type: 'string', default: '3000' }, seed: { type: 'string', default: '42' } },
});
const store = await openStore(process.env.PBX_PG_URL);
const tty = process.stderr.isTTY === true;
const cabinet = await openCabinet(store.eventStore, {
  calls: Number(values.calls),
  seed: Number(values.seed),
  ...(tty
    ? { onProgress: (day: number, days: number) => process.stderr.write(`\rдень ${day} из ${days}…`) }
    : {}),
});
if (tty) process.stderr.write('\r\u001b[K');
const server = await startServer(cabinet, Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1');
console.log(`Кабинет «Ромашки»: ${server.url} (события: ${store.description}; Ctrl+C — остановить)`);

const stop = async () => {
  await server.close();
  await store.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
