/**
 * Storage invariants over random histories heavy in recordings, packs, legal holds and tariff
 * changes: packs 0–9, used ≤ quota, every recording held or named by exactly one eviction or
 * deletion, pinned recordings never evicted, oldest evicted first, refusals leave nothing,
 * replay equals the step-by-step state (see support/).
 */
import { describe, it } from 'vitest';
import { RECORDING_ACCOUNT } from './support/preludes.js';
import { checkSequences, expectReached } from './support/property.js';
import { timeoutFor } from './support/runs.js';
import type { Profile } from './support/steps.js';

const profile: Profile = {
  StoreRecording: 14,
  DeleteRecording: 2,
  PinRecording: 3,
  UnpinRecording: 2,
  AddStoragePack: 2,
  RemoveStoragePack: 3,
  SetAutoAddPacks: 2,
  ChangeTariff: 2,
  RenewSubscription: 1,
  SetAutoRenewal: 1,
  EnableRecording: 1,
  DisableRecording: 1,
  EnableNumberOption: 1,
  DisableNumberOption: 1,
  RemoveNumber: 1,
};

/** Most accounts record: an МКН, recording on, a number with its own recording option. */
const setup: Profile = {
  AddMultichannelNumber: 3,
  EnableRecording: 4,
  AddNumber: 2,
  EnableNumberOption: 2,
  SetAutoAddPacks: 2,
  AddStoragePack: 1,
};

describe('storage over random histories', () => {
  it(
    'keeps every storage invariant after every event, for 3 000 sequences',
    () => {
      const stats = checkSequences(profile, 3000, { setup, prelude: RECORDING_ACCOUNT });
      expectReached(stats, profile, [
        'RecordingsEvicted:space-needed',
        'RecordingsEvicted:quota-reduced',
        'StoragePackAdded:auto',
        'StoragePackAdded:manual',
        'StoragePackRemoved',
        'RecordingPinned',
        'RecordingUnpinned',
        'RecordingDeleted',
        'StorageAlmostFull',
      ]);
    },
    timeoutFor(),
  );
});
