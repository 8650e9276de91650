/**
 * Step 3 (0.3.0): a cheaper append.
 *
 * - A single stream's append has a function of its own, `append_to_stream`, with plain
 *   arguments: the server parses only the events' JSON, and takes the stream's lock before it
 *   reads the head once (a writer already behind still learns it, after the current holder).
 * - The group append (`append_to_streams`, same arguments and answers) looks each batch's
 *   command up by its key: its earlier form could hash the whole `commands` table on every call.
 * - Snapshot texts are stored uncompressed: a load no longer waits for the server to inflate them.
 * @module
 */
import type { SchemaNames } from '../names.js';

/** Whether `command` already has an outcome in `stream`: one probe of the key, never a scan. */
const recorded = (n: SchemaNames, stream: string, command: string): string =>
  `coalesce((SELECT true FROM ${n.commands} c WHERE c.stream_id = ${stream} AND c.command_id = ${command}), false)`;

/** The columns of an event in a batch's JSON (`n` is its 1-based place in the batch). */
const EVENT_RECORD = `r(n integer, event_id text, type text, schema_version integer, data jsonb, metadata jsonb,
      command_id text)`;

/**
 * One batch's write once its head is known and checked, in plpgsql: the command's outcome by its
 * key (a second outcome for the same command is never written: answered `recorded`), then the
 * events at the versions after the head, answered one row each. `answer` leads every answer row
 * (the batch's number in a group), `next` ends the batch (`RETURN` or `CONTINUE`).
 */
const writeBatch = (
  n: SchemaNames,
  v: { stream: string; command: string; head: string; events: string; answer: string; next: string },
): string => `
    IF ${v.command} IS NOT NULL THEN
      INSERT INTO ${n.commands} (stream_id, command_id, outcome, first_version, version)
      VALUES (${v.stream}, ${v.command}, 'appended', ${v.head} + 1, ${v.head} + jsonb_array_length(${v.events}))
      ON CONFLICT DO NOTHING;
      IF NOT FOUND THEN
        RETURN QUERY SELECT ${v.answer}'recorded', ${v.head}, NULL::integer, NULL::bigint;
        ${v.next};
      END IF;
    END IF;
    RETURN QUERY
      WITH inserted AS (
        INSERT INTO ${n.events} AS e (stream_id, version, event_id, type, schema_version, data, metadata, command_id)
        SELECT ${v.stream}, ${v.head} + r.n, r.event_id, r.type, r.schema_version, r.data, r.metadata, r.command_id
          FROM jsonb_to_recordset(${v.events}) AS ${EVENT_RECORD}
         ORDER BY r.n
        RETURNING e.global_position, e.version
      )
      SELECT ${v.answer}'appended', ${v.head}, inserted.version, inserted.global_position FROM inserted;`;

/** One stream's append; answers one row per event appended, or one `conflict`/`recorded` row. */
const appendOneFunction = (n: SchemaNames): string => `
  CREATE FUNCTION ${n.appendOneFunction}(p_stream text, p_expected integer, p_command text, p_events jsonb,
                                          p_lock_timeout text)
  RETURNS TABLE (out_status text, out_head integer, out_version integer, out_position bigint)
  LANGUAGE plpgsql VOLATILE AS $append$
  DECLARE
    v_head integer;
  BEGIN
    -- A writer that cannot have its stream in time gives up here rather than writing later,
    -- after its caller was told the server did not answer (the setting ends with the transaction).
    IF p_lock_timeout IS NOT NULL THEN
      PERFORM set_config('lock_timeout', p_lock_timeout, true);
    END IF;
    PERFORM pg_advisory_xact_lock(${n.streamLockKey('p_stream')});
    -- A volatile function's next statement takes a fresh snapshot: it sees what committed while we waited.
    SELECT coalesce(max(e.version), 0) INTO v_head FROM ${n.events} e WHERE e.stream_id = p_stream;
    IF p_expected IS NOT NULL AND v_head <> p_expected THEN
      RETURN QUERY SELECT CASE WHEN p_command IS NOT NULL AND ${recorded(n, 'p_stream', 'p_command')}
        THEN 'recorded' ELSE 'conflict' END, v_head, NULL::integer, NULL::bigint;
      RETURN;
    END IF;
${writeBatch(n, { stream: 'p_stream', command: 'p_command', head: 'v_head', events: 'p_events', answer: '', next: 'RETURN' })}
  END;
  $append$;`;

/**
 * The group statement of distinct streams, run once their locks are held: heads, recorded
 * commands and version checks of all batches, then their outcomes and events, each batch
 * answered on its own.
 */
const groupSql = (n: SchemaNames): string => `
      WITH a AS (
        SELECT x.i::integer AS i, x.v ->> 'stream' AS stream, (x.v ->> 'expected')::integer AS expected,
               x.v ->> 'command' AS command, x.v -> 'events' AS events
          FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS x(v, i)
      ), h AS (
        SELECT a.*, coalesce((SELECT max(e.version) FROM ${n.events} e WHERE e.stream_id = a.stream), 0) AS head,
               a.command IS NOT NULL AND ${recorded(n, 'a.stream', 'a.command')} AS recorded
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
          FROM go CROSS JOIN LATERAL jsonb_to_recordset(go.events) AS ${EVENT_RECORD}
         ORDER BY go.i, r.n
        RETURNING e.stream_id, e.version, e.global_position
      )
      SELECT go.i, 'appended'::text, go.head, ins.version, ins.global_position
        FROM ins JOIN go ON go.stream = ins.stream_id
      UNION ALL
      SELECT h.i, CASE WHEN h.recorded OR h.i IN (SELECT ok.i FROM ok) THEN 'recorded' ELSE 'conflict' END,
             h.head, NULL::integer, NULL::bigint
        FROM h WHERE h.i NOT IN (SELECT go.i FROM go)`;

/** The append of several streams in one transaction; see the module comment of append.ts. */
const appendGroupFunction = (n: SchemaNames): string => `
  CREATE OR REPLACE FUNCTION ${n.appendFunction}(p_appends jsonb, p_lock_timeout text)
  RETURNS TABLE (out_n integer, out_status text, out_head integer, out_version integer, out_position bigint)
  LANGUAGE plpgsql VOLATILE AS $append$
  DECLARE
    v_count integer := jsonb_array_length(p_appends);
    v_append jsonb;
    v_stream text;
    v_expected integer;
    v_command text;
    v_head integer;
  BEGIN
    IF p_lock_timeout IS NOT NULL THEN
      PERFORM set_config('lock_timeout', p_lock_timeout, true);
    END IF;
    -- Every stream's lock, in key order: two groups never wait on each other in a cycle.
    PERFORM pg_advisory_xact_lock(k.key) FROM (
      SELECT DISTINCT ${n.streamLockKey("a.value ->> 'stream'")} AS key FROM jsonb_array_elements(p_appends) a
    ) k ORDER BY k.key;
    IF v_count > 1 AND (SELECT count(DISTINCT a.value ->> 'stream') FROM jsonb_array_elements(p_appends) a) = v_count THEN
      -- Distinct streams: every check and write for the whole group at once.
      RETURN QUERY ${groupSql(n)};
      RETURN;
    END IF;
    -- A stream more than once: its batches in order, each on the head the one before left.
    FOR i IN 1 .. v_count LOOP
      v_append := p_appends -> (i - 1);
      v_stream := v_append ->> 'stream';
      v_expected := (v_append ->> 'expected')::integer;
      v_command := v_append ->> 'command';
      SELECT coalesce(max(e.version), 0) INTO v_head FROM ${n.events} e WHERE e.stream_id = v_stream;
      IF v_expected IS NOT NULL AND v_head <> v_expected THEN
        RETURN QUERY SELECT i, CASE WHEN v_command IS NOT NULL AND ${recorded(n, 'v_stream', 'v_command')}
          THEN 'recorded' ELSE 'conflict' END, v_head, NULL::integer, NULL::bigint;
        CONTINUE;
      END IF;
${writeBatch(n, { stream: 'v_stream', command: 'v_command', head: 'v_head', events: "v_append -> 'events'", answer: 'i, ', next: 'CONTINUE' })}
    END LOOP;
  END;
  $append$;`;

/** The SQL of step 3. */
export const step3 = (n: SchemaNames): string => `
  ${appendOneFunction(n)}
  ${appendGroupFunction(n)}
  -- A snapshot is read whole on every cold load: kept uncompressed, it is handed out without the
  -- server inflating megabytes first (each save rewrites its row, so older rows follow).
  ALTER TABLE ${n.snapshots} ALTER COLUMN state_json SET STORAGE EXTERNAL;`;
