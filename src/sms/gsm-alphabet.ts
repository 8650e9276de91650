/**
 * The GSM 03.38 default alphabet and its extension table as a lookup table by UTF-16 code unit:
 * 1 septet for a character of the default alphabet, 2 for one of the extension table (it is sent
 * as ESC + code), 0 for a character GSM-7 cannot carry.
 * @module
 */

/** The default alphabet, in the standard's order (ESC at 0x1B is not a character, so left out). */
const DEFAULT_ALPHABET =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: form feed, `^ { } \ [ ~ ] |` and the euro sign. */
const EXTENSION_TABLE = '\f^{}\\[~]|€';

/** One past the highest code unit either table holds (the euro sign, U+20AC). */
const TABLE_SIZE = 0x20ad;

const buildTable = (): Uint8Array => {
  const table = new Uint8Array(TABLE_SIZE);
  for (let i = 0; i < DEFAULT_ALPHABET.length; i++) table[DEFAULT_ALPHABET.charCodeAt(i)] = 1;
  for (let i = 0; i < EXTENSION_TABLE.length; i++) table[EXTENSION_TABLE.charCodeAt(i)] = 2;
  return table;
};

const SEPTETS = buildTable();

/** Septets the UTF-16 code unit `code` takes in GSM-7: 1, 2 (extension table), or 0 (not GSM-7). */
export const gsmSeptets = (code: number): number => (code < TABLE_SIZE ? (SEPTETS[code] as number) : 0);

/** Characters of the extension table (2 septets each). */
export const GSM_EXTENSION_CHARACTERS: string = EXTENSION_TABLE;

/** Characters of the default alphabet (1 septet each). */
export const GSM_DEFAULT_CHARACTERS: string = DEFAULT_ALPHABET;
