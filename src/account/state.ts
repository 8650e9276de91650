/**
 * The account aggregate's state: one slice per capability. Plain JSON data throughout (no Map,
 * no class), so it can be snapshotted, cloned and compared.
 * @module
 */
import { type CallsSlice, initialCallsSlice } from '../calls/state.js';
import type { DeepReadonly } from '../kernel/decider.js';
import { initialNotificationsSlice, type NotificationsSlice } from '../notifications/state.js';
import { initialNumbersSlice, type NumbersSlice } from '../numbers/state.js';
import { initialRecordingSlice, type RecordingSlice } from '../recording/state.js';
import { initialSmartCallbackSlice, type SmartCallbackSlice } from '../smart-callback/state.js';
import { initialSmsSlice, type SmsSlice } from '../sms/state.js';
import { initialStorageSlice, type StorageSlice } from '../storage/state.js';
import { initialTariffSlice, type TariffSlice } from '../tariff/state.js';
import { initialTimelineSlice, type TimelineSlice } from './timeline.js';

/** The account state as evolution recipes see it (mutable; only ever a draft or a private copy). */
export interface AccountStateDraft {
  timeline: TimelineSlice;
  tariff: TariffSlice;
  numbers: NumbersSlice;
  recording: RecordingSlice;
  storage: StorageSlice;
  sms: SmsSlice;
  notifications: NotificationsSlice;
  smartCallback: SmartCallbackSlice;
  calls: CallsSlice;
}

/**
 * The version of the state's shape, for snapshot stores: a snapshot taken under another version
 * is folded again from events. 2: the timeline, the subscription's anchor and epoch-ms instants,
 * callback windows' МКН. 3: a suppression window per scenario. 4: a client's recent call ids as
 * one text. 5: and how many there are. 6: those ids in blocks of eight.
 */
export const ACCOUNT_STATE_SCHEMA_VERSION = 6;

/** The account state handed to callers: read-only all the way down. */
export type AccountState = DeepReadonly<AccountStateDraft>;

/** A fresh state of an account not yet opened. */
export const initialAccountState = (): AccountStateDraft => ({
  timeline: initialTimelineSlice(),
  tariff: initialTariffSlice(),
  numbers: initialNumbersSlice(),
  recording: initialRecordingSlice(),
  storage: initialStorageSlice(),
  sms: initialSmsSlice(),
  notifications: initialNotificationsSlice(),
  smartCallback: initialSmartCallbackSlice(),
  calls: initialCallsSlice(),
});
