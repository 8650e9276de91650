/**
 * Step 1, as released in 0.1.0: the tables, and an append function that serialised every append
 * to the schema behind one advisory lock (replaced by step 2). A shipped step never changes:
 * databases created by 0.1.0 ran exactly this.
 * @module
 */
import type { SchemaNames } from '../names.js';

/** The SQL of step 1. */
export const step1 = (n: SchemaNames): string => `
      CREATE TABLE IF NOT EXISTS ${n.events} (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        event_id text NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        command_id text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version UNIQUE (stream_id, version),
        CONSTRAINT events_event_id UNIQUE (event_id)
      );
      CREATE INDEX IF NOT EXISTS events_stream_command ON ${n.events} (stream_id, command_id);
      CREATE TABLE IF NOT EXISTS ${n.snapshots} (
        stream_id text PRIMARY KEY,
        version integer NOT NULL,
        schema_version integer NOT NULL,
        state jsonb NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS ${n.checkpoints} (
        name text PRIMARY KEY,
        position bigint NOT NULL CHECK (position >= 0),
        saved_at timestamptz NOT NULL DEFAULT now()
      );

  CREATE OR REPLACE FUNCTION ${n.legacyAppendFunction}(p_stream text, p_expected integer, p_events jsonb)
  RETURNS TABLE (out_head integer, out_position bigint, out_version integer)
  LANGUAGE plpgsql VOLATILE AS $append$
  DECLARE
    v_head integer;
  BEGIN
    IF p_expected IS NOT NULL THEN
      SELECT coalesce(max(e.version), 0) INTO v_head FROM ${n.events} e WHERE e.stream_id = p_stream;
      IF v_head <> p_expected THEN
        RETURN QUERY SELECT v_head, NULL::bigint, NULL::integer;
        RETURN;
      END IF;
    END IF;
    PERFORM pg_advisory_xact_lock(${n.legacyAppendLock});
    -- A volatile function's next statement takes a fresh snapshot: it sees what committed while we waited.
    SELECT coalesce(max(e.version), 0) INTO v_head FROM ${n.events} e WHERE e.stream_id = p_stream;
    IF p_expected IS NOT NULL AND v_head <> p_expected THEN
      RETURN QUERY SELECT v_head, NULL::bigint, NULL::integer;
      RETURN;
    END IF;
    RETURN QUERY
      WITH inserted AS (
        INSERT INTO ${n.events} AS e (stream_id, version, event_id, type, schema_version, data, metadata, command_id)
        SELECT p_stream, v_head + r.n, r.event_id, r.type, r.schema_version, r.data, r.metadata, r.command_id
          FROM jsonb_to_recordset(p_events) AS r(n integer, event_id text, type text, schema_version integer,
                                                 data jsonb, metadata jsonb, command_id text)
         ORDER BY r.n
        RETURNING e.global_position, e.version
      )
      SELECT v_head, inserted.global_position, inserted.version FROM inserted;
    PERFORM pg_notify('${n.channel}', '');
  END;
  $append$;`;
