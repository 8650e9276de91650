/**
 * Deep comparison of plain JSON data that names the first difference (a path), so that a failing
 * property says where two states part. Prototypes are ignored (a bucket may be `Object.create(null)`).
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The path of the first difference between `a` and `b`, or `undefined` when they are equal. */
export const firstDifference = (a: unknown, b: unknown, path = '$'): string | undefined => {
  if (Object.is(a, b)) return undefined;
  if (!isObject(a) || !isObject(b)) return `${path}: ${String(a)} ≠ ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array ≠ object`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length: ${a.length} ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) {
    const missing = keysA
      .filter((k) => !Object.hasOwn(b, k))
      .concat(keysB.filter((k) => !Object.hasOwn(a, k)));
    return `${path}: keys differ (${missing.join(', ')})`;
  }
  for (const key of keysA) {
    if (!Object.hasOwn(b, key)) return `${path}.${key}: missing on the right`;
    const found = firstDifference(a[key], b[key], `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
};
