/**
 * `strictType`: like `t.type`, but a field no one declared is an error naming it, and a flood of
 * them costs a few issues and a count.
 * @module
 */
import * as t from 'io-ts';
import { LIMITS } from './limits.js';
import { OmittedIssues, UnknownField } from './validation.js';

/**
 * A codec made by {@link strictType}; its declared fields stay readable, so a form or a test can
 * walk them.
 */
export class StrictType<P extends t.Props, O extends t.Props, A> extends t.Type<A, A, unknown> {
  readonly _tag = 'StrictType' as const;
  constructor(
    name: string,
    is: t.Is<A>,
    validate: t.Validate<unknown, A>,
    readonly required: P,
    readonly optional: O,
  ) {
    super(name, is, validate, t.identity);
  }
}

/**
 * Like `t.type`, but a field that is not declared is an error naming it (at most the first
 * few; a flood of unknown fields costs no more than a few). `optional` fields may be absent
 * (never `undefined`-valued keys in the output).
 */
export const strictType = <P extends t.Props, O extends t.Props = Record<never, t.Mixed>>(
  required: P,
  optional?: O,
  name?: string,
) => {
  const base =
    optional === undefined ? t.type(required) : t.intersection([t.type(required), t.partial(optional)]);
  const known = new Set([...Object.keys(required), ...Object.keys(optional ?? {})]);
  type A = t.TypeOf<t.TypeC<P>> & Partial<t.TypeOf<t.TypeC<O>>>;
  return new StrictType<P, O, A>(
    name ?? base.name,
    (u): u is A => base.is(u),
    (u, c) => {
      if (typeof u === 'object' && u !== null && !Array.isArray(u)) {
        const errors: t.ValidationError[] = [];
        let extra = 0;
        for (const k of Object.keys(u)) {
          if (known.has(k) || ++extra > LIMITS.issues) continue;
          const value = (u as Record<string, unknown>)[k];
          errors.push({ value, context: [...c, { key: k, type: UnknownField, actual: value }] });
        }
        // Past the listed ones only the count matters: a flood of fields costs one entry.
        if (extra > LIMITS.issues) {
          const omitted = extra - LIMITS.issues;
          errors.push({ value: omitted, context: [...c, { key: '', type: OmittedIssues, actual: omitted }] });
        }
        if (errors.length > 0) return t.failures(errors);
      }
      // The inner codec enters the context so that paths skip its member indexes.
      return base.validate(u, t.appendContext(c, '', base, u)) as t.Validation<A>;
    },
    required,
    (optional ?? {}) as O,
  );
};
