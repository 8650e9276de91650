/**
 * A small, domain-free decider for kernel tests and benchmarks: a guest book whose state holds a
 * collection that grows with history (every guest who ever signed).
 */
import { left, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Command } from '../../src/kernel/envelope.js';
import {
  type ChunkedMap,
  createDecider,
  createPayloadRegistry,
  deleteEntry,
  domainError,
  type Event,
  emptyChunkedMap,
  getEntry,
  Id,
  PositiveInt,
  setEntry,
} from '../../src/kernel/index.js';

export type GuestbookCommand = Command<'Sign', { guest: string }> | Command<'Forget', { guest: string }>;
export type GuestbookEvent =
  | Event<'Signed', { guest: string; visit: number }>
  | Event<'Forgotten', { guest: string }>;

export interface GuestbookState {
  signatures: number;
  guests: ChunkedMap<{ visits: number; lastAt: string }>;
}

export const guestbook = createDecider<GuestbookCommand, GuestbookEvent, GuestbookState>({
  initialState: { signatures: 0, guests: emptyChunkedMap() },
  decide: (command, state) => {
    const meta = {
      at: command.metadata.at,
      commandId: command.metadata.commandId,
      actor: command.metadata.actor,
    };
    const known = getEntry(state.guests, command.data.guest);
    if (command.type === 'Sign') {
      return right([
        {
          type: 'Signed',
          data: { guest: command.data.guest, visit: (known?.visits ?? 0) + 1 },
          metadata: meta,
        },
      ]);
    }
    if (known === undefined) return left(domainError('UnknownGuest', `no guest ${command.data.guest}`, {}));
    return right([{ type: 'Forgotten', data: { guest: command.data.guest }, metadata: meta }]);
  },
  recipe: (draft, event) => {
    if (event.type === 'Signed') {
      draft.signatures++;
      setEntry(draft.guests, event.data.guest, { visits: event.data.visit, lastAt: event.metadata.at });
    } else {
      deleteEntry(draft.guests, event.data.guest);
    }
  },
});

/** v2 of `Signed` has `visit`; v1 had none (every v1 signature was a first visit). */
export const guestbookRegistry = createPayloadRegistry({
  Signed: {
    codec: t.type({ guest: Id, visit: PositiveInt }),
    schemaVersion: 2,
    upcasters: { 1: (data) => ({ ...(data as object), visit: 1 }) },
  },
  Forgotten: { codec: t.type({ guest: Id }) },
});

let n = 0;
export const sign = (guest: string, accountId = 'book-1', commandId = `cmd-${++n}`): GuestbookCommand => ({
  type: 'Sign',
  data: { guest },
  metadata: { commandId, accountId, at: '2025-04-21T10:00:00+03:00', actor: 'tester' },
});

export const signed = (guest: string, visit: number, commandId: string): GuestbookEvent => ({
  type: 'Signed',
  data: { guest, visit },
  metadata: { at: '2025-04-21T10:00:00+03:00', commandId, actor: 'tester' },
});
