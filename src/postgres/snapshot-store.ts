/**
 * The snapshot store port on PostgreSQL: the newest snapshot per stream. A save never replaces a
 * snapshot of a later version (two handlers may race to save).
 *
 * The state is kept as JSON text, not jsonb: loading a large state is then the server handing
 * over the text and one `JSON.parse`, without converting jsonb back to text first (a third less
 * time for a 3.5 MB account state). With `compact`, the text is the compact form of
 * snapshot-text.ts. Snapshots saved as jsonb by 0.1.0, and as plain JSON text, are still read.
 * @module
 */

import { type Either, isLeft, left, right } from 'fp-ts/lib/Either.js';
import { none, some } from 'fp-ts/lib/Option.js';
import { storeError, type ValidationError } from '../kernel/errors.js';
import type { SnapshotStore } from '../kernel/snapshot-store.js';
import { asciiJson } from './ascii-json.js';
import type { PgPool } from './connection.js';
import { createDatabase, type Timeouts } from './database.js';
import { schemaNames } from './names.js';
import { packSnapshotText, parseSnapshotText } from './snapshot-text.js';

/** The pool and schema of the snapshots table, deadlines, and how a stored state is checked on read. */
export interface PostgresSnapshotStoreOptions<State> {
  readonly pool: PgPool;
  /** Where {@link migrate} created the tables (default `pbx_options`). */
  readonly schema?: string;
  /** Deadlines for a connection and a statement, as the event store's (default 10 s and 30 s). */
  readonly timeouts?: Timeouts;
  /**
   * Checks a loaded state (e.g. an io-ts decoder); without it the stored JSON is trusted. A state
   * that fails is a `MalformedSnapshot` error naming the stream and version.
   */
  readonly decodeState?: (state: unknown) => Either<ValidationError, State>;
  /**
   * Saves states in the compact text (arrays of short texts joined; see snapshot-text.ts), which
   * loads faster; off by default. Loading reads both forms whatever this says, but a version of
   * this library before the compact text cannot load such a snapshot: turn it on once every
   * instance that loads snapshots has been upgraded.
   */
  readonly compact?: boolean;
}

/** Creates a {@link SnapshotStore} over the `snapshots` table. States must be plain JSON data. */
export const createPostgresSnapshotStore = <State>(
  options: PostgresSnapshotStoreOptions<State>,
): SnapshotStore<State> => {
  const { decodeState } = options;
  const stringify = options.compact === true ? packSnapshotText : JSON.stringify;
  const db = createDatabase(options.pool, options.timeouts);
  const n = schemaNames(options.schema);
  return {
    // A state is serialised before `save` awaits anything, and parsed afresh by every `load`.
    keepsCopies: true,
    load: (streamId) => async () => {
      const found = await db.query(
        `loading the snapshot of ${streamId}`,
        `SELECT version, schema_version, coalesce(state_json, state::text) AS state FROM ${n.snapshots} WHERE stream_id = $1`,
        [streamId],
      );
      if (isLeft(found)) return found;
      const row = found.right.rows[0];
      if (row === undefined) return right(none);
      const version = Number(row.version);
      const malformed = (why: string, extra: { issues?: ValidationError['issues'] } = {}) =>
        left(
          storeError('MalformedSnapshot', `snapshot ${streamId}@${version} ${why}`, {
            streamId,
            version,
            ...extra,
          }),
        );
      let state: unknown;
      try {
        state = parseSnapshotText(String(row.state));
      } catch {
        return malformed('is not JSON');
      }
      if (decodeState !== undefined) {
        const decoded = decodeState(state);
        if (isLeft(decoded)) {
          return malformed(`does not decode: ${decoded.left.message}`, { issues: decoded.left.issues });
        }
        state = decoded.right;
      }
      return right(
        some({ streamId, version, schemaVersion: Number(row.schema_version), state: state as State }),
      );
    },
    save: (snapshot) => async () => {
      let json: string | undefined;
      try {
        json = stringify(snapshot.state);
      } catch (cause) {
        return left(
          storeError(
            'Internal',
            `snapshot of ${snapshot.streamId} cannot be serialised as JSON: ${String(cause)}`,
            {
              streamId: snapshot.streamId,
              version: snapshot.version,
            },
          ),
        );
      }
      if (json === undefined) {
        return left(
          storeError('Internal', `snapshot of ${snapshot.streamId} has no JSON form`, {
            streamId: snapshot.streamId,
            version: snapshot.version,
          }),
        );
      }
      // ASCII only: loading reads it without a UTF-8 pass, as a one-byte string.
      json = asciiJson(json);
      const saved = await db.query(
        `saving the snapshot of ${snapshot.streamId}`,
        `INSERT INTO ${n.snapshots} AS s (stream_id, version, schema_version, state, state_json) VALUES ($1, $2, $3, NULL, $4)
           ON CONFLICT (stream_id) DO UPDATE
             SET version = excluded.version, schema_version = excluded.schema_version,
                 state = NULL, state_json = excluded.state_json, saved_at = now()
           WHERE s.version <= excluded.version`,
        [snapshot.streamId, snapshot.version, snapshot.schemaVersion, json],
      );
      return isLeft(saved) ? saved : right(undefined);
    },
  };
};
