/**
 * The `pbx-options` executable: runs {@link runCli} on the process's arguments and streams.
 * @module
 */
import { once } from 'node:events';
import { runCli } from './run.js';
import { packageVersion } from './version.js';

const version = packageVersion();
void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  drain: async () => {
    if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
  },
  err: (text) => process.stderr.write(text),
  stdin: process.stdin,
  progress: process.stderr.isTTY === true,
  now: () => performance.now(),
  rss: () => process.memoryUsage.rss(),
  ...(version === undefined ? {} : { version }),
}).then((code) => {
  process.exitCode = code;
});
