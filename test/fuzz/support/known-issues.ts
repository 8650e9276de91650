/**
 * Defects the fuzz suite found in code it does not own, reported and not yet fixed. Each is
 * excluded from the checks by an explicit predicate, counted, and announced on the console when
 * hit, never skipped silently. Remove an entry once the defect is fixed: the checks then apply
 * to those inputs again.
 */

/** A known defect: what it is and how to recognise the input that triggers it. */
export interface KnownIssue {
  readonly id: string;
  readonly description: string;
  hits: number;
}

const issue = (id: string, description: string): KnownIssue => ({ id, description, hits: 0 });

/** The defects, by id. */
export const KNOWN_ISSUES = {
  /**
   * `decodeCommand` reports an unknown top-level field named `""` with the path `""`: the issue
   * names no path (src/account/commands.ts builds it with `issueAt(key, …)`).
   */
  emptyKeyPath: issue(
    'empty-key-path',
    'decodeCommand: an extra top-level field named "" yields an issue whose path is the empty string',
  ),
  /**
   * io-ts `t.type` copies an object with assignment semantics (`__assign`) when a field changes
   * in decoding: an own `__proto__` key of the input becomes the prototype of the copy. On a
   * frozen input whose `__proto__` value has a read-only key the copy throws a TypeError out of
   * the decoder, so inputs holding an own `__proto__` key are not frozen here.
   */
  frozenProtoKey: issue(
    'frozen-proto-key',
    'decoders throw a TypeError on a frozen input holding an own "__proto__" key (io-ts __assign)',
  ),
  /**
   * `decodeEvent` (payload codecs are `t.type`, not strict): an own `__proto__` key in `data`
   * becomes the prototype of the decoded payload when another field is normalised (e.g. a phone
   * number), so the decoded `data` inherits attacker-chosen properties. The state built from it
   * stays plain (checked).
   */
  payloadPrototype: issue(
    'payload-prototype',
    'decodeEvent: an own "__proto__" key in data becomes the prototype of the decoded payload',
  ),
  /**
   * io-ts `t.array` copies an array with `slice()` when an item changes in decoding (a phone
   * number normalised): `slice` honours `constructor[Symbol.species]`, so an array carrying an
   * own `constructor` key with a primitive value makes the decoder throw a TypeError. JSON cannot
   * express such an array; a JavaScript caller can.
   */
  arraySpecies: issue(
    'array-species',
    'decoders throw a TypeError on an array with an own "constructor" key (io-ts t.array slice)',
  ),
};

/** Whether an array with an own `constructor` key appears anywhere within `value`. */
export const holdsArrayWithConstructor = (value: unknown, depth = 0): boolean => {
  if (typeof value !== 'object' || value === null || depth > 50) return false;
  if (Array.isArray(value) && Object.hasOwn(value, 'constructor')) return true;
  for (const key of Object.keys(value))
    if (holdsArrayWithConstructor((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
};

/** Records a hit of `issue`. */
export const hit = (known: KnownIssue): void => {
  known.hits++;
};

/** One line per known issue hit, for the console (empty when none was hit). */
export const knownIssueReport = (): string[] =>
  Object.values(KNOWN_ISSUES)
    .filter((known) => known.hits > 0)
    .map((known) => `known issue ${known.id} (${known.hits} inputs): ${known.description}`);

/** Whether `value` (a plain object) has an own property named `key`. */
export const hasOwnKey = (value: unknown, key: string): boolean =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key);

/** Whether an own `__proto__` key appears anywhere within `value` (down to `depth`). */
export const holdsProtoKey = (value: unknown, depth = 0): boolean => {
  if (typeof value !== 'object' || value === null || depth > 50) return false;
  if (Object.hasOwn(value, '__proto__')) return true;
  for (const key of Object.keys(value))
    if (holdsProtoKey((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
};
