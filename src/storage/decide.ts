/**
 * Decisions of recording storage.
 * @module
 */
import type { Decisions } from '../account/decision.js';
import type { storageCommands } from './commands.js';
import { decideDeleteRecording, decidePinRecording, decideUnpinRecording } from './held-recordings.js';
import { decideAddStoragePack, decideRemoveStoragePack, decideSetAutoAddPacks } from './packs.js';
import { decideStoreRecording } from './store-recording.js';

type Owned = keyof typeof storageCommands;

/** Decisions of this capability, by command type. */
export const storageDecisions: Decisions<Owned> = {
  AddStoragePack: decideAddStoragePack,
  RemoveStoragePack: decideRemoveStoragePack,
  SetAutoAddPacks: decideSetAutoAddPacks,
  StoreRecording: decideStoreRecording,
  DeleteRecording: decideDeleteRecording,
  PinRecording: decidePinRecording,
  UnpinRecording: decideUnpinRecording,
};
