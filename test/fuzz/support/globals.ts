/**
 * A snapshot of the built-in objects untrusted input could pollute: the own keys (and the values
 * they hold) of the standard prototypes and namespaces, and of `globalThis`. Comparing two
 * snapshots names any key added, removed or replaced.
 */

const WATCHED: ReadonlyArray<readonly [string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Boolean.prototype', Boolean.prototype],
  ['Symbol.prototype', Symbol.prototype],
  ['RegExp.prototype', RegExp.prototype],
  ['Date.prototype', Date.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['Promise.prototype', Promise.prototype],
  ['Error.prototype', Error.prototype],
  ['Object', Object],
  ['Array', Array],
  ['JSON', JSON],
  ['Math', Math],
  ['Reflect', Reflect],
  ['globalThis', globalThis],
];

/** Own keys of each watched object, with the value or accessor each holds. */
export type GlobalsSnapshot = ReadonlyMap<string, ReadonlyMap<string | symbol, unknown>>;

/** Takes a snapshot of the watched built-ins. */
export const snapshotGlobals = (): GlobalsSnapshot => {
  const snapshot = new Map<string, Map<string | symbol, unknown>>();
  for (const [name, target] of WATCHED) {
    const keys = new Map<string | symbol, unknown>();
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      keys.set(
        key,
        descriptor === undefined ? undefined : 'value' in descriptor ? descriptor.value : descriptor.get,
      );
    }
    snapshot.set(name, keys);
  }
  return snapshot;
};

/** What changed between two snapshots, e.g. `Object.prototype.polluted added`; empty when nothing. */
export const globalChanges = (before: GlobalsSnapshot, after: GlobalsSnapshot): string[] => {
  const changes: string[] = [];
  for (const [name, keys] of before) {
    const now = after.get(name) ?? new Map();
    for (const [key, value] of keys) {
      if (!now.has(key)) changes.push(`${name}.${String(key)} removed`);
      // NaN-valued keys (Number.NaN) compare with Object.is.
      else if (!Object.is(now.get(key), value)) changes.push(`${name}.${String(key)} replaced`);
    }
    for (const key of now.keys()) if (!keys.has(key)) changes.push(`${name}.${String(key)} added`);
  }
  return changes;
};

/** Keys a polluted prototype would make visible on fresh objects and arrays. */
export const POLLUTION_PROBES = ['polluted', 'isAdmin', 'extra', 'x', '0'] as const;

/** Whether a fresh object or array sees an inherited key it should not, or lost its prototype. */
export const freshObjectsPolluted = (): string[] => {
  const found: string[] = [];
  const object: Record<string, unknown> = {};
  const array: unknown[] = [];
  for (const key of POLLUTION_PROBES) {
    if (object[key] !== undefined) found.push(`({}).${key}`);
    if (key !== '0' && (array as unknown as Record<string, unknown>)[key] !== undefined)
      found.push(`[].${key}`);
  }
  if (Object.getPrototypeOf(object) !== Object.prototype) found.push('({}) lost Object.prototype');
  if (Object.getPrototypeOf(Object.prototype) !== null) found.push('Object.prototype got a prototype');
  if (Object.getPrototypeOf(array) !== Array.prototype) found.push('[] lost Array.prototype');
  return found;
};
