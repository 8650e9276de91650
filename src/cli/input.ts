/**
 * Opening an event log: a file, or standard input for `-`. A gzip-compressed input is recognised
 * by its first two bytes (whatever its name) and decompressed as it streams. The bytes read
 * from the file (or stdin) are counted, so progress can be shown against the file's size.
 * @module
 */
import { open } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** An opened log. */
export interface LogInput {
  /** Decompressed bytes, chunk by chunk. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Size of the file in bytes when known (a regular file), for a percentage. */
  readonly size: number | undefined;
  /** Source bytes read so far (compressed ones, for a gzip file). */
  readonly bytesRead: () => number;
}

/** The input cannot be opened at all (a missing file, a folder): nothing was read. */
export class CannotOpen extends Error {}

const GZIP = [0x1f, 0x8b];

/** Opens `file` (`-`: `stdin`). Rejects with {@link CannotOpen} when it cannot be opened. */
export const openLog = async (file: string, stdin: AsyncIterable<Uint8Array>): Promise<LogInput> => {
  let source: AsyncIterable<Uint8Array> = stdin;
  let size: number | undefined;
  if (file !== '-') {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(file, 'r');
    } catch (cause) {
      throw new CannotOpen(reasonOf(cause));
    }
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      await handle.close();
      throw new CannotOpen('it is a folder, not a file');
    }
    size = stat.isFile() ? stat.size : undefined;
    source = handle.createReadStream({ highWaterMark: 256 * 1024 });
  }
  let read = 0;
  const counted = async function* () {
    for await (const chunk of source) {
      read += chunk.length;
      yield chunk;
    }
  };
  return { chunks: gunzipIfNeeded(counted()), size, bytesRead: () => read };
};

/** The chunks as they are, or decompressed when the first two bytes are gzip's magic number. */
async function* gunzipIfNeeded(chunks: AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array> {
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let next = await chunks.next();
  while (!next.done && headBytes < GZIP.length) {
    head.push(next.value);
    headBytes += next.value.length;
    if (headBytes < GZIP.length) next = await chunks.next();
  }
  const first = Buffer.concat(head);
  const rest = async function* () {
    yield first;
    if (next.done) return;
    for (;;) {
      next = await chunks.next();
      if (next.done) return;
      yield next.value;
    }
  };
  if (first[0] !== GZIP[0] || first[1] !== GZIP[1]) {
    yield* rest();
    return;
  }
  const gunzip = pipeline(Readable.from(rest()), createGunzip(), () => undefined);
  for await (const chunk of gunzip) yield chunk as Buffer;
}

/** A readable reason from a file system error (`no such file`, `permission denied`). */
export const reasonOf = (cause: unknown): string => {
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return cause instanceof Error ? cause.message : String(cause);
};
