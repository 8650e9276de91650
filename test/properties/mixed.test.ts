/**
 * Every command type, interleaved, with recordings and calls the most frequent: every
 * invariant of the other property files at once, on accounts that record and call.
 */
import { describe, it } from 'vitest';
import { accountCommandTypes } from '../../src/account/commands.js';
import { FULL_ACCOUNT } from './support/preludes.js';
import { checkSequences, expectReached } from './support/property.js';
import { timeoutFor } from './support/runs.js';
import type { Profile } from './support/steps.js';

const profile: Profile = {
  ...Object.fromEntries(accountCommandTypes.map((type) => [type, 1])),
  StoreRecording: 6,
  RegisterCall: 6,
  RouteIncomingCall: 4,
};

describe('every command over random histories', () => {
  it(
    'keeps every invariant after every event, for 2 300 sequences',
    () => {
      const stats = checkSequences(profile, 2300, { prelude: FULL_ACCOUNT });
      expectReached(stats, profile, ['RecordingsEvicted:space-needed', 'NotificationSent:sms']);
    },
    timeoutFor(),
  );
});
