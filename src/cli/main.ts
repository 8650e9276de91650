/**
 * The `pbx-options` executable: runs {@link runCli} on the process's arguments and streams.
 * @module
 */
import { runCli } from './run.js';

void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  progress: process.stderr.isTTY === true,
  now: () => performance.now(),
  rss: () => process.memoryUsage.rss(),
}).then((code) => {
  process.exitCode = code;
});
