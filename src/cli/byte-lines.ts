/**
 * Lines of a log, split on bytes rather than strings: a line is turned into a string only when
 * it is at most {@link MAX_LINE_BYTES} long, so a giant line costs its length in time but not in
 * memory, and a file of any size is read chunk by chunk. A NUL byte ends the read: no JSON line
 * holds one, so the input is not a text log (`/dev/zero`, a binary file). A source that fails
 * mid-way (a truncated gzip file) ends the read with the reason, keeping the lines read.
 * @module
 */

/** The longest line read, in bytes (1 MiB): a longer one is reported and skipped unread. */
export const MAX_LINE_BYTES = 1_048_576;

/** A line of the input: its text, or only its length when it is longer than the bound. */
export type ByteLine =
  | { readonly kind: 'text'; readonly line: number; readonly text: string }
  | { readonly kind: 'too-long'; readonly line: number; readonly bytes: number };

/** How reading lines ended. */
export interface LinesRead {
  /** Lines met, blank ones included. */
  readonly lines: number;
  /** `true` when the visitor asked to stop. */
  readonly stopped: boolean;
  /** Why the input could not be read to its end (a NUL byte), if it could not. */
  readonly failure?: string;
}

const NEWLINE = 0x0a;
const BOM = '\ufeff';

/**
 * Calls `visit` with every line of `chunks` (`\n` or `\r\n` ends a line; a UTF-8 byte order mark
 * at the start is skipped). `visit` returns `false` to stop.
 */
export const readLines = async (
  chunks: AsyncIterable<Uint8Array>,
  visit: (line: ByteLine) => boolean,
  maxBytes = MAX_LINE_BYTES,
): Promise<LinesRead> => {
  let pieces: Buffer[] = [];
  let pending = 0; // bytes of the line so far
  let tooLong = false;
  let line = 0;
  let offset = 0; // bytes before the current chunk

  const emit = (last: Buffer, from: number, to: number): boolean => {
    line += 1;
    const bytes = pending + (to - from);
    let go: boolean;
    if (tooLong || bytes > maxBytes) go = visit({ kind: 'too-long', line, bytes });
    else {
      let text =
        pieces.length === 0
          ? last.toString('utf8', from, to)
          : Buffer.concat([...pieces, last.subarray(from, to)]).toString('utf8');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (line === 1 && text.startsWith(BOM)) text = text.slice(1);
      go = visit({ kind: 'text', line, text });
    }
    pieces = [];
    pending = 0;
    tooLong = false;
    return go;
  };

  const iterator = chunks[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await iterator.next();
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      return { lines: line, stopped: true, failure: `cannot read past line ${line}: ${reason}` };
    }
    if (next.done === true) break;
    const raw = next.value;
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    const nul = chunk.indexOf(0);
    const end = nul < 0 ? chunk.length : nul;
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE, from); at >= 0 && at < end; at = chunk.indexOf(NEWLINE, from)) {
      if (!emit(chunk, from, at)) {
        await iterator.return?.();
        return { lines: line, stopped: true };
      }
      from = at + 1;
    }
    if (nul >= 0) {
      const where = `byte ${(offset + nul + 1).toLocaleString('en-US')} (line ${line + 1})`;
      await iterator.return?.();
      return { lines: line, stopped: true, failure: `${where} is a NUL byte: this is not a text event log` };
    }
    const rest = chunk.length - from;
    if (rest > 0) {
      if (!tooLong && pending + rest > maxBytes) {
        tooLong = true;
        pieces = [];
      }
      if (!tooLong) pieces.push(chunk.subarray(from));
      pending += rest;
    }
    offset += chunk.length;
  }
  if (pending > 0 || tooLong) {
    const empty = Buffer.alloc(0);
    if (!emit(empty, 0, 0)) return { lines: line, stopped: true };
  }
  return { lines: line, stopped: false };
};
