/**
 * Epoch milliseconds of the instants events carry, as recipes read them. The events one command
 * decides share their `metadata.at`, so a fold reads the same instant several times in a row:
 * the last one read is remembered, and a repeat costs one string comparison instead of a parse.
 * @module
 */
import { instantMs } from './codecs.js';

let lastText = '';
let lastMs = Number.NaN;

/** {@link instantMs} of an instant already validated, remembering the last one read. */
export const eventInstantMs = (iso: string): number => {
  if (iso !== lastText) {
    lastMs = instantMs(iso);
    lastText = iso;
  }
  return lastMs;
};
