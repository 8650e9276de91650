/**
 * Reading an event log: a JSONL file with one stored event a line (as `decodeStoredAccountEvent`
 * accepts it), streamed with `node:readline` so a log of any length is read in bounded memory.
 * Each line is parsed and validated; a bad line is reported with its number and the failing
 * paths, and the caller decides whether to go on.
 * @module
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { isLeft } from 'fp-ts/lib/Either.js';
import { decodeStoredAccountEvent, type StoredAccountEvent } from '../account/events.js';
import type { ValidationIssue } from '../kernel/errors.js';

/** A line that could not be used, and why. */
export interface BadLine {
  /** 1-based line number in the file. */
  readonly line: number;
  /** Every failing path with what was expected and what came. */
  readonly issues: readonly ValidationIssue[];
  /** The line's stream and version when they could be read (so a replay knows the version was used). */
  readonly position?: { readonly streamId: string; readonly version: number };
}

/** What to do with each line of a log. */
export interface LogVisitor {
  /** A valid event; `line` is its line number. Return `false` to stop reading. */
  readonly onEvent: (event: StoredAccountEvent, line: number) => boolean;
  /** A bad line; return `false` to stop reading. */
  readonly onBadLine: (bad: BadLine) => boolean;
  /** Called every `every` lines read (progress, memory sampling). */
  readonly onTick?: (lines: number) => void;
  readonly every?: number;
}

/** How a read ended. */
export interface LogSummary {
  /** Lines read, blank ones included. */
  readonly lines: number;
  /** `true` when a visitor asked to stop. */
  readonly stopped: boolean;
}

const issue = (path: string, expected: string, actual: unknown, message: string): ValidationIssue => ({
  path,
  expected,
  actual,
  message,
});

/** Decodes one line of a log (exported for tests and for callers with lines in memory). */
export const decodeLogLine = (
  text: string,
):
  | { readonly ok: true; readonly event: StoredAccountEvent }
  | {
      readonly ok: false;
      readonly issues: readonly ValidationIssue[];
      readonly position?: BadLine['position'];
    } => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return {
      ok: false,
      issues: [issue('(line)', 'a JSON object', text.slice(0, 80), `(line): not JSON: ${reason}`)],
    };
  }
  const decoded = decodeStoredAccountEvent(raw);
  if (!isLeft(decoded)) return { ok: true, event: decoded.right };
  const position = positionOf(raw);
  return position === undefined
    ? { ok: false, issues: decoded.left.issues }
    : { ok: false, issues: decoded.left.issues, position };
};

/** `metadata.streamId` and `metadata.version` of a parsed line, if both are usable. */
const positionOf = (raw: unknown): BadLine['position'] => {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const metadata = (raw as { metadata?: unknown }).metadata;
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const { streamId, version } = metadata as { streamId?: unknown; version?: unknown };
  return typeof streamId === 'string' && Number.isSafeInteger(version) && (version as number) > 0
    ? { streamId, version: version as number }
    : undefined;
};

/** Streams the log at `path` through `visitor`. Blank lines are ignored. Rejects if the file cannot be read. */
export const readEventLog = async (path: string, visitor: LogVisitor): Promise<LogSummary> => {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const every = visitor.every ?? 10_000;
  let n = 0;
  try {
    for await (const text of lines) {
      n += 1;
      if (n % every === 0) visitor.onTick?.(n);
      if (text.trim() === '') continue;
      const decoded = decodeLogLine(text);
      const go = decoded.ok
        ? visitor.onEvent(decoded.event, n)
        : visitor.onBadLine(
            decoded.position === undefined
              ? { line: n, issues: decoded.issues }
              : { line: n, issues: decoded.issues, position: decoded.position },
          );
      if (!go) return { lines: n, stopped: true };
    }
  } finally {
    lines.close();
    input.destroy();
  }
  return { lines: n, stopped: false };
};
