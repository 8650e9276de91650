/**
 * What a replay could not show although it was asked to: an empty log, an `--account` the log
 * does not hold, a `--period` before the account was opened. Each is a warning on standard error
 * and makes the exit code 1, so a script never mistakes "nothing to show" for a clean result.
 * @module
 */
import { dayOf, instantOrDateMs } from '../projections/calendar.js';
import type { ReplayResult, StreamReplay } from './replay.js';

/** The streams `--account` picks (an account id or a stream id; all without it). */
export const streamsOf = (result: ReplayResult, account: string | undefined): StreamReplay[] =>
  result.streams.filter((s) => account === undefined || s.accountId === account || s.streamId === account);

const SHOWN = 5;

/** The day `stream`'s account was opened when `period` lies before it, else `undefined`. */
export const openedAfter = (stream: StreamReplay, period: string | undefined): string | undefined => {
  if (period === undefined || stream.openedAt === null || stream.timeZone === null) return undefined;
  const atMs = instantOrDateMs(period, stream.timeZone);
  const opened = dayOf(Date.parse(stream.openedAt), stream.timeZone);
  return atMs !== undefined && dayOf(atMs, stream.timeZone) < opened ? opened : undefined;
};

/** The warnings of a replay asked for `account` and `period`, one sentence each. */
export const warningsOf = (
  result: ReplayResult,
  request: { readonly account: string | undefined; readonly period: string | undefined },
): string[] => {
  if (result.events === 0 && result.badCount === 0 && result.failure === undefined)
    return [result.lines === 0 ? 'the log is empty' : 'the log has no events, only blank lines'];
  const warnings: string[] = [];
  const streams = streamsOf(result, request.account);
  if (request.account !== undefined && streams.length === 0 && result.streams.length > 0) {
    const ids = result.streams.map((s) => s.accountId ?? s.streamId);
    const more = ids.length > SHOWN ? `, … (${ids.length} in all)` : '';
    warnings.push(
      `--account ${request.account}: no such account in the log (it has ${ids.slice(0, SHOWN).join(', ')}${more})`,
    );
  }
  for (const s of streams) {
    const opened = openedAfter(s, request.period);
    if (opened !== undefined)
      warnings.push(
        `--period ${request.period} is before account ${s.accountId ?? s.streamId} was opened (${opened}): there is no bill for it`,
      );
  }
  return warnings;
};
