/**
 * What each decision reads of the account state and what each evolution writes, by slice. A
 * command's decision never looks at most of the account (storing a recording does not care who
 * called), so a handler that keeps no state between commands folds only the events that change
 * what the decision reads: on a busy account that skips the calls and notices, most of its
 * history. Tests check these tables against what the decisions and evolutions really touch.
 * @module
 */
import type { AccountCommandType } from './commands.js';
import type { AccountEventType } from './events.js';
import type { AccountStateDraft } from './state.js';

/** A slice of the account state (one capability's part). */
export type SliceName = keyof AccountStateDraft;

/**
 * The slices each command's decision reads. The tariff (whether and whose the account is) and
 * the timeline (the latest instant) are read before any decision, so they are always in.
 */
export const decisionReads: { readonly [C in AccountCommandType]: readonly SliceName[] } = {
  OpenAccount: [],
  ChangeTariff: ['storage'],
  SetAutoRenewal: [],
  RenewSubscription: [],
  AddMultichannelNumber: ['numbers'],
  SetMainMultichannelNumber: ['numbers'],
  RemoveMultichannelNumber: ['numbers', 'smartCallback'],
  AddNumber: ['numbers'],
  RemoveNumber: ['numbers'],
  EnableNumberOption: ['numbers'],
  DisableNumberOption: ['numbers'],
  SetCallerIdNumber: ['numbers'],
  AssignShortNumber: ['numbers'],
  UploadMelody: ['numbers'],
  SetNumberMelody: ['numbers'],
  EnableRecording: ['recording'],
  DisableRecording: ['recording'],
  SetRecordingNotice: ['recording'],
  AddStoragePack: ['storage'],
  RemoveStoragePack: ['storage'],
  SetAutoAddPacks: ['storage'],
  StoreRecording: ['numbers', 'recording', 'storage'],
  DeleteRecording: ['storage'],
  PinRecording: ['storage'],
  UnpinRecording: ['storage'],
  PurchaseSmsPackage: ['sms'],
  ConfigureNotification: ['notifications'],
  SetVisitCardPeriod: ['notifications'],
  SetNotificationSuppression: ['notifications'],
  SetQuietHours: ['notifications'],
  EnableSmartCallback: ['smartCallback'],
  DisableSmartCallback: ['smartCallback'],
  SetSmartCallbackWindow: ['smartCallback'],
  RouteIncomingCall: ['numbers', 'smartCallback'],
  RegisterCall: ['calls', 'notifications', 'numbers', 'smartCallback', 'sms'],
};

/** What one event's evolution writes, and what else it reads to do so. */
export interface EvolutionScope {
  readonly writes: readonly SliceName[];
  readonly reads: readonly SliceName[];
}

const writing = (...writes: SliceName[]): EvolutionScope => ({ writes, reads: [] });

/**
 * The slices each event's evolution writes (and reads besides). Every event also moves the
 * timeline's latest instant; that is done for every event of a fold, relevant or not.
 */
export const evolutionScopes: { readonly [E in AccountEventType]: EvolutionScope } = {
  AccountOpened: writing('tariff'),
  TariffChanged: writing('tariff'),
  AutoRenewalSet: writing('tariff'),
  SubscriptionRenewed: writing('tariff'),
  SubscriptionLapsed: writing('tariff'),
  MultichannelNumberAdded: writing('numbers'),
  MainMultichannelNumberSet: writing('numbers'),
  NumberAdded: writing('numbers'),
  NumberRemoved: writing('numbers'),
  NumberOptionEnabled: writing('numbers'),
  NumberOptionDisabled: writing('numbers'),
  CallerIdNumberSet: writing('numbers'),
  ShortNumberAssigned: writing('numbers'),
  MelodyUploaded: writing('numbers'),
  NumberMelodySet: writing('numbers'),
  MultichannelNumberRemoved: writing('numbers'),
  RecordingEnabled: writing('recording'),
  RecordingDisabled: writing('recording'),
  RecordingNoticeSet: writing('recording'),
  // A manual pack and a deletion re-arm the 90 % alert against the tariff's base storage.
  StoragePackAdded: { writes: ['storage'], reads: ['tariff'] },
  StoragePackRemoved: writing('storage'),
  AutoAddPacksSet: writing('storage'),
  RecordingStored: writing('storage'),
  RecordingsEvicted: writing('storage'),
  RecordingDeleted: { writes: ['storage'], reads: ['tariff'] },
  RecordingPinned: writing('storage'),
  RecordingUnpinned: writing('storage'),
  StorageAlmostFull: writing('storage'),
  SmsPackagePurchased: writing('sms'),
  NotificationConfigured: writing('notifications'),
  VisitCardPeriodSet: writing('notifications'),
  NotificationSuppressionSet: writing('notifications'),
  QuietHoursSet: writing('notifications'),
  // A notice spends SMS and marks the client's suppression window.
  NotificationSent: writing('calls', 'sms'),
  NotificationSkipped: writing(),
  SmartCallbackEnabled: writing('smartCallback'),
  SmartCallbackDisabled: writing('smartCallback'),
  SmartCallbackWindowSet: writing('smartCallback'),
  SmartCallbackWindowOpened: writing('smartCallback'),
  SmartCallbackWindowClosed: writing('smartCallback'),
  IncomingCallRouted: writing('smartCallback'),
  CallRegistered: writing('calls'),
};

/**
 * The event types a fold must apply for `command`'s decision to see what it would see on the
 * whole state: those writing a slice the decision reads, and, in turn, those writing what their
 * evolutions read.
 */
export const eventsRelevantTo = (command: AccountCommandType): ReadonlySet<AccountEventType> => {
  const needed = new Set<SliceName>(['tariff', 'timeline', ...decisionReads[command]]);
  const scopes = Object.entries(evolutionScopes) as [AccountEventType, EvolutionScope][];
  for (let grew = true; grew; ) {
    grew = false;
    for (const [, scope] of scopes) {
      if (!scope.writes.some((slice) => needed.has(slice))) continue;
      for (const slice of scope.reads) {
        if (needed.has(slice)) continue;
        needed.add(slice);
        grew = true;
      }
    }
  }
  return new Set(
    scopes.filter(([, scope]) => scope.writes.some((slice) => needed.has(slice))).map(([type]) => type),
  );
};
