/**
 * Exporting an event store as an event log: page after page of `readAll` in global order, each
 * event written as one JSON line (the stored form `replay` reads back). Only one page is held at
 * a time, and the next is read after the previous one is written, so a store of any size is
 * exported in bounded memory.
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { left, right } from 'fp-ts/lib/Either.js';
import type { AccountEvent } from '../account/events.js';
import { accountStreamId } from '../account/handler.js';
import type { StoreError } from '../kernel/errors.js';
import type { EventStore } from '../kernel/event-store.js';

/** What to export, and where to. */
export interface ExportOptions {
  /** Only this account's events: an account id or its stream id. */
  readonly account: string | undefined;
  /** Only events after this global position (0: from the start). */
  readonly fromPosition: number;
  /** Events read per page. */
  readonly pageSize: number;
  /** Writes a page of lines; the next page is read once it resolves. */
  readonly write: (lines: string) => void | Promise<void>;
  /** Told after each page how many events were read so far. */
  readonly onPage?: (read: number) => void;
}

/** What an export came to. */
export interface ExportResult {
  /** Events read, and written (those of `account`). */
  readonly read: number;
  readonly written: number;
  /** Global positions of the first and the last event written (`null` when none was). */
  readonly first: number | null;
  readonly last: number | null;
}

/** Exports `store`; `left` with the store's error when a page cannot be read. */
export const exportEvents = async (
  store: EventStore<AccountEvent>,
  options: ExportOptions,
): Promise<Either<{ readonly error: StoreError; readonly partial: ExportResult }, ExportResult>> => {
  const streams =
    options.account === undefined ? undefined : [options.account, accountStreamId(options.account)];
  let after = options.fromPosition;
  let read = 0;
  let written = 0;
  let first: number | null = null;
  let last: number | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: options.pageSize })();
    if (page._tag === 'Left') return left({ error: page.left, partial: { read, written, first, last } });
    let lines = '';
    for (const event of page.right) {
      after = Math.max(after, event.metadata.globalPosition);
      if (streams !== undefined && !streams.includes(event.metadata.streamId)) continue;
      lines += `${JSON.stringify(event)}\n`;
      written += 1;
      first ??= event.metadata.globalPosition;
      last = event.metadata.globalPosition;
    }
    read += page.right.length;
    if (lines !== '') await options.write(lines);
    options.onPage?.(read);
    if (page.right.length < options.pageSize) return right({ read, written, first, last });
  }
};
