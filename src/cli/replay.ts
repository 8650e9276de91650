/**
 * Replaying an event log into read models: every valid event is applied, in file order, to the
 * chosen projections of its stream (one set of views per stream, folded in place). A stream's
 * versions must go up: an event at or below the version already seen is a bad line (applying it
 * twice would count it twice); a jump over versions is a gap (events missing from the log).
 * @module
 */
import type { StoredAccountEvent } from '../account/events.js';
import type { ValidationIssue } from '../kernel/errors.js';
import { compactBadLine } from './compact.js';
import { type BadLine, readEventLog } from './event-log.js';
import type { LogInput } from './input.js';
import type { PrivateFold } from './private-fold.js';
import { SECTIONS, type SectionContext, type SectionName } from './sections.js';

/** One stream (one account) of the log with its views. */
export interface StreamReplay {
  readonly streamId: string;
  accountId: string | null;
  events: number;
  lastVersion: number;
  lastAt: string | null;
  /** When the account was opened, and its time zone (from `AccountOpened`). */
  openedAt: string | null;
  timeZone: string | null;
  readonly folds: Map<SectionName, PrivateFold<unknown>>;
}

/** Events missing from a stream: the log jumps from `after` to `version`. */
export interface Gap {
  readonly line: number;
  readonly streamId: string;
  readonly after: number;
  readonly version: number;
}

/** Options of {@link replayLog}. */
export interface ReplayOptions {
  readonly sections: readonly SectionName[];
  /** `--period` and `--limit`, for the views that fold by them. */
  readonly period: string | undefined;
  readonly limit: number;
  /** Stop at the first bad line or gap. */
  readonly strict: boolean;
  /** Told of each bad line and gap as it is met. */
  readonly onProblem?: (problem: { readonly bad: BadLine } | { readonly gap: Gap }) => void;
  /** Called every 10 000 lines. */
  readonly onTick?: (lines: number) => void;
}

/**
 * What a replay came to. Bad lines and gaps are all counted; the first 1 000 of each are kept,
 * each issue with an excerpt of the value it refused, so a log of any size is replayed in
 * bounded memory.
 */
export interface ReplayResult {
  readonly lines: number;
  readonly events: number;
  readonly streams: readonly StreamReplay[];
  readonly bad: readonly BadLine[];
  readonly badCount: number;
  readonly gaps: readonly Gap[];
  readonly gapCount: number;
  /** `true` when `strict` stopped the replay, or the input could not be read to its end. */
  readonly stopped: boolean;
  /** Why the input could not be read to its end, if it could not. */
  readonly failure: string | undefined;
}

const KEEP = 1_000;

const versionIssue = (streamId: string, last: number, got: number): ValidationIssue => ({
  path: 'metadata.version',
  expected: `a version above ${last}`,
  actual: got,
  message: `metadata.version: expected a version above ${last} (stream ${streamId} is at ${last}), got ${got}`,
});

/** Replays the log `input`. */
export const replayLog = async (input: LogInput, options: ReplayOptions): Promise<ReplayResult> => {
  const sections = SECTIONS.filter((s) => options.sections.includes(s.name));
  const context: SectionContext = { period: options.period, limit: options.limit, lastAt: null };
  const streams = new Map<string, StreamReplay>();
  const bad: BadLine[] = [];
  const gaps: Gap[] = [];
  let badCount = 0;
  let gapCount = 0;
  let events = 0;

  const streamOf = (streamId: string): StreamReplay => {
    let stream = streams.get(streamId);
    if (stream === undefined) {
      const folds = new Map<SectionName, PrivateFold<unknown>>();
      for (const s of sections) folds.set(s.name, s.start(context) as PrivateFold<unknown>);
      stream = {
        streamId,
        accountId: null,
        events: 0,
        lastVersion: 0,
        lastAt: null,
        openedAt: null,
        timeZone: null,
        folds,
      };
      streams.set(streamId, stream);
    }
    return stream;
  };
  const badLine = (line: BadLine): boolean => {
    badCount += 1;
    // Its version was used up by the writer: the next event of the stream follows it without a gap.
    if (line.position !== undefined) {
      const stream = streamOf(line.position.streamId);
      if (line.position.version > stream.lastVersion) stream.lastVersion = line.position.version;
    }
    if (bad.length < KEEP) bad.push(compactBadLine(line));
    options.onProblem?.({ bad: line });
    return !options.strict;
  };

  const onEvent = (event: StoredAccountEvent, line: number): boolean => {
    const { streamId, version } = event.metadata;
    const stream = streamOf(streamId);
    if (version <= stream.lastVersion) {
      return badLine({ line, issues: [versionIssue(streamId, stream.lastVersion, version)] });
    }
    if (version > stream.lastVersion + 1) {
      const gap = { line, streamId, after: stream.lastVersion, version };
      gapCount += 1;
      if (gaps.length < KEEP) gaps.push(gap);
      options.onProblem?.({ gap });
      if (options.strict) return false;
    }
    stream.lastVersion = version;
    stream.lastAt = event.metadata.at;
    stream.events += 1;
    events += 1;
    if (event.type === 'AccountOpened') {
      stream.accountId = event.data.accountId;
      stream.openedAt = event.data.openedAt;
      stream.timeZone = event.data.timeZone;
    }
    for (const fold of stream.folds.values()) fold.apply(event);
    return true;
  };

  const summary = await readEventLog(input, {
    onEvent,
    onBadLine: badLine,
    ...(options.onTick === undefined ? {} : { onTick: options.onTick }),
  });
  return {
    lines: summary.lines,
    events,
    streams: [...streams.values()],
    bad,
    badCount,
    gaps,
    gapCount,
    stopped: summary.stopped,
    failure: summary.failure,
  };
};
