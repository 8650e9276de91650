/**
 * `pbx-options`: the command line over an event log. `runCli(argv, io)` does everything but the
 * process handling (exit code, real streams), so it is tested in-process.
 * @module
 */

import type { Billing } from '../projections/billing.js';
import { type CliArgs, parseCliArgs, USAGE } from './args.js';
import { explainJson, explainText } from './render-billing.js';
import { type ReplayResult, replayLog, type StreamReplay } from './replay.js';
import { type Problem, problemLine, type RunStats, statsLine } from './report.js';
import { SECTIONS, type SectionContext, statementOf } from './sections.js';

/** Where the CLI writes, and what it may ask of the process. */
export interface CliIo {
  /** Standard output: the read models (text or one JSON document). */
  readonly out: (text: string) => void;
  /** Standard error: bad lines, the summary, progress and stats. */
  readonly err: (text: string) => void;
  /** Show progress (standard error is a terminal). */
  readonly progress: boolean;
  /** Milliseconds, for the elapsed time in `--stats`. */
  readonly now: () => number;
  /** Resident set size in bytes, sampled for the peak in `--stats`. */
  readonly rss: () => number;
}

/** Exit codes. */
export const EXIT = { ok: 0, failed: 1, skipped: 2 } as const;

const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T.+)?$/;

/** Runs the CLI; resolves with the exit code. */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.err(`pbx-options: ${parsed.error}\n\n${USAGE}\n`);
    return EXIT.failed;
  }
  const args = parsed.args;
  if (args.command === 'help') {
    io.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (
    args.period !== undefined &&
    (!DATE_OR_INSTANT.test(args.period) || Number.isNaN(Date.parse(args.period)))
  ) {
    io.err(`pbx-options: --period: expected a date (2025-05-06) or an instant, got ${args.period}\n`);
    return EXIT.failed;
  }
  const started = io.now();
  let peak = io.rss();
  const onTick = (lines: number) => {
    peak = Math.max(peak, io.rss());
    if (io.progress) io.err(`\r${lines.toLocaleString('en-US')} lines…`);
  };
  let result: ReplayResult;
  try {
    result = await replayLog(args.file, {
      sections: args.sections,
      period: args.period,
      limit: args.limit,
      strict: args.strict,
      onTick,
      onProblem: (problem: Problem) => io.err(`${io.progress ? '\r' : ''}${problemLine(problem)}\n`),
    });
  } catch (cause) {
    io.err(
      `pbx-options: cannot read ${args.file}: ${cause instanceof Error ? cause.message : String(cause)}\n`,
    );
    return EXIT.failed;
  }
  peak = Math.max(peak, io.rss());
  if (io.progress) io.err('\r\u001b[K');
  print(args, result, io);
  const stats: RunStats = { lines: result.lines, ms: io.now() - started, peakRss: peak };
  io.err(`${summaryLine(args.file, result)}\n`);
  if (args.stats) io.err(`${statsLine(stats)}\n`);
  if (result.stopped) return EXIT.failed;
  return result.badCount + result.gapCount > 0 ? EXIT.skipped : EXIT.ok;
};

const contextOf = (args: Extract<CliArgs, { file: string }>, stream: StreamReplay): SectionContext => ({
  period: args.period,
  lastAt: stream.lastAt,
  limit: args.limit,
});

const headerOf = (stream: StreamReplay): string =>
  `account ${stream.accountId ?? '?'} (stream ${stream.streamId}): ${stream.events} events, version ${stream.lastVersion}, last at ${stream.lastAt ?? '—'}`;

const print = (args: Extract<CliArgs, { file: string }>, result: ReplayResult, io: CliIo): void => {
  const streams = result.streams.filter(
    (s) => args.account === undefined || s.accountId === args.account || s.streamId === args.account,
  );
  if (args.command === 'explain-bill') {
    const explained = streams.map((stream) => {
      const billing = stream.folds.get('billing')?.view() as Billing;
      return { stream, statement: statementOf(billing, contextOf(args, stream)) };
    });
    if (args.json) {
      const accounts = explained.map(({ stream, statement }) => ({
        streamId: stream.streamId,
        accountId: stream.accountId,
        statement: statement === null ? null : explainJson(statement),
      }));
      io.out(`${JSON.stringify({ file: args.file, ...totals(result), accounts }, null, 2)}\n`);
      return;
    }
    for (const { stream, statement } of explained) {
      io.out(
        `${headerOf(stream)}\n${statement === null ? 'no statement: the account is not opened' : explainText(statement, args.daily).join('\n')}\n\n`,
      );
    }
    return;
  }
  const chosen = SECTIONS.filter((s) => args.sections.includes(s.name));
  if (args.json) {
    const accounts = streams.map((stream) => {
      const context = contextOf(args, stream);
      const views: Record<string, unknown> = {};
      for (const s of chosen) views[s.name] = s.json(stream.folds.get(s.name)?.view() as never, context);
      return {
        streamId: stream.streamId,
        accountId: stream.accountId,
        events: stream.events,
        lastVersion: stream.lastVersion,
        lastAt: stream.lastAt,
        ...views,
      };
    });
    io.out(`${JSON.stringify({ file: args.file, ...totals(result), accounts }, null, 2)}\n`);
    return;
  }
  for (const stream of streams) {
    const context = contextOf(args, stream);
    const blocks = chosen.map((s) => s.text(stream.folds.get(s.name)?.view() as never, context).join('\n'));
    io.out(`${[headerOf(stream), ...blocks].join('\n\n')}\n\n`);
  }
};

const totals = (result: ReplayResult) => ({
  lines: result.lines,
  events: result.events,
  stopped: result.stopped,
  skipped: { count: result.badCount, lines: result.bad },
  gaps: { count: result.gapCount, gaps: result.gaps },
});

const summaryLine = (file: string, r: ReplayResult): string => {
  const streams = `${r.streams.length} stream${r.streams.length === 1 ? '' : 's'}`;
  const head = `${file}: ${r.lines} lines, ${r.events} events in ${streams}`;
  if (r.stopped) return `${head}; stopped at the first problem (--strict)`;
  if (r.badCount + r.gapCount === 0) return `${head}; every line valid`;
  const shown = r.bad
    .slice(0, 10)
    .map((b) => b.line)
    .join(', ');
  const more = r.badCount > 10 ? ', …' : '';
  const skipped =
    r.badCount === 0
      ? 'no line skipped'
      : `skipped ${r.badCount} bad line${r.badCount === 1 ? '' : 's'} (${shown}${more})`;
  return `${head}; ${skipped}; ${r.gapCount} gap${r.gapCount === 1 ? '' : 's'} in versions`;
};
