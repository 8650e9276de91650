/**
 * io-ts decoding that reports failures as {@link ValidationError}s naming the failing path and
 * value, e.g. `data.months: expected an integer from 1 to 12, got 13`.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { type ValidationError, type ValidationIssue, validationError } from './errors.js';

const MAX_SHOWN = 60;

/** Renders a received value for a message, short enough to log. */
export const showValue = (value: unknown): string => {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return 'a function';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
};

// Members of unions and intersections carry an index as their key; it is not a field name.
const isTransparent = (type: t.Decoder<unknown, unknown>): boolean =>
  type instanceof t.UnionType ||
  type instanceof t.IntersectionType ||
  type instanceof t.RefinementType ||
  type instanceof t.ExactType ||
  type instanceof t.ReadonlyType;

const isIndexed = (type: t.Decoder<unknown, unknown>): boolean =>
  type instanceof t.ArrayType || type instanceof t.ReadonlyArrayType || type instanceof t.TupleType;

/** The dotted path of an io-ts context, e.g. `data.numbers[2].phone`. */
export const pathOf = (context: t.Context): string => {
  let path = '';
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1]!.type;
    const key = context[i]!.key;
    if (key === '' || isTransparent(parent)) continue;
    if (isIndexed(parent)) path += `[${key}]`;
    else path += path === '' ? key : `.${key}`;
  }
  return path === '' ? '(root)' : path;
};

/** Turns io-ts errors into issues, one per failing path (the deepest expectation wins). */
export const issuesOf = (errors: t.Errors, prefix = ''): ValidationIssue[] => {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of errors) {
    const last = error.context[error.context.length - 1];
    const inner = pathOf(error.context);
    const path = prefix === '' ? inner : inner === '(root)' ? prefix : `${prefix}.${inner}`;
    const expected = error.message ?? last?.type.name ?? 'a valid value';
    const key = `${path}\u0000${expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A custom message (e.g. "no such field") replaces the "expected" wording.
    const message =
      error.message === undefined
        ? `${path}: expected ${expected}, got ${showValue(error.value)}`
        : `${path}: ${error.message}, got ${showValue(error.value)}`;
    issues.push({ path, expected, actual: error.value, message });
  }
  return issues;
};

/** Decodes with a codec; failures become a {@link ValidationError}. `prefix` roots the paths. */
export const decodeWith = <A>(
  codec: t.Decoder<unknown, A>,
  input: unknown,
  prefix = '',
): Either<ValidationError, A> => {
  const result = codec.decode(input);
  return isLeft(result) ? left(validationError(issuesOf(result.left, prefix))) : right(result.right);
};

/** One issue at a given path, for checks made outside io-ts. */
export const issueAt = (path: string, expected: string, actual: unknown): ValidationIssue => ({
  path,
  expected,
  actual,
  message: `${path}: expected ${expected}, got ${showValue(actual)}`,
});
