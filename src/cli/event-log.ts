/**
 * Reading an event log: a JSONL file with one stored event a line (as `decodeStoredAccountEvent`
 * accepts it), split on bytes so a log of any length, and a line of any length, is read in
 * bounded memory. Each line is parsed and validated; a bad line is reported with its number and
 * the failing paths, and the caller decides whether to go on.
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { type AccountEvent, accountEventRegistry, type StoredAccountEvent } from '../account/events.js';
import type { ValidationIssue } from '../kernel/errors.js';
import { decodeParsedStoredEvent } from '../kernel/stored-event.js';
import { MAX_LINE_BYTES, readLines } from './byte-lines.js';
import type { LogInput } from './input.js';

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
  /** Lines between two ticks (default 10 000). */
  readonly every?: number;
}

/** How a read ended. */
export interface LogSummary {
  /** Lines read, blank ones included. */
  readonly lines: number;
  /** `true` when a visitor asked to stop, or the input could not be read to its end. */
  readonly stopped: boolean;
  /** Why the input could not be read to its end, if it could not. */
  readonly failure?: string;
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
  // Fresh from JSON.parse and held by no one: a valid line is checked in place.
  const decoded = decodeParsedStoredEvent<AccountEvent>(accountEventRegistry, raw);
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

/** Streams `input` through `visitor`. Blank lines are ignored. */
export const readEventLog = async (input: LogInput, visitor: LogVisitor): Promise<LogSummary> => {
  const every = visitor.every ?? 10_000;
  const read = await readLines(input.chunks, (line) => {
    if (line.line % every === 0) visitor.onTick?.(line.line);
    if (line.kind === 'too-long')
      return visitor.onBadLine({ line: line.line, issues: [tooLong(line.bytes)] });
    if (line.text.trim() === '') return true;
    const decoded = decodeLogLine(line.text);
    return decoded.ok
      ? visitor.onEvent(decoded.event, line.line)
      : visitor.onBadLine(
          decoded.position === undefined
            ? { line: line.line, issues: decoded.issues }
            : { line: line.line, issues: decoded.issues, position: decoded.position },
        );
  });
  return read.failure === undefined
    ? { lines: read.lines, stopped: read.stopped }
    : { lines: read.lines, stopped: read.stopped, failure: read.failure };
};

const tooLong = (bytes: number): ValidationIssue =>
  issue(
    '(line)',
    `a line of at most ${MAX_LINE_BYTES} bytes`,
    bytes,
    `(line): longer than 1 MiB (${MAX_LINE_BYTES.toLocaleString('en-US')} bytes): ${bytes.toLocaleString('en-US')} bytes, skipped unread`,
  );
