/**
 * A decision folded over only the events relevant to it sees what it would see on the whole
 * state: the tables of what decisions read and evolutions write are checked against what they
 * really touch (a state watched by proxies) on random histories of every command type, and the
 * decisions taken on scoped folds are compared with those taken on the whole state.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type AccountCommand, accountCommandTypes } from '../../src/account/commands.js';
import { accountEvolutions, createAccountDecider } from '../../src/account/decider.js';
import {
  decisionReads,
  eventsRelevantTo,
  evolutionScopes,
  type SliceName,
} from '../../src/account/decision-scopes.js';
import type { AccountEvent, AccountEventType } from '../../src/account/events.js';
import type { AccountState } from '../../src/account/state.js';
import { decodeCommand } from '../../src/index.js';
import { historyFamilies } from '../properties/support/families.js';
import { openingInstant } from '../properties/support/property.js';
import { rawCommand, stampOf } from '../properties/support/runner.js';
import type { Step } from '../properties/support/steps.js';

type Recipe = (draft: unknown, event: AccountEvent) => void;
const recipes = accountEvolutions as unknown as Record<AccountEventType, Recipe>;

const decider = createAccountDecider();
// Histories of every command, and two families that reach deeper.
const histories = historyFamilies.flatMap((family, i) =>
  fc.sample(fc.tuple(openingInstant, family), { numRuns: 250, seed: 20261130 + i }),
);

/** The accepted commands of a history, each with the events it decided. */
const decidedOf = (startMs: number, steps: readonly Step[]) => {
  const out: { command: AccountCommand; events: readonly AccountEvent[] }[] = [];
  let state = decider.initialState;
  let atMs = startMs;
  steps.forEach((step, index) => {
    atMs += step.gapMs;
    const decoded = decodeCommand(rawCommand(step, index, stampOf(step, atMs)));
    if (isLeft(decoded)) return;
    const decision = decider.decide(decoded.right, state);
    const events = isLeft(decision) ? [] : decision.right;
    out.push({ command: decoded.right, events });
    state = decider.foldOnto(state, events);
  });
  return out;
};
const runs = histories.map(([startMs, steps]) => decidedOf(startMs, steps));

/** Which slices were read and written, through a proxy on the state and everything under it. */
class Watch {
  readonly read = new Map<string, Set<SliceName>>();
  readonly written = new Map<string, Set<SliceName>>();
  private note(into: Map<string, Set<SliceName>>, who: string, slice: SliceName) {
    const seen = into.get(who) ?? new Set<SliceName>();
    seen.add(slice);
    into.set(who, seen);
  }
  private deep<T extends object>(value: T, who: string, slice: SliceName): T {
    return new Proxy(value, {
      get: (target, key, receiver) => {
        const inner = Reflect.get(target, key, receiver);
        return typeof inner === 'object' && inner !== null ? this.deep(inner, who, slice) : inner;
      },
      set: (target, key, inner, receiver) => {
        this.note(this.written, who, slice);
        return Reflect.set(target, key, inner, receiver);
      },
      deleteProperty: (target, key) => {
        this.note(this.written, who, slice);
        return Reflect.deleteProperty(target, key);
      },
    });
  }
  state<T extends object>(state: T, who: string): T {
    return new Proxy(state, {
      get: (target, key, receiver) => {
        const inner = Reflect.get(target, key, receiver);
        if (typeof key !== 'string' || typeof inner !== 'object' || inner === null) return inner;
        this.note(this.read, who, key as SliceName);
        return this.deep(inner, who, key as SliceName);
      },
    });
  }
  readOf = (who: string) => [...(this.read.get(who) ?? [])].sort();
  writtenOf = (who: string) => [...(this.written.get(who) ?? [])].sort();
}

describe('what decisions read and evolutions write', () => {
  const watch = new Watch();
  const seenCommands = new Set<string>();
  const seenEvents = new Set<string>();
  for (const run of runs) {
    let state = decider.initialState;
    const draft = decider.fold([]) as object;
    for (const { command, events } of run) {
      decider.decide(command, watch.state(state, command.type));
      seenCommands.add(command.type);
      for (const event of events) {
        recipes[event.type](watch.state(draft, event.type), event);
        seenEvents.add(event.type);
      }
      state = decider.foldOnto(state, events);
    }
  }

  it('every command and event type was exercised', () => {
    expect(accountCommandTypes.filter((type) => !seenCommands.has(type))).toEqual([]);
    expect(Object.keys(evolutionScopes).filter((type) => !seenEvents.has(type))).toEqual([]);
  });

  it.each(accountCommandTypes)('%s: its decision reads only the slices listed, and writes none', (type) => {
    const allowed = new Set<SliceName>(['tariff', 'timeline', ...decisionReads[type]]);
    expect(watch.readOf(type).filter((slice) => !allowed.has(slice))).toEqual([]);
    expect(watch.writtenOf(type)).toEqual([]);
  });

  it.each(Object.keys(evolutionScopes) as AccountEventType[])(
    '%s: its evolution writes only the slices listed and reads only those or the ones listed',
    (type) => {
      const scope = evolutionScopes[type];
      const writes = new Set<SliceName>(scope.writes);
      const reads = new Set<SliceName>([...scope.writes, ...scope.reads]);
      expect(watch.writtenOf(type).filter((slice) => !writes.has(slice))).toEqual([]);
      expect(watch.readOf(type).filter((slice) => !reads.has(slice))).toEqual([]);
    },
  );
});

describe('the events relevant to a decision', () => {
  it('storing a recording does not need the calls, notices or callback windows', () => {
    const relevant = eventsRelevantTo('StoreRecording');
    for (const type of ['CallRegistered', 'NotificationSent', 'IncomingCallRouted'] as const)
      expect(relevant.has(type)).toBe(false);
    for (const type of ['RecordingStored', 'RecordingsEvicted', 'NumberAdded', 'TariffChanged'] as const)
      expect(relevant.has(type)).toBe(true);
  });

  it('follows what an evolution reads: a deletion re-arms the alert from the tariff', () => {
    // Deciding on the tariff alone needs every event that writes it, and nothing of storage.
    const relevant = eventsRelevantTo('SetAutoRenewal');
    expect(relevant.has('TariffChanged')).toBe(true);
    expect(relevant.has('RecordingStored')).toBe(false);
    // A registered call needs the notices it spends SMS on, and so the SMS packages.
    const call = eventsRelevantTo('RegisterCall');
    expect(call.has('NotificationSent')).toBe(true);
    expect(call.has('SmsPackagePurchased')).toBe(true);
    expect(call.has('RecordingStored')).toBe(false);
  });
});

describe('a decision on a scoped fold', () => {
  it('decides what it decides on the whole state, at every step of every history', () => {
    let compared = 0;
    for (const run of runs) {
      const log: AccountEvent[] = [];
      let state: AccountState = decider.initialState;
      for (const { command, events } of run) {
        const scoped = decider.scopedTo?.(command);
        expect(scoped).toBeDefined();
        const narrow = scoped!.fold(log);
        expect(narrow.timeline).toEqual(state.timeline);
        expect(decider.decide(command, narrow)).toEqual(decider.decide(command, state));
        compared++;
        // The scoped state moves on like the whole one (as after a conflict).
        const onward = scoped!.foldOnto(narrow, events);
        expect(decider.decide(command, onward)).toEqual(
          decider.decide(command, decider.foldOnto(state, events)),
        );
        log.push(...events);
        state = decider.foldOnto(state, events);
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});
