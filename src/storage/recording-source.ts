/**
 * Whether a recording may come from its source: an МКН call needs the account's recording
 * option and an МКН of the account; a user number needs its own recording option.
 * @module
 */

import type { AccountCommandOf } from '../account/commands.js';
import { type AccountDomainError, accountError } from '../account/errors.js';
import type { AccountState } from '../account/state.js';

type Source = AccountCommandOf<'StoreRecording'>['data']['source'];

/**
 * `undefined` when recording is on for `source`; else `RecordingNotEnabled`,
 * `UnknownMultichannelNumber`, `UnknownNumber` or `RecordingNotEnabledForNumber`.
 */
export const refuseSource = (state: AccountState, source: Source): AccountDomainError | undefined => {
  const { number } = source;
  if (source.kind === 'multichannel') {
    if (!state.recording.enabled) {
      return accountError('RecordingNotEnabled', 'recording of calls to multichannel numbers is off', {
        field: 'data.source',
      });
    }
    if (!state.numbers.multichannel.includes(number)) {
      return accountError(
        'UnknownMultichannelNumber',
        `${number} is not a multichannel number of the account`,
        {
          field: 'data.source.number',
          number,
        },
      );
    }
    return undefined;
  }
  const user = Object.hasOwn(state.numbers.users, number) ? state.numbers.users[number] : undefined;
  if (user === undefined) {
    return accountError('UnknownNumber', `${number} is not a number of the account`, {
      field: 'data.source.number',
      number,
    });
  }
  if (user.recording === null) {
    return accountError('RecordingNotEnabledForNumber', `call recording is off for ${number}`, {
      field: 'data.source.number',
      number,
    });
  }
  return undefined;
};
