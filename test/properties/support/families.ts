/**
 * Histories that reach every command of the account, and two families that reach deeper: legal
 * holds lifted in full storage, and callback windows closed by calls. Tests that compare two
 * ways of folding or deciding sample them.
 */
import { accountCommandTypes } from '../../../src/account/commands.js';
import { CALLING_ACCOUNT, FULL_ACCOUNT, RECORDING_ACCOUNT } from './preludes.js';
import { callbackChunk, type Profile, sequenceOf } from './steps.js';

/** Every command type, storing recordings and registering calls more often than the rest. */
export const everyCommand: Profile = {
  ...Object.fromEntries(accountCommandTypes.map((type) => [type, 1])),
  StoreRecording: 4,
  RegisterCall: 4,
};

/** The three families: every command, storage under legal holds, calls into callback windows. */
export const historyFamilies = [
  sequenceOf(everyCommand, { prelude: FULL_ACCOUNT }),
  sequenceOf(
    { StoreRecording: 8, PinRecording: 3, UnpinRecording: 3, DeleteRecording: 1, RemoveStoragePack: 2 },
    { prelude: RECORDING_ACCOUNT },
  ),
  sequenceOf(
    { RegisterCall: 8, RouteIncomingCall: 4, SetSmartCallbackWindow: 1, RemoveMultichannelNumber: 1 },
    { prelude: CALLING_ACCOUNT, chunks: callbackChunk },
  ),
];
