/**
 * Numbers and their options over random histories: short numbers unique and 4 digits, freed
 * with the option or the number, `added` numbers never with caller ID or recording, caller ID
 * always an МКН of the account, refusals leave nothing, replay equals the step-by-step state.
 */
import { describe, it } from 'vitest';
import { NUMBERS_ACCOUNT } from './support/preludes.js';
import { checkSequences, expectReached } from './support/property.js';
import { timeoutFor } from './support/runs.js';
import type { Profile } from './support/steps.js';

const profile: Profile = {
  AddMultichannelNumber: 2,
  SetMainMultichannelNumber: 2,
  RemoveMultichannelNumber: 1,
  AddNumber: 3,
  RemoveNumber: 2,
  EnableNumberOption: 6,
  DisableNumberOption: 3,
  SetCallerIdNumber: 2,
  AssignShortNumber: 5,
  UploadMelody: 1,
  SetNumberMelody: 2,
  RegisterCall: 2,
  RouteIncomingCall: 1,
  StoreRecording: 2,
};

describe('numbers and options over random histories', () => {
  it(
    'keeps short numbers unique and added numbers plain after every event, for 1 500 sequences',
    () => {
      const stats = checkSequences(profile, 1500, { prelude: NUMBERS_ACCOUNT });
      expectReached(stats, profile, [
        'ShortNumberAssigned',
        'NumberOptionDisabled',
        'NumberRemoved',
        'CallerIdNumberSet',
        'NumberMelodySet',
        'MultichannelNumberRemoved',
      ]);
    },
    timeoutFor(),
  );
});
