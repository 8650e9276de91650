/**
 * Valid messages to spoil: raw commands of every type (from the property generators) and events
 * of every type (collected by running seeded property sequences), as plain JSON data.
 */
import fc from 'fast-check';
import { type AccountCommandType, accountCommandTypes } from '../../../src/account/commands.js';
import type { AccountEvent } from '../../../src/account/events.js';
import { toStoredEvent } from '../../../src/kernel/stored-event.js';
import {
  CALLING_ACCOUNT,
  FULL_ACCOUNT,
  NUMBERS_ACCOUNT,
  RECORDING_ACCOUNT,
} from '../../properties/support/preludes.js';
import { rawCommand, runSteps } from '../../properties/support/runner.js';
import { callbackChunk, payloads, type Step, sequenceOf } from '../../properties/support/steps.js';

/** A valid raw command of any type, numbers in any spelling. */
export const validRawCommand: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc
      .constantFrom(...accountCommandTypes)
      .chain((type: AccountCommandType) => payloads[type].map((data) => ({ type, data }))),
    fc.constantFrom('Z', '+03:00', '-05:00'),
    fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') }),
  )
  .map(([{ type, data }, offset, atMs]) => {
    const step: Step = {
      type,
      data,
      gapMs: 0,
      offset,
      account: 'own',
      recordedOffsetMs: -60_000,
      corruption: null,
    };
    return rawCommand(step, 1, atMs);
  });

const collectEvents = (): AccountEvent[] => {
  const all = Object.fromEntries(accountCommandTypes.map((type) => [type, 1]));
  const profiles = [
    { profile: all, opening: { prelude: FULL_ACCOUNT } },
    { profile: all, opening: { prelude: CALLING_ACCOUNT, chunks: callbackChunk } },
    { profile: all, opening: { prelude: NUMBERS_ACCOUNT } },
    {
      profile: {
        StoreRecording: 10,
        PinRecording: 3,
        UnpinRecording: 3,
        DeleteRecording: 3,
        SetAutoAddPacks: 1,
        RemoveStoragePack: 2,
      },
      opening: { prelude: RECORDING_ACCOUNT },
    },
    {
      profile: { AddMultichannelNumber: 3, SetCallerIdNumber: 4, EnableNumberOption: 4 },
      opening: { prelude: NUMBERS_ACCOUNT },
    },
    {
      profile: {
        AddMultichannelNumber: 3,
        SetMainMultichannelNumber: 2,
        RemoveMultichannelNumber: 3,
        EnableNumberOption: 4,
        SetNumberMelody: 4,
      },
      opening: { prelude: NUMBERS_ACCOUNT },
    },
  ];
  const events: AccountEvent[] = [];
  for (const { profile, opening } of profiles) {
    for (const steps of fc.sample(sequenceOf(profile, opening), { numRuns: 40, seed: 42 })) {
      events.push(...runSteps(steps, Date.parse('2025-01-31T06:00:00Z'), { billing: false }).log);
    }
  }
  return events;
};

/** Valid events of every type the generators reach, as JSON data. */
export const VALID_EVENTS: readonly AccountEvent[] = JSON.parse(JSON.stringify(collectEvents()));

/** A valid decided event. */
export const validEvent: fc.Arbitrary<AccountEvent> = fc.constantFrom(...VALID_EVENTS);

/** A valid stored event (position fields added). */
export const validStoredEvent: fc.Arbitrary<unknown> = fc
  .tuple(validEvent, fc.integer({ min: 1, max: 1_000_000 }))
  .map(([event, version]) =>
    JSON.parse(
      JSON.stringify(toStoredEvent(event, `e-${version}`, 'account-acc-1', version, version + 7, 1)),
    ),
  );
