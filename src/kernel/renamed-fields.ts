/**
 * Fields that were renamed: a payload that still carries an old name is refused with a message
 * that says what to send instead, rather than "no such field" beside "missing field".
 * @module
 */
import * as t from 'io-ts';
import { RenamedField } from './validation.js';

/** What to say about an old field name, e.g. `renamed to data.sendingHours, the window when …`. */
export type RenamedFields = Readonly<Record<string, string>>;

/**
 * A codec that refuses the old names in `renamed` (each with its message, at its own path) and
 * otherwise decodes with `inner`. Its `inner` and `renamed` stay readable for schema walkers.
 */
export class RenamedFieldsType<A> extends t.Type<A, A, unknown> {
  readonly _tag = 'RenamedFieldsType' as const;
  constructor(
    readonly inner: t.Type<A, A, unknown>,
    readonly renamed: RenamedFields,
  ) {
    super(
      inner.name,
      (u): u is A => inner.is(u),
      (u, c) => {
        if (typeof u === 'object' && u !== null && !Array.isArray(u)) {
          const errors: t.ValidationError[] = [];
          for (const [old, message] of Object.entries(renamed)) {
            if (!Object.hasOwn(u, old)) continue;
            const value = (u as Record<string, unknown>)[old];
            errors.push({ value, context: [...c, { key: old, type: RenamedField, actual: value }], message });
          }
          if (errors.length > 0) return t.failures(errors);
        }
        return inner.validate(u, c);
      },
      t.identity,
    );
  }
}

/** Wraps `inner` so that the old field names in `renamed` are refused with their messages. */
export const withRenamedFields = <A>(inner: t.Type<A, A, unknown>, renamed: RenamedFields) =>
  new RenamedFieldsType(inner, renamed);
