/**
 * What `replay` and `explain-bill` print on standard output (text, or one JSON document with
 * `--json`) and the summary line on standard error.
 * @module
 */
import type { Billing } from '../projections/billing.js';
import type { LogArgs } from './args.js';
import type { CliIo } from './io.js';
import { explainJson, explainText } from './render-billing.js';
import type { ReplayResult, StreamReplay } from './replay.js';
import { SECTIONS, type SectionContext, statementOf } from './sections.js';
import { openedAfter } from './warnings.js';

const contextOf = (args: LogArgs, stream: StreamReplay): SectionContext => ({
  period: args.period,
  lastAt: stream.lastAt,
  limit: args.limit,
});

const headerOf = (stream: StreamReplay): string =>
  `account ${stream.accountId ?? '?'} (stream ${stream.streamId}): ${stream.events} events, version ${stream.lastVersion}, last at ${stream.lastAt ?? '—'}`;

const totals = (file: string, result: ReplayResult) => ({
  file,
  lines: result.lines,
  events: result.events,
  stopped: result.stopped,
  failure: result.failure ?? null,
  skipped: { count: result.badCount, lines: result.bad },
  gaps: { count: result.gapCount, gaps: result.gaps },
});

/** `explain-bill`: each stream's statement of the period asked for. */
export const printExplained = (
  args: LogArgs,
  result: ReplayResult,
  streams: readonly StreamReplay[],
  io: CliIo,
): void => {
  const explained = streams.map((stream) => {
    const billing = stream.folds.get('billing')?.view() as Billing;
    const before = openedAfter(stream, args.period) !== undefined;
    return { stream, statement: before ? null : statementOf(billing, contextOf(args, stream)) };
  });
  if (args.json) {
    const accounts = explained.map(({ stream, statement }) => ({
      streamId: stream.streamId,
      accountId: stream.accountId,
      statement: statement === null ? null : explainJson(statement),
    }));
    io.out(`${JSON.stringify({ ...totals(args.file, result), accounts }, null, 2)}\n`);
    return;
  }
  for (const { stream, statement } of explained) {
    const opened = openedAfter(stream, args.period);
    const body =
      statement !== null
        ? explainText(statement, args.daily).join('\n')
        : opened === undefined
          ? 'no statement: the account is not opened'
          : `no statement: the account was opened on ${opened}, after --period`;
    io.out(`${headerOf(stream)}\n${body}\n\n`);
  }
};

/** `replay`: each stream's read models, as asked by `--projection`. */
export const printReplayed = (
  args: LogArgs,
  result: ReplayResult,
  streams: readonly StreamReplay[],
  io: CliIo,
): void => {
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
    io.out(`${JSON.stringify({ ...totals(args.file, result), accounts }, null, 2)}\n`);
    return;
  }
  for (const stream of streams) {
    const context = contextOf(args, stream);
    const blocks = chosen.map((s) => s.text(stream.folds.get(s.name)?.view() as never, context).join('\n'));
    io.out(`${[headerOf(stream), ...blocks].join('\n\n')}\n\n`);
  }
};

/** `events.jsonl: 400 lines, 396 events in 1 stream; skipped 4 bad lines (5, 21, …); 1 gap in versions`. */
export const summaryLine = (file: string, r: ReplayResult): string => {
  const streams = `${r.streams.length} stream${r.streams.length === 1 ? '' : 's'}`;
  const head = `${file === '-' ? '(stdin)' : file}: ${r.lines} lines, ${r.events} events in ${streams}`;
  if (r.failure !== undefined) return `${head}; stopped: ${r.failure}`;
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
