/**
 * The same random histories through the command handler and the in-memory event store, as a
 * service runs them: raw input in, events appended. A refused command (invalid or decided
 * against) appends nothing; what the store holds is exactly what the decider decided, in order;
 * a command sent again appends nothing and returns the events it appended the first time (a
 * refused one, its refusal); the frozen events the store hands out replay to the same state as
 * private copies.
 */
import fc from 'fast-check';
import { isLeft, left } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { accountCommandTypes } from '../../src/account/commands.js';
import { createAccountDecider } from '../../src/account/decider.js';
import type { AccountEvent } from '../../src/account/events.js';
import { accountStreamId, createCommandHandler } from '../../src/account/handler.js';
import { createInMemoryEventStore } from '../../src/kernel/in-memory-event-store.js';
import { FULL_ACCOUNT } from './support/preludes.js';
import { openingInstant } from './support/property.js';
import { ACCOUNT, rawCommand, runSteps, stampOf } from './support/runner.js';
import { parametersFor, timeoutFor } from './support/runs.js';
import { type Profile, type Step, sequenceOf } from './support/steps.js';

const profile: Profile = {
  ...Object.fromEntries(accountCommandTypes.map((type) => [type, 1])),
  StoreRecording: 6,
  RegisterCall: 6,
};

/** What the runs exercised: a run that appends nothing or repeats nothing proves little. */
const reach = { appended: 0, refused: 0, repeated: 0, repeatedRefusals: 0 };
const decider = createAccountDecider();

const decided = (event: AccountEvent) => ({
  type: event.type,
  data: event.data,
  metadata: { at: event.metadata.at, commandId: event.metadata.commandId, actor: event.metadata.actor },
});

const runThroughHandler = async (startMs: number, steps: readonly Step[]): Promise<void> => {
  const store = createInMemoryEventStore<AccountEvent>();
  const handler = createCommandHandler({ eventStore: store });
  const streamId = accountStreamId(ACCOUNT);
  const raws: Record<string, unknown>[] = [];
  const appended = new Map<number, readonly AccountEvent[]>();
  const refusals = new Map<number, unknown>();
  let atMs = startMs;
  for (const [index, step] of steps.entries()) {
    atMs += step.gapMs;
    const raw = rawCommand(step, index, stampOf(step, atMs));
    raws.push(raw);
    const before = await store.readAll()();
    const result = await handler.handleUnknown(raw)();
    const after = await store.readAll()();
    if (isLeft(before) || isLeft(after)) throw new Error('the in-memory store failed');
    const added = after.right.slice(before.right.length);
    if (isLeft(result)) {
      expect(added, `step ${index} was refused (${result.left.code}) but appended`).toEqual([]);
      if (result.left._tag === 'DomainError') refusals.set(index, result.left);
      reach.refused++;
      continue;
    }
    expect(result.right.duplicate).toBe(false);
    expect(added.map((e) => e.metadata.eventId)).toEqual(result.right.events.map((e) => e.metadata.eventId));
    if (added.length > 0) appended.set(index, result.right.events as readonly AccountEvent[]);
    reach.appended += added.length;
  }
  // The store holds what the decider decides for the same steps, in order. A command naming the
  // other account goes to that account's stream here, while the one-state model decides it against
  // the own account (where it is refused once that account is opened): the own stream holds none.
  const otherIds = new Set(
    steps.flatMap((step, index) => (step.account === 'other' ? [`cmd-${index}`] : [])),
  );
  const expected = runSteps(steps, startMs, { billing: false }).log.filter(
    (event) => !otherIds.has(event.metadata.commandId),
  );
  const own = await store.readStream(streamId)();
  if (isLeft(own)) throw new Error('the in-memory store failed');
  expect(own.right.map(decided)).toEqual(expected.map(decided));
  // The store hands out frozen events: a replay of them folds without touching them, to the
  // same state as a replay of private copies.
  expect(Object.isFrozen(own.right[0]?.data)).toBe(true);
  expect(decider.fold(own.right)).toEqual(decider.fold(structuredClone(own.right)));
  // Sent again, a command that appended appends nothing and returns its first events.
  for (const [index, events] of appended) {
    if (index % 3 !== 0) continue;
    const total = (await store.readAll()()) as { right: readonly unknown[] };
    const again = await handler.handleUnknown(raws[index])();
    if (isLeft(again)) throw new Error(`step ${index} sent again was refused: ${again.left.code}`);
    expect(again.right.duplicate).toBe(true);
    reach.repeated++;
    expect(again.right.events.map(decided)).toEqual(events.map(decided));
    expect(((await store.readAll()()) as { right: readonly unknown[] }).right.length).toBe(
      total.right.length,
    );
  }
  // Sent again, a refused command is refused alike, though the state has moved on since.
  for (const [index, refusal] of refusals) {
    if (index % 2 !== 0) continue;
    const again = await handler.handleUnknown(raws[index])();
    expect(again).toEqual(left(refusal));
    reach.repeatedRefusals++;
  }
};

describe('random histories through the command handler and the event store', () => {
  it(
    'appends exactly what is decided, nothing for a refusal or a repeat, and answers a repeat as the first time, for 200 sequences',
    async () => {
      await fc.assert(
        fc.asyncProperty(openingInstant, sequenceOf(profile, { prelude: FULL_ACCOUNT }), runThroughHandler),
        parametersFor(200),
      );
      expect(reach.appended).toBeGreaterThan(0);
      expect(reach.refused).toBeGreaterThan(0);
      expect(reach.repeated).toBeGreaterThan(0);
      expect(reach.repeatedRefusals).toBeGreaterThan(0);
    },
    timeoutFor(),
  );
});
