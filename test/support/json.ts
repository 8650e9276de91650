/**
 * Values as JSON carries them between processes.
 * @module
 */

/** `value` as a JSON parser would hand it over, or `undefined` when JSON cannot carry it. */
export const throughJson = (value: unknown): unknown => {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
};
