/**
 * SMS segment counting: GSM-7 when every character is in the GSM 03.38 default
 * alphabet or its extension table, else UCS-2. One pass over the UTF-16 code units with a
 * lookup table; no regular expressions, no allocation.
 * @module
 */
import { gsmSeptets } from './gsm-alphabet.js';

/** How a text travels as SMS. */
export interface SmsSegments {
  readonly encoding: 'GSM-7' | 'UCS-2';
  /** SMS the text takes; 0 for the empty text (nothing is sent). */
  readonly segments: number;
  /** Unicode code points: what the 210-character limit counts. */
  readonly characters: number;
}

/** Septets in one GSM-7 SMS, and per part of a split one (the rest holds the UDH). */
const GSM_SINGLE = 160;
const GSM_PART = 153;
/** UTF-16 code units in one UCS-2 SMS, and per part of a split one. */
const UCS_SINGLE = 70;
const UCS_PART = 67;

const EMPTY: SmsSegments = { encoding: 'GSM-7', segments: 0, characters: 0 };

/**
 * Counts the SMS a text takes. Extension characters (2 septets) and surrogate pairs (2 code
 * units) are never split across parts, so a part may hold one unit less than its maximum.
 * The empty text takes 0 SMS in GSM-7.
 */
export const countSmsSegments = (text: string): SmsSegments => {
  const length = text.length;
  if (length === 0) return EMPTY;
  let gsm = true;
  let septets = 0;
  let gsmParts = 1;
  let gsmUsed = 0;
  let units = 0;
  let ucsParts = 1;
  let ucsUsed = 0;
  let characters = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        width = 2;
        i++;
      }
    }
    characters++;
    units += width;
    // Greedy packing of parts: a unit that does not fit whole starts the next part.
    if (ucsUsed + width > UCS_PART) {
      ucsParts++;
      ucsUsed = width;
    } else ucsUsed += width;
    if (gsm) {
      const size = width === 1 ? gsmSeptets(code) : 0;
      if (size === 0) gsm = false;
      else {
        septets += size;
        if (gsmUsed + size > GSM_PART) {
          gsmParts++;
          gsmUsed = size;
        } else gsmUsed += size;
      }
    }
  }
  if (gsm) return { encoding: 'GSM-7', segments: septets <= GSM_SINGLE ? 1 : gsmParts, characters };
  return { encoding: 'UCS-2', segments: units <= UCS_SINGLE ? 1 : ucsParts, characters };
};

/** Unicode code points in `text` (a lone surrogate counts as one), without allocating. */
export const countCodePoints = (text: string): number => {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
};
