/**
 * Errors as RFC 9457 problem objects (`application/problem+json`) for any decider: `type`,
 * `title`, `status`, `detail`, `code`, and the validation issues with their paths. Whatever the
 * input was, the problem stays small: strings are cut to a short excerpt, lists and objects to
 * their first entries (with a count of the rest), and nothing of a driver's internals — no
 * `cause`, no stream or version — is copied out. The texts and the status of each refusal come
 * from the domain (`toProblem` for the account).
 * @module
 */
import type {
  CommandAlreadyRecorded,
  ConcurrencyError,
  DomainError,
  StoreError,
  ValidationError,
} from './errors.js';

/** One issue of a validation problem: where, what was expected, an excerpt of what came. */
export interface ProblemIssue {
  readonly path: string;
  readonly expected: string;
  /** An excerpt of the value received, as JSON text (at most ~100 characters). */
  readonly actual: string;
  readonly message: string;
}

/** An RFC 9457 problem object, with the error's `code` as an extension member. */
export interface Problem {
  /** A URI naming the kind of problem: `urn:pbx-options:problem:<code>` unless a base is given. */
  readonly type: string;
  /** A short summary of the kind of problem. */
  readonly title: string;
  /** The HTTP status a service answers with. */
  readonly status: number;
  /** What went wrong this time, for people. */
  readonly detail: string;
  readonly code: string;
  /** Validation problems: the issues, the first {@link MAX_PROBLEM_ISSUES} of them. */
  readonly issues?: readonly ProblemIssue[];
  /** Issues left out beyond those listed. */
  readonly issuesOmitted?: number;
  /** Refusals: the details of the refusal, cut to excerpts where they are long. */
  readonly details?: unknown;
}

/** Issues a problem lists at most. */
export const MAX_PROBLEM_ISSUES = 20;

const STRING_EXCERPT = 100;
const LIST_EXCERPT = 10;
const DEPTH = 4;
const DETAIL_EXCERPT = 500;

/** The first `max` characters of `text` (whole code points), with `…` when cut. */
export const excerptText = (text: string, max = STRING_EXCERPT): string => {
  if (text.length <= max) return text;
  let end = max;
  // Do not cut a surrogate pair in two.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
};

/**
 * A JSON-safe copy of `value` bounded in size: strings cut to an excerpt, arrays and objects to
 * their first entries (then `"… N more"`), nesting to a few levels. Reading the value may throw
 * (a getter, a proxy): what cannot be read is shown as `"(unreadable)"`.
 */
export const boundedCopy = (value: unknown, depth = DEPTH): unknown => {
  try {
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
    if (typeof value === 'string') return excerptText(value);
    if (typeof value === 'bigint') return excerptText(`${value}n`);
    if (typeof value !== 'object') return `(${typeof value})`;
    if (depth === 0) return Array.isArray(value) ? '[…]' : '{…}';
    if (Array.isArray(value)) {
      const items = value.slice(0, LIST_EXCERPT).map((item) => boundedCopy(item, depth - 1));
      if (value.length > LIST_EXCERPT) items.push(`… ${value.length - LIST_EXCERPT} more`);
      return items;
    }
    const copy: Record<string, unknown> = {};
    let seen = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      seen += 1;
      if (seen <= LIST_EXCERPT) {
        copy[excerptText(key, 40)] = boundedCopy((value as Record<string, unknown>)[key], depth - 1);
      }
    }
    if (seen > LIST_EXCERPT) copy['…'] = `${seen - LIST_EXCERPT} more keys`;
    return copy;
  } catch {
    return '(unreadable)';
  }
};

/** A bounded value as JSON text, cut to an excerpt. */
const jsonExcerpt = (value: unknown): string => {
  if (value === undefined) return 'undefined';
  try {
    return excerptText(JSON.stringify(boundedCopy(value, 2)) ?? String(value));
  } catch {
    return '(unreadable)';
  }
};

/** Any error a command handler returns. */
export type ProblemError =
  | ValidationError
  | DomainError
  | ConcurrencyError
  | StoreError
  | CommandAlreadyRecorded;

/** What the domain says about its errors, for {@link problemOf}. */
export interface ProblemTexts {
  /** The sentence for people (`detail`). */
  readonly describe: (error: ProblemError) => string;
  /** The short summary of each kind (`title`). */
  readonly title: (error: ProblemError, status: number) => string;
  /** The status of a refusal: 409 when it conflicts with the state, 422 when the values cannot be. */
  readonly refusalStatus: (code: string) => 409 | 422;
  /** The start of `type` URIs, followed by the code (default `urn:pbx-options:problem:`). */
  readonly typeBase?: string;
}

/**
 * The status of an error: validation 400, a refusal 409 or 422 (as the domain says), a
 * concurrency conflict 409, an unavailable store 503, any other store failure 500.
 */
export const problemStatus = (error: ProblemError, refusalStatus: ProblemTexts['refusalStatus']): number => {
  switch (error._tag) {
    case 'ValidationError':
      return 400;
    case 'DomainError':
      return refusalStatus(error.code);
    case 'ConcurrencyError':
    case 'CommandAlreadyRecorded':
      return 409;
    case 'StoreError':
      return error.code === 'Unavailable' ? 503 : 500;
  }
};

const issuesOf = (error: ValidationError) => {
  const issues = error.issues.slice(0, MAX_PROBLEM_ISSUES).map(
    (issue): ProblemIssue => ({
      path: excerptText(String(issue.path)),
      expected: excerptText(String(issue.expected)),
      actual: jsonExcerpt(issue.actual),
      message: excerptText(String(issue.message), 2 * STRING_EXCERPT),
    }),
  );
  const omitted = error.issues.length - issues.length;
  return omitted > 0 ? { issues, issuesOmitted: omitted } : { issues };
};

/** The problem object of `error`, with the domain's texts and statuses. */
export const problemOf = (error: ProblemError, texts: ProblemTexts): Problem => {
  const status = problemStatus(error, texts.refusalStatus);
  const code = excerptText(String(error.code), 60);
  const problem = {
    type: `${texts.typeBase ?? 'urn:pbx-options:problem:'}${code}`,
    title: texts.title(error, status),
    status,
    detail: excerptText(texts.describe(error), DETAIL_EXCERPT),
    code,
  };
  if (error._tag === 'ValidationError') return { ...problem, ...issuesOf(error) };
  if (error._tag === 'DomainError') return { ...problem, details: boundedCopy(error.details) };
  return problem;
};
