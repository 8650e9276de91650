/**
 * Progress on standard error while a log is read, only when standard error is a terminal (a
 * pipe or a file gets nothing): the share of the input read when its size is known, the lines
 * so far and the rate. Redrawn in place at most four times a second.
 * @module
 */

/** What a progress line shows. */
export interface ProgressState {
  /** Lines (or events, for an export) so far. */
  readonly count: number;
  /** What is counted: `lines`, `events`. */
  readonly unit: string;
  /** Bytes read from the input, and its size in bytes when it is known. */
  readonly bytes: number;
  readonly size: number | undefined;
  /** Milliseconds since the start. */
  readonly ms: number;
}

const grouped = (n: number) => Math.round(n).toLocaleString('en-US');

/** `37 %  370,000 lines  52,300 lines/s` (without the share when the size is unknown). */
export const progressLine = (p: ProgressState): string => {
  const parts: string[] = [];
  if (p.size !== undefined && p.size > 0)
    parts.push(`${Math.min(100, Math.floor((p.bytes * 100) / p.size))} %`);
  parts.push(`${grouped(p.count)} ${p.unit}`);
  if (p.ms > 0) parts.push(`${grouped((p.count * 1000) / p.ms)} ${p.unit}/s`);
  return parts.join('  ');
};

/** Draws progress on a terminal; every method does nothing when `enabled` is false. */
export interface ProgressMeter {
  /** Redraws if a quarter second passed since the last drawing. */
  readonly tick: (count: number) => void;
  /** Clears the line before other output is written. */
  readonly clear: () => void;
}

/** A meter writing through `err`, timed by `now` (milliseconds). */
export const progressMeter = (options: {
  readonly enabled: boolean;
  readonly unit: string;
  readonly err: (text: string) => void;
  readonly now: () => number;
  readonly bytes: () => number;
  readonly size: number | undefined;
}): ProgressMeter => {
  const started = options.now();
  let drawn = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    tick: (count) => {
      if (!options.enabled) return;
      const now = options.now();
      if (now - drawn < 250) return;
      drawn = now;
      shown = true;
      const line = progressLine({
        count,
        unit: options.unit,
        bytes: options.bytes(),
        size: options.size,
        ms: now - started,
      });
      options.err(`\r\u001b[K${line}`);
    },
    clear: () => {
      if (!shown) return;
      shown = false;
      options.err('\r\u001b[K');
    },
  };
};
