/**
 * `pbx-options`: the command line over an event log. `runCli(argv, io)` does everything but the
 * process handling (exit code, real streams), so every command is tested in-process.
 * @module
 */
import { parseCliArgs } from './args.js';
import { runExportCommand } from './export-command.js';
import { commandHelp, usage } from './help.js';
import { type CliIo, complain, EXIT } from './io.js';
import { runLogCommand } from './log-command.js';

export { type CliIo, EXIT } from './io.js';

/** Runs the CLI; resolves with the exit code ({@link EXIT}). */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    const { message, command } = parsed.error;
    complain(io, message);
    if (argv.length === 0) io.err(`\n${usage()}\n`);
    else
      io.err(
        command === undefined
          ? 'Run pbx-options --help for the commands.\n'
          : `Run pbx-options ${command} --help for its options.\n`,
      );
    return EXIT.usage;
  }
  const args = parsed.args;
  switch (args.command) {
    case 'help':
      io.out(`${args.topic === undefined ? usage() : commandHelp(args.topic)}\n`);
      return EXIT.ok;
    case 'version':
      io.out(`${io.version ?? 'unknown'}\n`);
      return EXIT.ok;
    case 'export':
      return runExportCommand(args, io);
    default:
      return runLogCommand(args, io);
  }
};
