/**
 * The compact text of a snapshot's state: JSON in which every array of short texts is one text.
 *
 * `JSON.parse` looks every text of up to ten characters up in V8's table of interned strings,
 * which makes such texts several times dearer to parse than longer ones; an account's state holds
 * tens of thousands of them (the ids of clients' recent calls). Joined into one text per array
 * and split after parsing, they cost a third as much, and the walk that splits them is cheaper
 * than what it saves.
 *
 * The form: the character DEL (U+007F, which JSON leaves unescaped and no JSON text starts
 * with), then JSON of the state where an array of texts, none holding DEL or a comma and one at
 * least of ten characters or fewer, is written as DEL followed by the texts joined with commas,
 * and a text that itself starts with DEL is written with one more DEL in front. Anything else is
 * as in JSON. Decoding gives back a value deep-equal to the one encoded; text not starting with
 * DEL is read as plain JSON (snapshots kept before). Every mark is ASCII: the text stays one byte
 * a character where the state's texts are.
 * @module
 */

const MARK = '\u007f';
const SEPARATOR = ',';
const MARK_CODE = 0x7f;
/** V8 interns texts of up to this many characters when it parses JSON. */
const SHORT = 10;

const joinable = (items: readonly unknown[]): items is readonly string[] => {
  if (items.length === 0) return false;
  let short = false;
  for (const item of items) {
    if (typeof item !== 'string' || item.includes(MARK) || item.includes(SEPARATOR)) return false;
    if (item.length <= SHORT) short = true;
  }
  return short;
};

/** A `JSON.stringify` replacer (so `toJSON` and dropped values behave exactly as in JSON). */
const pack = (_key: string, value: unknown): unknown => {
  if (typeof value === 'string') return value.charCodeAt(0) === MARK_CODE ? MARK + value : value;
  return Array.isArray(value) && joinable(value) ? MARK + value.join(SEPARATOR) : value;
};

const unpackText = (text: string): unknown =>
  text.charCodeAt(1) === MARK_CODE ? text.slice(1) : text.slice(1).split(SEPARATOR);

/** Unpacks in place: the parsed value is the caller's own. */
const unpack = (value: unknown): unknown => {
  if (typeof value === 'string') return value.charCodeAt(0) === MARK_CODE ? unpackText(value) : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (
        (typeof item === 'object' && item !== null) ||
        (typeof item === 'string' && item.charCodeAt(0) === MARK_CODE)
      )
        value[i] = unpack(item);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (
      (typeof item === 'object' && item !== null) ||
      (typeof item === 'string' && item.charCodeAt(0) === MARK_CODE)
    )
      record[key] = unpack(item);
  }
  return record;
};

/** The compact text of a JSON value (`undefined` when JSON has no form for it; throws as `JSON.stringify`). */
export const packSnapshotText = (state: unknown): string | undefined => {
  const json = JSON.stringify(state, pack);
  return json === undefined ? undefined : MARK + json;
};

/** The value of a snapshot text, compact or plain JSON; throws a `SyntaxError` as `JSON.parse` does. */
export const parseSnapshotText = (text: string): unknown =>
  text.charCodeAt(0) === MARK_CODE ? unpack(JSON.parse(text.slice(1))) : JSON.parse(text);
