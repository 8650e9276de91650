/**
 * Registries from a message `type` to its codec. Decoding looks the codec up by tag, never by
 * trying a union member after member, and an upcaster chain brings older event schema versions
 * up to the current one on read. Every payload is first copied into plain data: an own
 * `__proto__`, `constructor` or `prototype` key anywhere in it is refused here, for every type.
 * @module
 */
import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { type ValidationError, validationError } from './errors.js';
import { type ExactCheck, exactCheckOf } from './exact-check.js';
import { toPlainData } from './plain-data.js';
import { capIssues, issueAt, issuesOf } from './validation.js';

/** Turns `data` of schema version `from` into version `from + 1`. */
export type Upcaster = (data: unknown) => unknown;

/** What the registry knows of one event type. */
export interface EventDefinition<D = unknown> {
  readonly codec: t.Decoder<unknown, D>;
  /** Current schema version of `data`; 1 when omitted. */
  readonly schemaVersion?: number;
  /** `upcasters[v]` turns data of version `v` into `v + 1`. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

/** A lookup from type to codec, for the `data` of commands or events. */
export interface PayloadRegistry {
  /** Every registered type. */
  readonly types: readonly string[];
  /** Current schema version of a type (1 for commands). */
  schemaVersionOf(type: string): number | undefined;
  /**
   * Decodes the `data` of a message of `type` written at `schemaVersion` (default: current),
   * upcasting first. Paths in errors start at `data`.
   */
  decodeData(type: unknown, data: unknown, schemaVersion?: number): Either<ValidationError, unknown>;
  /**
   * Whether `data` fresh from a JSON parser, of `type` written at `schemaVersion`, is already what
   * {@link decodeData} would return: a payload of the current schema version that decodes to a
   * value equal to itself. A fast check with no error to build; `false` says only "decode it".
   * Registries without it have every stored payload decoded in full.
   */
  decodesToItself?(type: string, data: unknown, schemaVersion: number): boolean;
}

/** Builds a {@link PayloadRegistry} from a record of definitions keyed by type. */
export const createPayloadRegistry = (
  definitions: Readonly<Record<string, EventDefinition>>,
): PayloadRegistry => {
  const table = new Map<string, EventDefinition>(Object.entries(definitions));
  // Compiled on first use: a registry of many types pays only for those it reads.
  const checks = new Map<string, { readonly check: ExactCheck; readonly current: number }>();
  const types = [...table.keys()];
  const known = types.length <= 12 ? types.join(', ') : `${types.slice(0, 12).join(', ')}, …`;
  return {
    types,
    schemaVersionOf: (type) => {
      const definition = table.get(type);
      return definition === undefined ? undefined : (definition.schemaVersion ?? 1);
    },
    decodesToItself(type, data, schemaVersion) {
      let fast = checks.get(type);
      if (fast === undefined) {
        const definition = table.get(type);
        if (definition === undefined) return false;
        fast = { check: exactCheckOf(definition.codec), current: definition.schemaVersion ?? 1 };
        checks.set(type, fast);
      }
      // Older versions go through their upcasters: decoded in full.
      return schemaVersion === fast.current && fast.check(data, 0);
    },
    decodeData(type, data, schemaVersion) {
      const definition = typeof type === 'string' ? table.get(type) : undefined;
      if (definition === undefined) {
        return left(validationError([issueAt('type', `one of ${known}`, type)]));
      }
      const current = definition.schemaVersion ?? 1;
      const written = schemaVersion ?? current;
      if (!Number.isSafeInteger(written) || written < 1 || written > current) {
        return left(
          validationError([issueAt('metadata.schemaVersion', `an integer from 1 to ${current}`, written)]),
        );
      }
      // The one gate for every payload: a plain copy, so no codec or upcaster reads the caller's objects.
      const plain = toPlainData(data, 'data');
      if (!plain.ok) return left(validationError(capIssues(plain.issues, plain.total, 'data')));
      let payload = plain.value;
      for (let version = written; version < current; version++) {
        const upcast = definition.upcasters?.[version];
        if (upcast === undefined) {
          return left(
            validationError([
              issueAt('metadata.schemaVersion', `a version with an upcaster to ${current}`, written),
            ]),
          );
        }
        try {
          payload = upcast(payload);
        } catch {
          // An upcaster written for well-formed old data may trip over a malformed one.
          return left(validationError([issueAt('data', `data of schema version ${version}`, payload)]));
        }
      }
      const result = definition.codec.validate(payload, [
        { key: '', type: definition.codec, actual: payload },
      ]);
      return isLeft(result) ? left(validationError(issuesOf(result.left, 'data'))) : right(result.right);
    },
  };
};
