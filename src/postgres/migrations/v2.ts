/**
 * Step 2 (0.2.0): a command applies exactly once, and appends to different streams never wait on
 * each other.
 *
 * - `commands` keeps the outcome of every command by `(stream_id, command_id)`: appended (its
 *   first and last version), refused (the error) or unchanged (the version it saw). The key is
 *   what makes a second append of the same command fail, whatever the race. Existing events are
 *   backfilled: each command's first contiguous run of versions in its stream.
 * - Event ids are unique per stream instead of across the store (two accounts may share ids).
 * - Each event row records the id of the transaction that wrote it (`xid8`): readers order by
 *   (transaction, position) and stop below the oldest transaction still running, so they never
 *   skip a late commit without any lock between writers. Rows written before this step get
 *   transaction 0, which keeps their old order ahead of everything written after.
 * - The append function locks the streams it writes, not the schema, and sends no notification
 *   (the store does, after the commit).
 * - Snapshots keep their state as JSON text (`state_json`), quicker to load than jsonb; rows
 *   saved before keep theirs in `state` until the stream's next snapshot replaces them.
 * @module
 */
import type { SchemaNames } from '../names.js';

/**
 * One statement for a group of distinct streams, after their locks are held (so on a snapshot
 * that sees everything committed before): heads, recorded commands and version checks of all
 * batches, then their outcomes and events, each batch answered on its own.
 */
const groupSql = (n: SchemaNames): string => `
      WITH a AS (
        SELECT x.i::integer AS i, x.v ->> 'stream' AS stream, (x.v ->> 'expected')::integer AS expected,
               x.v ->> 'command' AS command, x.v -> 'events' AS events
          FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS x(v, i)
      ), h AS (
        SELECT a.*, coalesce((SELECT max(e.version) FROM ${n.events} e WHERE e.stream_id = a.stream), 0) AS head,
               a.command IS NOT NULL AND EXISTS (
                 SELECT 1 FROM ${n.commands} c WHERE c.stream_id = a.stream AND c.command_id = a.command) AS recorded
          FROM a
      ), ok AS (
        SELECT h.* FROM h WHERE NOT h.recorded AND (h.expected IS NULL OR h.expected = h.head)
      ), cmd AS (
        INSERT INTO ${n.commands} (stream_id, command_id, outcome, first_version, version)
        SELECT ok.stream, ok.command, 'appended', ok.head + 1, ok.head + jsonb_array_length(ok.events)
          FROM ok WHERE ok.command IS NOT NULL
        ON CONFLICT DO NOTHING
        RETURNING stream_id
      ), go AS (
        SELECT ok.* FROM ok WHERE ok.command IS NULL OR ok.stream IN (SELECT cmd.stream_id FROM cmd)
      ), ins AS (
        INSERT INTO ${n.events} AS e (stream_id, version, event_id, type, schema_version, data, metadata, command_id)
        SELECT go.stream, go.head + r.n, r.event_id, r.type, r.schema_version, r.data, r.metadata, r.command_id
          FROM go CROSS JOIN LATERAL jsonb_to_recordset(go.events) AS r(n integer, event_id text, type text,
                                                                        schema_version integer, data jsonb,
                                                                        metadata jsonb, command_id text)
         ORDER BY go.i, r.n
        RETURNING e.stream_id, e.version, e.global_position
      )
      SELECT go.i, 'appended'::text, go.head, ins.version, ins.global_position
        FROM ins JOIN go ON go.stream = ins.stream_id
      UNION ALL
      SELECT h.i, CASE WHEN h.recorded OR h.i IN (SELECT ok.i FROM ok) THEN 'recorded' ELSE 'conflict' END,
             h.head, NULL::integer, NULL::bigint
        FROM h WHERE h.i NOT IN (SELECT go.i FROM go)`;

/** The append of one or more streams in one transaction; see the module comment of append.ts. */
const appendFunction = (n: SchemaNames): string => `
  CREATE FUNCTION ${n.appendFunction}(p_appends jsonb, p_lock_timeout text)
  RETURNS TABLE (out_n integer, out_status text, out_head integer, out_version integer, out_position bigint)
  LANGUAGE plpgsql VOLATILE AS $append$
  DECLARE
    v_count integer := jsonb_array_length(p_appends);
    v_skip boolean[] := array_fill(false, ARRAY[jsonb_array_length(p_appends)]);
    v_append jsonb;
    v_stream text;
    v_expected integer;
    v_command text;
    v_head integer;
  BEGIN
    -- A writer that cannot have its streams in time gives up here rather than writing later,
    -- after its caller was told the server did not answer (the setting ends with the transaction).
    IF p_lock_timeout IS NOT NULL THEN
      PERFORM set_config('lock_timeout', p_lock_timeout, true);
    END IF;
    IF v_count > 1 AND (SELECT count(DISTINCT a.value ->> 'stream') FROM jsonb_array_elements(p_appends) a) = v_count THEN
      -- A group of distinct streams: every check and write for the whole group at once.
      PERFORM pg_advisory_xact_lock(k.key) FROM (
        SELECT ${n.streamLockKey("a.value ->> 'stream'")} AS key FROM jsonb_array_elements(p_appends) a
      ) k ORDER BY k.key;
      RETURN QUERY ${groupSql(n)};
      RETURN;
    END IF;
    -- Without locks: a writer already behind learns it without queueing for the stream.
    FOR i IN 1 .. v_count LOOP
      v_append := p_appends -> (i - 1);
      v_expected := (v_append ->> 'expected')::integer;
      CONTINUE WHEN v_expected IS NULL;
      v_stream := v_append ->> 'stream';
      SELECT coalesce(max(e.version), 0) INTO v_head FROM ${n.events} e WHERE e.stream_id = v_stream;
      CONTINUE WHEN v_head <= v_expected;
      v_command := v_append ->> 'command';
      v_skip[i] := true;
      RETURN QUERY SELECT i, CASE WHEN v_command IS NOT NULL AND EXISTS (
          SELECT 1 FROM ${n.commands} c WHERE c.stream_id = v_stream AND c.command_id = v_command)
        THEN 'recorded' ELSE 'conflict' END, v_head, NULL::integer, NULL::bigint;
    END LOOP;
    -- Every other stream's lock, in key order: two batches never wait on each other in a cycle.
    IF v_count = 1 THEN
      IF NOT v_skip[1] THEN
        PERFORM pg_advisory_xact_lock(${n.streamLockKey("p_appends -> 0 ->> 'stream'")});
      END IF;
    ELSE
      PERFORM pg_advisory_xact_lock(k.key) FROM (
        SELECT DISTINCT ${n.streamLockKey("a.value ->> 'stream'")} AS key
          FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS a(value, i)
         WHERE NOT v_skip[a.i]
      ) k ORDER BY k.key;
    END IF;
    -- Each statement of a volatile function takes a fresh snapshot: it sees what committed while we waited.
    FOR i IN 1 .. v_count LOOP
      CONTINUE WHEN v_skip[i];
      v_append := p_appends -> (i - 1);
      v_stream := v_append ->> 'stream';
      v_expected := (v_append ->> 'expected')::integer;
      v_command := v_append ->> 'command';
      SELECT coalesce(max(e.version), 0) INTO v_head FROM ${n.events} e WHERE e.stream_id = v_stream;
      IF v_expected IS NOT NULL AND v_head <> v_expected THEN
        RETURN QUERY SELECT i, CASE WHEN v_command IS NOT NULL AND EXISTS (
            SELECT 1 FROM ${n.commands} c WHERE c.stream_id = v_stream AND c.command_id = v_command)
          THEN 'recorded' ELSE 'conflict' END, v_head, NULL::integer, NULL::bigint;
        CONTINUE;
      END IF;
      IF v_command IS NOT NULL THEN
        -- The unique key decides: a second outcome for the same command is never written.
        INSERT INTO ${n.commands} (stream_id, command_id, outcome, first_version, version)
        VALUES (v_stream, v_command, 'appended', v_head + 1, v_head + jsonb_array_length(v_append -> 'events'))
        ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
          RETURN QUERY SELECT i, 'recorded', v_head, NULL::integer, NULL::bigint;
          CONTINUE;
        END IF;
      END IF;
      RETURN QUERY
        WITH inserted AS (
          INSERT INTO ${n.events} AS e (stream_id, version, event_id, type, schema_version, data, metadata, command_id)
          SELECT v_stream, v_head + r.n, r.event_id, r.type, r.schema_version, r.data, r.metadata, r.command_id
            FROM jsonb_to_recordset(v_append -> 'events') AS r(n integer, event_id text, type text,
                                                                schema_version integer, data jsonb,
                                                                metadata jsonb, command_id text)
           ORDER BY r.n
          RETURNING e.global_position, e.version
        )
        SELECT i, 'appended', v_head, inserted.version, inserted.global_position FROM inserted;
    END LOOP;
  END;
  $append$;`;

/**
 * Records a refused or empty command at the stream's version, under the stream's lock: `recorded`,
 * `exists` (the id has an outcome already, whatever the version) or `conflict` (the stream is not
 * at `p_expected`, when one is given).
 */
const recordOutcomeFunction = (n: SchemaNames): string => `
  CREATE FUNCTION ${n.recordOutcomeFunction}(p_stream text, p_command text, p_outcome text, p_error jsonb,
                                              p_expected integer, p_lock_timeout text)
  RETURNS TABLE (out_status text, out_version integer)
  LANGUAGE plpgsql VOLATILE AS $record$
  DECLARE
    v_head integer;
  BEGIN
    IF p_lock_timeout IS NOT NULL THEN
      PERFORM set_config('lock_timeout', p_lock_timeout, true);
    END IF;
    PERFORM pg_advisory_xact_lock(${n.streamLockKey('p_stream')});
    SELECT coalesce(max(e.version), 0) INTO v_head FROM ${n.events} e WHERE e.stream_id = p_stream;
    IF EXISTS (SELECT 1 FROM ${n.commands} c WHERE c.stream_id = p_stream AND c.command_id = p_command) THEN
      RETURN QUERY SELECT 'exists', v_head;
      RETURN;
    END IF;
    IF p_expected IS NOT NULL AND v_head <> p_expected THEN
      RETURN QUERY SELECT 'conflict', v_head;
      RETURN;
    END IF;
    INSERT INTO ${n.commands} (stream_id, command_id, outcome, first_version, version, error)
    VALUES (p_stream, p_command, p_outcome, NULL, v_head, p_error)
    ON CONFLICT DO NOTHING;
    RETURN QUERY SELECT CASE WHEN FOUND THEN 'recorded' ELSE 'exists' END, v_head;
  END;
  $record$;`;

/** The SQL of step 2. */
export const step2 = (n: SchemaNames): string => `
  -- Appends of 0.1.0 still running elsewhere finish first.
  SELECT pg_advisory_xact_lock(${n.legacyAppendLock});
  CREATE TABLE ${n.commands} (
    stream_id text NOT NULL,
    command_id text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('appended', 'refused', 'unchanged')),
    first_version integer CHECK ((outcome = 'appended') = (first_version IS NOT NULL)),
    version integer NOT NULL CHECK (version >= 0),
    error jsonb CHECK ((outcome = 'refused') = (error IS NOT NULL)),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT commands_pkey PRIMARY KEY (stream_id, command_id)
  );
  INSERT INTO ${n.commands} (stream_id, command_id, outcome, first_version, version)
  SELECT DISTINCT ON (runs.stream_id, runs.command_id)
         runs.stream_id, runs.command_id, 'appended', min(runs.version), max(runs.version)
    FROM (SELECT stream_id, command_id, version,
                 version - row_number() OVER (PARTITION BY stream_id, command_id ORDER BY version) AS run
            FROM ${n.events}) runs
   GROUP BY runs.stream_id, runs.command_id, runs.run
   ORDER BY runs.stream_id, runs.command_id, min(runs.version);
  ALTER TABLE ${n.events} DROP CONSTRAINT events_event_id;
  ALTER TABLE ${n.events} ADD CONSTRAINT events_stream_event_id UNIQUE (stream_id, event_id);
  DROP INDEX "${n.schema}".events_stream_command;
  ALTER TABLE ${n.events} ADD COLUMN transaction_id xid8 NOT NULL DEFAULT '0';
  ALTER TABLE ${n.events} ALTER COLUMN transaction_id SET DEFAULT pg_current_xact_id();
  CREATE INDEX events_transaction_order ON ${n.events} (transaction_id, global_position);
  DROP FUNCTION ${n.legacyAppendFunction}(text, integer, jsonb);
  ALTER TABLE ${n.snapshots} ADD COLUMN state_json text;
  ALTER TABLE ${n.snapshots} ALTER COLUMN state DROP NOT NULL;
  ALTER TABLE ${n.snapshots} ADD CONSTRAINT snapshots_has_state CHECK (state IS NOT NULL OR state_json IS NOT NULL);
  ${appendFunction(n)}
  ${recordOutcomeFunction(n)}`;
