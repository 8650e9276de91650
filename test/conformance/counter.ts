/**
 * A tiny, domain-free decider for store tests and the PostgreSQL benchmark: a counter whose
 * events carry the running total (so a lost or doubled event shows as a wrong total) and whose
 * state keeps every command it applied (a collection that grows with history).
 */
import { left, right } from 'fp-ts/lib/Either.js';
import {
  type ChunkedMap,
  type Command,
  createDecider,
  createPayloadRegistry,
  domainError,
  type Event,
  emptyChunkedMap,
  NonNegativeInt,
  PositiveInt,
  setEntry,
  strictType,
} from '../../src/kernel/index.js';

export type CounterCommand =
  | Command<'Add', { amount: number }>
  | Command<'AddTwice', { amount: number }>
  | Command<'Check', { atMost: number }>;

export type CounterEvent = Event<'Added', { amount: number; total: number }>;

export interface CounterState {
  total: number;
  applied: ChunkedMap<number>;
}

/** Add: one event; AddTwice: two; Check: no event, or `TooLarge` when the total is above `atMost`. */
export const counter = createDecider<CounterCommand, CounterEvent, CounterState>({
  initialState: { total: 0, applied: emptyChunkedMap() },
  decide: (command, state) => {
    const { at, commandId, actor } = command.metadata;
    const metadata = { at, commandId, actor };
    if (command.type === 'Check') {
      return state.total <= command.data.atMost
        ? right([])
        : left(domainError('TooLarge', `total ${state.total} is above ${command.data.atMost}`, {}));
    }
    const { amount } = command.data;
    const first: CounterEvent = { type: 'Added', data: { amount, total: state.total + amount }, metadata };
    if (command.type === 'Add') return right([first]);
    return right([first, { type: 'Added', data: { amount, total: state.total + 2 * amount }, metadata }]);
  },
  recipe: (draft, event) => {
    draft.total = event.data.total;
    setEntry(draft.applied, event.metadata.commandId, event.data.total);
  },
});

/** v2 of `Added` has `total`; v1 rows (amount only) are read with total 0. */
export const counterRegistry = createPayloadRegistry({
  Added: {
    codec: strictType({ amount: PositiveInt, total: NonNegativeInt }),
    schemaVersion: 2,
    upcasters: { 1: (data) => ({ ...(data as object), total: 0 }) },
  },
});

const AT = '2025-04-21T10:00:00+03:00';

/** A command on counter `id`; the stream is `counter-${id}`. */
export const add = (
  id: string,
  commandId: string,
  amount = 1,
  type: 'Add' | 'AddTwice' = 'Add',
): CounterCommand => ({
  type,
  data: { amount },
  metadata: { commandId, accountId: id, at: AT, actor: 'tester' },
});

/** A `Check` command. */
export const check = (id: string, commandId: string, atMost: number): CounterCommand => ({
  type: 'Check',
  data: { atMost },
  metadata: { commandId, accountId: id, at: AT, actor: 'tester' },
});

/** An event as a decision would make it. */
export const added = (amount: number, total: number, commandId: string): CounterEvent => ({
  type: 'Added',
  data: { amount, total },
  metadata: { at: AT, commandId, actor: 'tester' },
});

/** The stream of counter `id`. */
export const streamOf = (id: string) => `counter-${id}`;

/** A row as a database or a JSON log holds it, possibly malformed. */
export interface RawRow {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly commandId: string;
  readonly schemaVersion?: number;
}

/** Rows whose payloads are right. */
export const goodRow = (streamId: string, commandId: string, amount: number, total: number): RawRow => ({
  streamId,
  type: 'Added',
  data: { amount, total },
  commandId,
});
