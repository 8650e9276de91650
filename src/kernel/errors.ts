/**
 * Errors are values. Every failure the library can report is one of these tagged records, so a
 * caller can `switch` on `_tag` (and on `code` for domain errors) without `instanceof` checks.
 * @module
 */

/** One field that failed validation: where, what was expected, and what came. */
export interface ValidationIssue {
  /** Dotted path from the root of the input, e.g. `data.months` or `data.numbers[2]`. */
  readonly path: string;
  /** What the field should have been, in words (the io-ts codec name). */
  readonly expected: string;
  /** What came: the value itself when small (a number, a boolean, `null`, a short string), else an excerpt. */
  readonly actual: unknown;
  /** `path: expected …, got …`: one line a person can read. */
  readonly message: string;
}

/** Input that is not of the expected shape: a command, an event or a catalogue. */
export interface ValidationError {
  readonly _tag: 'ValidationError';
  readonly code: 'ValidationError';
  /** All issues joined by `; `. */
  readonly message: string;
  readonly issues: readonly ValidationIssue[];
}

/** A command that is well-formed but refused by the rules of the domain. */
export interface DomainError<Code extends string = string, Details = unknown> {
  readonly _tag: 'DomainError';
  /** A stable string literal, e.g. `StoragePackLimitReached`. */
  readonly code: Code;
  readonly message: string;
  readonly details: Details;
}

/** The stream moved on since it was read: the append was refused and nothing was written. */
export interface ConcurrencyError {
  readonly _tag: 'ConcurrencyError';
  readonly code: 'ConcurrencyConflict';
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly actualVersion: number;
  readonly message: string;
}

/**
 * The stream already holds an outcome for this command id: nothing was written. The command
 * handler answers it by returning the recorded outcome (`findCommand`).
 */
export interface CommandAlreadyRecorded {
  readonly _tag: 'CommandAlreadyRecorded';
  readonly code: 'CommandAlreadyRecorded';
  readonly streamId: string;
  readonly commandId: string;
  readonly message: string;
}

/** Builds a {@link CommandAlreadyRecorded}. */
export const commandAlreadyRecorded = (streamId: string, commandId: string): CommandAlreadyRecorded => ({
  _tag: 'CommandAlreadyRecorded',
  code: 'CommandAlreadyRecorded',
  streamId,
  commandId,
  message: `stream ${streamId} already holds the outcome of command ${commandId}`,
});

/** Why a store could not do what was asked. */
export type StoreErrorCode = 'Unavailable' | 'MalformedEvent' | 'MalformedSnapshot' | 'Internal';

/** The event store or snapshot store failed; `streamId`/`version` name the row when known. */
export interface StoreError {
  readonly _tag: 'StoreError';
  readonly code: StoreErrorCode;
  readonly message: string;
  readonly streamId?: string;
  readonly version?: number;
  readonly issues?: readonly ValidationIssue[];
  readonly cause?: unknown;
}

/**
 * Everything a command handler can fail with; `D` is the decider's refusals (for the account,
 * a union of its error codes with their details). A command already handled is not an error:
 * the handler answers it with the outcome recorded the first time.
 */
export type HandlerError<D extends DomainError = DomainError> =
  | ValidationError
  | D
  | ConcurrencyError
  | StoreError;

/** Builds a {@link DomainError}. */
export const domainError = <Code extends string, Details>(
  code: Code,
  message: string,
  details: Details,
): DomainError<Code, Details> => ({ _tag: 'DomainError', code, message, details });

/** Builds a {@link ValidationError} from its issues. */
export const validationError = (issues: readonly ValidationIssue[]): ValidationError => ({
  _tag: 'ValidationError',
  code: 'ValidationError',
  message: issues.map((issue) => issue.message).join('; '),
  issues,
});

/** Builds a {@link StoreError}. */
export const storeError = (
  code: StoreErrorCode,
  message: string,
  extra: Omit<StoreError, '_tag' | 'code' | 'message'> = {},
): StoreError => ({ _tag: 'StoreError', code, message, ...extra });

/** Builds a {@link ConcurrencyError}. */
export const concurrencyError = (
  streamId: string,
  expectedVersion: number,
  actualVersion: number,
): ConcurrencyError => ({
  _tag: 'ConcurrencyError',
  code: 'ConcurrencyConflict',
  streamId,
  expectedVersion,
  actualVersion,
  message: `stream ${streamId} is at version ${actualVersion}, expected ${expectedVersion}`,
});
