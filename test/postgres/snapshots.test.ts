import { left, right } from 'fp-ts/lib/Either.js';
import { isNone, isSome } from 'fp-ts/lib/Option.js';
import { describe, expect, it } from 'vitest';
import { createCommandHandler, type StoreError, validationError } from '../../src/kernel/index.js';
import {
  createPostgresCheckpointStore,
  createPostgresEventStore,
  createPostgresSnapshotStore,
} from '../../src/postgres/index.js';
import {
  add,
  type CounterEvent,
  type CounterState,
  counter,
  counterRegistry,
  streamOf,
} from '../conformance/counter.js';
import { failure, ok } from '../conformance/event-store.conformance.js';
import { freshSchema, testPool } from './harness.js';

const pool = testPool(4);

describe('PostgreSQL snapshot store', () => {
  it('keeps the newest snapshot per stream: an older save never replaces a newer one', async () => {
    const snapshots = createPostgresSnapshotStore<{ n: number }>({
      pool,
      schema: await freshSchema(pool, 'snap'),
    });
    expect(isNone(await ok(snapshots.load('s')))).toBe(true);
    await ok(snapshots.save({ streamId: 's', version: 10, schemaVersion: 1, state: { n: 10 } }));
    await ok(snapshots.save({ streamId: 's', version: 5, schemaVersion: 1, state: { n: 5 } }));
    await ok(snapshots.save({ streamId: 'other', version: 1, schemaVersion: 3, state: { n: 1 } }));
    const found = await ok(snapshots.load('s'));
    expect(isSome(found) && found.value).toEqual({
      streamId: 's',
      version: 10,
      schemaVersion: 1,
      state: { n: 10 },
    });
    await ok(snapshots.save({ streamId: 's', version: 12, schemaVersion: 2, state: { n: 12 } }));
    const newer = await ok(snapshots.load('s'));
    expect(isSome(newer) && newer.value).toEqual({
      streamId: 's',
      version: 12,
      schemaVersion: 2,
      state: { n: 12 },
    });
  });

  it('keeps copies: a saved state changed afterwards, or a loaded one changed, changes no snapshot', async () => {
    const snapshots = createPostgresSnapshotStore<{ n: number; list: number[] }>({
      pool,
      schema: await freshSchema(pool, 'snap'),
    });
    expect(snapshots.keepsCopies).toBe(true);
    const state = { n: 1, list: [1] };
    const saving = snapshots.save({ streamId: 's', version: 1, schemaVersion: 1, state });
    const saved = saving(); // serialised before it awaits anything
    state.n = 2;
    state.list.push(2);
    await saved;
    const first = await ok(snapshots.load('s'));
    if (!isSome(first)) throw new Error('no snapshot');
    expect(first.value.state).toEqual({ n: 1, list: [1] });
    first.value.state.list.push(3);
    const second = await ok(snapshots.load('s'));
    expect(isSome(second) && second.value.state).toEqual({ n: 1, list: [1] });
  });

  it('reports a stored state that fails its decoder as MalformedSnapshot naming stream and version', async () => {
    const schema = await freshSchema(pool, 'snap');
    const decodeState = (u: unknown) =>
      typeof u === 'object' && u !== null && typeof (u as { n?: unknown }).n === 'number'
        ? right(u as { n: number })
        : left(
            validationError([
              { path: 'n', expected: 'a number', actual: u, message: 'n: expected a number' },
            ]),
          );
    const snapshots = createPostgresSnapshotStore<{ n: number }>({ pool, schema, decodeState });
    await pool.query(
      `INSERT INTO "${schema}".snapshots (stream_id, version, schema_version, state) VALUES ('s', 7, 1, '{"n": "seven"}')`,
    );
    const error = (await failure(snapshots.load('s'))) as StoreError;
    expect(error).toMatchObject({ _tag: 'StoreError', code: 'MalformedSnapshot', streamId: 's', version: 7 });
    expect(error.message).toContain('n: expected a number');
  });

  it('reads a snapshot 0.1.0 kept as jsonb, replaces it with the next save, and reports text that is not JSON', async () => {
    const schema = await freshSchema(pool, 'snap');
    const snapshots = createPostgresSnapshotStore<{ n: number }>({ pool, schema });
    await pool.query(
      `INSERT INTO "${schema}".snapshots (stream_id, version, schema_version, state) VALUES ('old', 3, 1, '{"n": 3}')`,
    );
    const old = await ok(snapshots.load('old'));
    expect(isSome(old) && old.value).toEqual({
      streamId: 'old',
      version: 3,
      schemaVersion: 1,
      state: { n: 3 },
    });
    await ok(snapshots.save({ streamId: 'old', version: 4, schemaVersion: 1, state: { n: 4 } }));
    const stored = await pool.query(
      `SELECT state, state_json FROM "${schema}".snapshots WHERE stream_id = 'old'`,
    );
    expect(stored.rows).toEqual([{ state: null, state_json: '{"n":4}' }]);
    await pool.query(
      `INSERT INTO "${schema}".snapshots (stream_id, version, schema_version, state_json) VALUES ('torn', 5, 1, '{"n": ')`,
    );
    expect(await failure(snapshots.load('torn'))).toMatchObject({
      _tag: 'StoreError',
      code: 'MalformedSnapshot',
      streamId: 'torn',
      version: 5,
    });
    expect(
      await failure(
        snapshots.save({ streamId: 'x', version: 1, schemaVersion: 1, state: undefined as never }),
      ),
    ).toMatchObject({ code: 'Internal', streamId: 'x' });
  });

  it('saves the compact text when asked, and reads either form whatever it saves', async () => {
    const schema = await freshSchema(pool, 'snap');
    const compact = createPostgresSnapshotStore<{ ids: string[]; n: number }>({
      pool,
      schema,
      compact: true,
    });
    const plain = createPostgresSnapshotStore<{ ids: string[]; n: number }>({ pool, schema });
    const state = { ids: ['call-1', 'call-2'], n: 1 };
    await ok(compact.save({ streamId: 'c', version: 2, schemaVersion: 1, state }));
    await ok(plain.save({ streamId: 'p', version: 3, schemaVersion: 1, state }));
    const stored = await pool.query(
      `SELECT stream_id, state_json FROM "${schema}".snapshots ORDER BY stream_id`,
    );
    expect(stored.rows).toEqual([
      { stream_id: 'c', state_json: '\u007f{"ids":"\u007fcall-1,call-2","n":1}' },
      { stream_id: 'p', state_json: '{"ids":["call-1","call-2"],"n":1}' },
    ]);
    for (const store of [compact, plain]) {
      for (const streamId of ['c', 'p']) {
        const found = await ok(store.load(streamId));
        expect(isSome(found) && found.value.state).toEqual(state);
      }
    }
    await pool.query(
      `INSERT INTO "${schema}".snapshots (stream_id, version, schema_version, state_json) VALUES ('torn', 5, 1, '\u007f{"ids": ')`,
    );
    expect(await failure(compact.load('torn'))).toMatchObject({
      code: 'MalformedSnapshot',
      streamId: 'torn',
      version: 5,
    });
  });

  it('lets a handler load snapshot + tail: the same state as folding the whole stream', async () => {
    const schema = await freshSchema(pool, 'snap');
    const eventStore = createPostgresEventStore<CounterEvent>({ pool, registry: counterRegistry, schema });
    const store = createPostgresSnapshotStore<CounterState>({ pool, schema });
    const reads: number[] = [];
    const watched = {
      ...eventStore,
      readStream: (streamId: string, o?: { fromVersion?: number }) => {
        reads.push(o?.fromVersion ?? 1);
        return eventStore.readStream(streamId, o);
      },
    };
    const handler = () =>
      createCommandHandler({
        eventStore: watched,
        decider: counter,
        streamIdOf: (c) => streamOf(c.metadata.accountId),
        snapshots: { store, every: 10, schemaVersion: 1 },
        cacheSize: 0,
      });
    const writer = handler();
    for (let i = 0; i < 25; i++) await ok(writer.handle(add('snap', `c${i}`, i + 1)));
    const snapshot = await ok(store.load(streamOf('snap')));
    expect(isSome(snapshot) && snapshot.value.version).toBe(20);
    expect(isSome(snapshot) && snapshot.value.state.total).toBe(210);
    // A new handler (no cache) starts from the snapshot and reads versions 21–25 only.
    reads.length = 0;
    const next = await ok(handler().handle(add('snap', 'last', 100)));
    expect(reads).toEqual([21]);
    const all = await ok(eventStore.readStream(streamOf('snap')));
    const folded = counter.fold(all as unknown as CounterEvent[]);
    expect(next.events[0]!.data.total).toBe(folded.total);
    expect(folded.total).toBe(325 + 100);
  });
});

describe('PostgreSQL checkpoint store', () => {
  it('loads 0 for an unknown reader, then what was saved last (also going back, for a rebuild)', async () => {
    const checkpoints = createPostgresCheckpointStore({ pool, schema: await freshSchema(pool, 'cp') });
    expect(await ok(checkpoints.load('billing'))).toBe(0);
    await ok(checkpoints.save('billing', 42));
    await ok(checkpoints.save('history', 7));
    expect(await ok(checkpoints.load('billing'))).toBe(42);
    await ok(checkpoints.save('billing', 0));
    expect(await ok(checkpoints.load('billing'))).toBe(0);
    expect(await ok(checkpoints.load('history'))).toBe(7);
  });

  it('refuses a position that is not a non-negative integer', async () => {
    const checkpoints = createPostgresCheckpointStore({ pool, schema: await freshSchema(pool, 'cp') });
    expect(await failure(checkpoints.save('billing', -1))).toMatchObject({
      _tag: 'StoreError',
      code: 'Internal',
    });
    expect(await failure(checkpoints.save('billing', 1.5))).toMatchObject({ code: 'Internal' });
    expect(await ok(checkpoints.load('billing'))).toBe(0);
  });
});
