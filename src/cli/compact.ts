/**
 * Bad lines as the CLI keeps and prints them: at most a few issues each, every refused value cut
 * to an excerpt, every message to a line. A log line may be a megabyte and hold thousands of
 * faults; what the report keeps of it stays a few hundred bytes.
 * @module
 */
import type { ValidationIssue } from '../kernel/errors.js';
import type { BadLine } from './event-log.js';

/** Issues kept per bad line; the rest are counted in an issue of their own. */
export const ISSUES_KEPT = 10;

const EXCERPT = 80;
const MESSAGE = 300;

const cut = (text: string, length: number): string =>
  text.length > length
    ? `${text.slice(0, length)}… (${text.length.toLocaleString('en-US')} characters)`
    : text;

/** A small stand-in for a refused value: the value when small, else a cut of its JSON. */
export const excerptOf = (value: unknown): unknown => {
  if (typeof value === 'string') return cut(value, EXCERPT);
  if (value === null || typeof value !== 'object') return value;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return '(a value that cannot be shown)';
  }
  return json === undefined || json.length <= EXCERPT ? value : cut(json, EXCERPT);
};

const compactIssue = (issue: ValidationIssue): ValidationIssue => ({
  path: cut(issue.path, EXCERPT),
  expected: cut(issue.expected, MESSAGE),
  actual: excerptOf(issue.actual),
  message: cut(issue.message, MESSAGE),
});

/** `line` with its issues cut down to {@link ISSUES_KEPT}, each one small. */
export const compactBadLine = (line: BadLine): BadLine => {
  const kept = line.issues.slice(0, ISSUES_KEPT).map(compactIssue);
  const more = line.issues.length - kept.length;
  if (more > 0)
    kept.push({
      path: '(line)',
      expected: 'fewer faults',
      actual: more,
      message: `(line): ${more.toLocaleString('en-US')} more issue${more === 1 ? '' : 's'}`,
    });
  return line.position === undefined
    ? { line: line.line, issues: kept }
    : { line: line.line, issues: kept, position: line.position };
};
