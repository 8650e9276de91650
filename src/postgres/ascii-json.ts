/**
 * JSON text in ASCII only: every character past U+007F written as a `\uXXXX` escape. The text
 * means the same to any JSON reader, but node reads it back much faster: the driver decodes
 * ASCII bytes without a UTF-8 pass and `JSON.parse` reads a one-byte string, where a single
 * Cyrillic letter in a 3.6 MB snapshot (a tariff's name, a notice's text) makes both work on
 * two bytes a character.
 * @module
 */

const BEYOND_ASCII = /[\u0080-\uffff]/g;

const escapeUnit = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `json` (a JSON text) with every non-ASCII UTF-16 unit escaped; ASCII text comes back as is. */
export const asciiJson = (json: string): string => json.replace(BEYOND_ASCII, escapeUnit);
