import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../src/account/events.js';
import type { AccountState } from '../../src/account/state.js';
import {
  clientRecordOf,
  emptyClientRecord,
  isRecentCall,
  RECENT_CALL_IDS,
  recentCallIdsOf,
  rememberCallId,
} from '../../src/calls/client-record.js';
import type { ClientRecord } from '../../src/calls/state.js';
import { call, cmd, configure, decider, historyOf, OPERATOR, withNumbers } from './fixtures.js';

/** Decides `count` calls from `clients` distinct clients onto a private state (decide + recipe). */
const registerMany = (count: number, clients: number) => {
  const history = historyOf(
    withNumbers(),
    cmd('PurchaseSmsPackage', { size: 500 }),
    cmd('EnableSmartCallback', {}),
    configure('incoming-missed-call', 'Мы перезвоним'),
    configure('incoming-visit-card', 'Визитка', { telegram: true }),
    configure('outgoing-unreached', 'Не дозвонились'),
  );
  const state = decider.fold(history) as AccountState;
  const events: AccountEvent[] = [...history];
  const start = Date.parse('2025-04-22T09:00:00Z');
  for (let i = 0; i < count; i++) {
    const command = call(`call-${i}`, new Date(start + i * 61_000).toISOString(), {
      client: `+7912${String(1_000_000 + (i % clients)).padStart(7, '0')}`,
      direction: i % 3 === 0 ? 'outgoing' : 'incoming',
      outcome: i % 2 === 0 ? 'missed' : 'answered',
      operator: OPERATOR,
    });
    const result = decider.decide(command, state);
    if (isLeft(result)) throw new Error(result.left.message);
    for (const event of result.right) {
      decider.recipe(state as never, event);
      events.push(event);
    }
  }
  return { state, events };
};

describe('Calls state', () => {
  it('grows with distinct clients, not with calls; each record keeps at most 8 call ids', () => {
    const { state } = registerMany(600, 20);
    expect(state.calls.registered).toBe(600);
    expect(state.calls.clients.size).toBe(20);
    const record = clientRecordOf(state.calls.clients, '+79121000003');
    const ids = record === undefined ? [] : recentCallIdsOf(record);
    expect(ids).toHaveLength(RECENT_CALL_IDS);
    expect(ids.at(-1)).toBe('call-583');
    // Unanswered outgoing calls (every 6th call) reach the 10 even-numbered clients: one window each.
    expect(state.smartCallback.windows.size).toBe(10);
  });

  it('replay at full speed and evolve through immer agree, and evolve leaves the old state alone', () => {
    const { state, events } = registerMany(200, 15);
    const replayed = decider.fold(events);
    expect(replayed).toEqual(state);
    const head = events.slice(0, -40);
    const before = decider.fold(head);
    const snapshot = structuredClone(before);
    const after = decider.foldOnto(before, events.slice(-40));
    expect(after).toEqual(state);
    expect(before).toEqual(snapshot);
  });

  it('a record remembers the latest contact per direction, by when the calls were made, whatever the order of the reports', () => {
    // Reported at 12:30 and 12:40; made at 12:00 and (reported late) at 10:00.
    const history = historyOf(
      withNumbers(),
      call('late', '2025-04-22T12:30:00+03:00', {
        outcome: 'answered',
        startedAt: '2025-04-22T12:00:00+03:00',
      }),
      call('early', '2025-04-22T12:40:00+03:00', {
        outcome: 'answered',
        startedAt: '2025-04-22T10:00:00+03:00',
      }),
    );
    const record = clientRecordOf(decider.fold(history).calls.clients, '+79123456789');
    expect(record?.lastIncomingMs).toBe(Date.parse('2025-04-22T12:00:00+03:00'));
    expect(record?.lastOutgoingMs).toBeNull();
  });
});

describe("a client's recent calls", () => {
  const recordWith = (...ids: string[]): ClientRecord => {
    const record = emptyClientRecord();
    for (const id of ids) rememberCallId(record, id);
    return record;
  };

  it('recognises a whole id only, never a part of another', () => {
    const record = recordWith('c-10', 'x c-1', 'c-1 y', 'call');
    for (const part of ['c-1', 'c-', '10', 'x', 'y', 'cal', 'call ']) {
      expect(isRecentCall(record, part)).toBe(false);
    }
    for (const whole of ['c-10', 'x c-1', 'c-1 y', 'call']) expect(isRecentCall(record, whole)).toBe(true);
    expect(isRecentCall(recordWith(), 'c-1')).toBe(false);
  });

  it('keeps the latest eight, oldest first, and forgets the ones before', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `call-${i}`);
    const record = recordWith(...ids);
    expect(recentCallIdsOf(record)).toEqual(ids.slice(3));
    expect(isRecentCall(record, 'call-2')).toBe(false);
    expect(isRecentCall(record, 'call-3')).toBe(true);
    expect(recentCallIdsOf(recordWith('only'))).toEqual(['only']);
    expect(recentCallIdsOf(recordWith())).toEqual([]);
  });

  it('keeps whole blocks of eight: the last one, and the ids since', () => {
    for (let n = 0; n <= 40; n++) {
      const ids = Array.from({ length: n }, (_, i) => `c-${i}`);
      const record = recordWith(...ids);
      const since = n % RECENT_CALL_IDS;
      const whole = n - since;
      expect(record.recentCount).toBe(since);
      expect(record.recentCalls).toBe(ids.slice(whole).join('\n'));
      expect(record.earlierCalls).toBe(ids.slice(Math.max(0, whole - RECENT_CALL_IDS), whole).join('\n'));
      expect(recentCallIdsOf(record)).toEqual(ids.slice(Math.max(0, n - RECENT_CALL_IDS)));
      for (const [i, id] of ids.entries()) expect(isRecentCall(record, id)).toBe(i >= n - RECENT_CALL_IDS);
    }
  });

  it('never takes an id of the earlier block that newer ones displaced for a recent one, even inside a later id', () => {
    const record = recordWith('a', ...Array.from({ length: 8 }, (_, i) => `a${i}`));
    expect(record.earlierCalls.startsWith('a\n')).toBe(true);
    expect(isRecentCall(record, 'a')).toBe(false);
    expect(isRecentCall(record, 'a0')).toBe(true);
    expect(isRecentCall(record, 'a7')).toBe(true);
  });
});
