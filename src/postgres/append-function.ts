/**
 * The append as one server-side function, so an append is one statement and one round trip:
 * check the expected version (first without the lock, so a writer that is already behind does
 * not queue for it), take the schema's append lock, check again on a fresh snapshot, insert the
 * batch, notify. Being one statement, it is one transaction: all of the batch or none of it.
 *
 * The lock is held until the transaction ends, so global positions are handed out in commit
 * order: a reader that sees position p will never later see a smaller one appear.
 * @module
 */
import type { SchemaNames } from './names.js';

/** `CREATE OR REPLACE FUNCTION <schema>.append_events(stream, expected, events)`. */
export const appendFunctionSql = (n: SchemaNames): string => `
  CREATE OR REPLACE FUNCTION ${n.appendFunction}(p_stream text, p_expected integer, p_events jsonb)
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
    PERFORM pg_advisory_xact_lock(${n.appendLock});
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
