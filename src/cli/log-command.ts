/**
 * `replay` and `explain-bill`: open the log, replay it with progress on a terminal, report
 * problems as they are met (the first {@link PROBLEMS_PRINTED}; the rest are counted), print the
 * read models, then the warnings and the summary. Resolves with the exit code.
 * @module
 */
import type { LogArgs } from './args.js';
import { compactBadLine } from './compact.js';
import { CannotOpen, type LogInput, openLog } from './input.js';
import { type CliIo, complain, EXIT } from './io.js';
import { printExplained, printReplayed, summaryLine } from './print.js';
import { progressMeter } from './progress.js';
import { replayLog } from './replay.js';
import { type Problem, problemLine, statsLine } from './report.js';
import { streamsOf, warningsOf } from './warnings.js';

/** Bad lines and gaps printed one by one on standard error; later ones are only counted. */
export const PROBLEMS_PRINTED = 100;

/** Runs `replay` or `explain-bill`; resolves with the exit code. */
export const runLogCommand = async (args: LogArgs, io: CliIo): Promise<number> => {
  let input: LogInput;
  try {
    input = await openLog(args.file, io.stdin ?? emptyInput());
  } catch (cause) {
    if (!(cause instanceof CannotOpen)) throw cause;
    complain(io, `cannot open ${args.file}: ${cause.message}`);
    return EXIT.usage;
  }
  const started = io.now();
  let peak = io.rss();
  const meter = progressMeter({
    enabled: io.progress,
    unit: 'lines',
    err: io.err,
    now: io.now,
    bytes: input.bytesRead,
    size: input.size,
  });
  let printed = 0;
  const onProblem = (problem: Problem) => {
    printed += 1;
    if (printed > PROBLEMS_PRINTED) return;
    meter.clear();
    const shown = 'bad' in problem ? { bad: compactBadLine(problem.bad) } : problem;
    io.err(`${problemLine(shown)}\n`);
    if (printed === PROBLEMS_PRINTED)
      io.err(`(only the first ${PROBLEMS_PRINTED} problems are printed; the rest are counted)\n`);
  };
  const result = await replayLog(input, {
    sections: args.sections,
    period: args.period,
    limit: args.limit,
    strict: args.strict,
    onTick: (lines) => {
      peak = Math.max(peak, io.rss());
      meter.tick(lines);
    },
    onProblem,
  });
  peak = Math.max(peak, io.rss());
  meter.clear();
  const streams = streamsOf(result, args.account);
  if (args.command === 'explain-bill') printExplained(args, result, streams, io);
  else printReplayed(args, result, streams, io);
  const warnings = warningsOf(result, args);
  for (const warning of warnings) io.err(`warning: ${warning}\n`);
  io.err(`${summaryLine(args.file, result)}\n`);
  if (args.stats) io.err(`${statsLine({ lines: result.lines, ms: io.now() - started, peakRss: peak })}\n`);
  const problems = result.stopped || result.badCount + result.gapCount > 0 || warnings.length > 0;
  return problems ? EXIT.problems : EXIT.ok;
};

async function* emptyInput(): AsyncGenerator<Uint8Array> {}
