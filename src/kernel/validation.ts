/**
 * io-ts decoding that reports failures as {@link ValidationError}s naming the failing path and
 * an excerpt of the value, e.g. `data.months: expected an integer from 1 to 12, got 13`. Input
 * is first copied into plain data (see `toPlainData`), so no codec ever reads a caller's object.
 * At most a few issues are listed; the rest are counted in one last issue.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { type ValidationError, type ValidationIssue, validationError } from './errors.js';
import { LIMITS } from './limits.js';
import { toPlainData } from './plain-data.js';
import { actualOf, excerpt, keyPath } from './show.js';

/** Renders a received value for a message: a bounded excerpt, never the value itself. */
export const showValue = (value: unknown): string => excerpt(value);

// Members of unions and intersections carry an index as their key; it is not a field name.
const isTransparent = (type: t.Decoder<unknown, unknown>): boolean =>
  type instanceof t.UnionType ||
  type instanceof t.IntersectionType ||
  type instanceof t.RefinementType ||
  type instanceof t.ExactType ||
  type instanceof t.ReadonlyType;

const isIndexed = (type: t.Decoder<unknown, unknown>): boolean =>
  type instanceof t.ArrayType || type instanceof t.ReadonlyArrayType || type instanceof t.TupleType;

/** The codec in the context entry of a field that no codec declares (it refuses any value). */
export const UnknownField: t.Type<never, never, unknown> = new t.Type<never, never, unknown>(
  'no such field',
  (_u): _u is never => false,
  (u, c) => t.failure(u, c, 'no such field'),
  t.identity,
);

/**
 * The codec in the context entry of a field sent under a name it no longer has: the error's own
 * message says what to send instead, and is the issue's whole message.
 */
export const RenamedField: t.Type<never, never, unknown> = new t.Type<never, never, unknown>(
  'a field that was renamed',
  (_u): _u is never => false,
  (u, c) => t.failure(u, c),
  t.identity,
);

/**
 * The codec in the context entry that stands for issues a codec did not list (its `value` is
 * their count): a flood of unknown fields costs one entry, not one each.
 */
export const OmittedIssues: t.Type<never, never, unknown> = new t.Type<never, never, unknown>(
  'issues not listed',
  (_u): _u is never => false,
  (u, c) => t.failure(u, c),
  t.identity,
);

/**
 * The path of an io-ts context, e.g. `data.numbers[2].phone`; a field whose name is not a plain
 * word is bracketed (`data[""]`, `data["a b"]`).
 */
export const pathOf = (context: t.Context): string => {
  let path = '';
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1]!.type;
    const key = context[i]!.key;
    // An empty key is an inner codec entering the context, unless it names a field no one declared.
    if ((key === '' && context[i]!.type !== UnknownField) || isTransparent(parent)) continue;
    path = isIndexed(parent) ? `${path}[${key}]` : keyPath(path, key);
  }
  return path === '' ? '(root)' : path;
};

const rooted = (prefix: string, inner: string): string =>
  prefix === ''
    ? inner
    : inner === '(root)'
      ? prefix
      : inner.startsWith('[')
        ? `${prefix}${inner}`
        : `${prefix}.${inner}`;

/** The issue that stands for `count` issues not listed. */
const moreIssues = (path: string, count: number): ValidationIssue => ({
  path,
  expected: `at most ${LIMITS.issues} issues listed`,
  actual: count,
  message: `${path}: ${count} more issues not listed`,
});

/** Issues capped at the limit, with one last issue counting the rest. */
export const capIssues = (
  issues: readonly ValidationIssue[],
  total: number,
  path: string,
): ValidationIssue[] => {
  const listed = issues.slice(0, LIMITS.issues);
  if (total > listed.length) listed.push(moreIssues(path === '' ? '(root)' : path, total - listed.length));
  return listed;
};

const issue = (path: string, expected: string, value: unknown, unknown: boolean): ValidationIssue => ({
  path,
  expected,
  actual: actualOf(value),
  message: unknown
    ? `${path}: no such field, got ${showValue(value)}`
    : `${path}: expected ${expected}, got ${showValue(value)}`,
});

/**
 * Turns io-ts errors into issues, one per failing path (the members of a union that all failed
 * there are joined: `expected an id or null`), the first {@link LIMITS.issues} of them and one
 * that counts the rest.
 */
export const issuesOf = (errors: t.Errors, prefix = ''): ValidationIssue[] => {
  const byPath = new Map<string, number>(); // path → index in `issues`, or -1 past the listed ones
  const issues: ValidationIssue[] = [];
  let total = 0;
  for (const error of errors) {
    const last = error.context[error.context.length - 1];
    if (last?.type === OmittedIssues) {
      total += error.value as number;
      continue;
    }
    const path = rooted(prefix, pathOf(error.context));
    const unknown = last?.type === UnknownField;
    // A codec's own message says more precisely what it expected (e.g. "… without NUL characters").
    const expected = unknown ? 'no such field' : (error.message ?? last?.type.name ?? 'a valid value');
    const at = byPath.get(path);
    if (at !== undefined) {
      const listed = issues[at];
      if (listed !== undefined && !listed.expected.split(' or ').includes(expected))
        issues[at] = issue(path, `${listed.expected} or ${expected}`, error.value, unknown);
      continue;
    }
    total++;
    byPath.set(path, issues.length < LIMITS.issues ? issues.length : -1);
    if (issues.length >= LIMITS.issues) continue;
    if (last?.type === RenamedField && error.message !== undefined) {
      issues.push({ path, expected, actual: actualOf(error.value), message: `${path}: ${error.message}` });
    } else issues.push(issue(path, expected, error.value, unknown));
  }
  return capIssues(issues, total, prefix);
};

/**
 * Copies `input` into plain data (refusing what is not), then decodes it with `codec`.
 * Failures become a {@link ValidationError}; `prefix` roots the paths. `passRootKey` leaves the
 * value of that root field uncopied, for a payload registry to copy and decode.
 */
export const decodeWith = <A>(
  codec: t.Decoder<unknown, A>,
  input: unknown,
  prefix = '',
  passRootKey?: string,
): Either<ValidationError, A> => {
  const plain = toPlainData(input, prefix, passRootKey);
  if (!plain.ok) return left(validationError(capIssues(plain.issues, plain.total, prefix)));
  const result = codec.decode(plain.value);
  return isLeft(result) ? left(validationError(issuesOf(result.left, prefix))) : right(result.right);
};

/** One issue at a given path, for checks made outside io-ts. */
export const issueAt = (path: string, expected: string, actual: unknown): ValidationIssue => ({
  path,
  expected,
  actual: actualOf(actual),
  message: `${path}: expected ${expected}, got ${showValue(actual)}`,
});
