/**
 * A command that was accepted did what it says: the state after it shows the effect (a setter's
 * value, a number added, an option on for every number not skipped…), and the notices, windows
 * and routings the rules make due are there. The event checks make sure nothing wrong happens;
 * these make sure that what must happen does.
 */
import type { AccountCommand } from '../../../src/account/commands.js';
import type { AccountEvent } from '../../../src/account/events.js';
import type { AccountState } from '../../../src/account/state.js';
import { getEntry } from '../../../src/kernel/collections/chunked-map.js';
import { fail } from './event-checks.js';

const userOf = (state: AccountState, number: string) =>
  Object.hasOwn(state.numbers.users, number) ? state.numbers.users[number] : undefined;

/** Lapsed at `atMs`, from the state's own fields. */
const isLapsed = (state: AccountState, atMs: number): boolean => {
  const subscription = state.tariff.subscription;
  return (
    subscription !== null &&
    (subscription.status === 'lapsed' ||
      (!subscription.autoRenewal && atMs >= Date.parse(subscription.paidUntil)))
  );
};

const expectThat = (ok: boolean, what: string): undefined => {
  if (!ok) fail(`accepted but without effect: ${what}`);
};

const skippedBy = (events: readonly AccountEvent[]): Set<string> => {
  const skipped = new Set<string>();
  for (const e of events)
    if (e.type === 'NumberOptionEnabled' || e.type === 'NumberOptionDisabled')
      for (const s of e.data.skipped) skipped.add(s.number);
  return skipped;
};

const checkSetters = (before: AccountState, after: AccountState, command: AccountCommand): undefined => {
  const { data } = command as { data: Record<string, unknown> };
  switch (command.type) {
    case 'SetAutoRenewal':
      return expectThat(after.tariff.subscription?.autoRenewal === command.data.enabled, 'auto-renewal');
    case 'SetAutoAddPacks':
      return expectThat(after.storage.autoAddPacks === command.data.enabled, 'auto-add packs');
    case 'SetVisitCardPeriod':
      return expectThat(
        after.notifications.visitCardMonths[command.data.direction] === command.data.months,
        'visit-card period',
      );
    case 'SetNotificationSuppression':
      return expectThat(
        (command.data.scenario === undefined
          ? (['incoming-missed-call', 'outgoing-unreached'] as const)
          : [command.data.scenario]
        ).every((scenario) => after.notifications.suppressionMinutes[scenario] === command.data.minutes),
        'suppression',
      );
    case 'SetQuietHours': {
      const q = after.notifications.sendingHours;
      const wanted = command.data.sendingHours;
      return expectThat(
        wanted === null ? q === null : q?.from === wanted.from && q.to === wanted.to,
        'quiet hours',
      );
    }
    case 'SetSmartCallbackWindow':
      return expectThat(after.smartCallback.windowMinutes === command.data.minutes, 'callback window');
    case 'EnableSmartCallback':
      return expectThat(
        after.smartCallback.enabled &&
          after.smartCallback.windowMinutes ===
            (command.data.windowMinutes ?? before.smartCallback.windowMinutes),
        'smart callback on',
      );
    case 'DisableSmartCallback':
      return expectThat(!after.smartCallback.enabled, 'smart callback off');
    case 'EnableRecording':
      return expectThat(
        after.recording.enabled && after.recording.notice === (command.data.notice ?? true),
        'recording on',
      );
    case 'DisableRecording':
      return expectThat(!after.recording.enabled, 'recording off');
    case 'SetRecordingNotice':
      return expectThat(after.recording.notice === command.data.enabled, 'recording notice');
    case 'ConfigureNotification': {
      const s = after.notifications.scenarios[command.data.scenario];
      return expectThat(
        s.sms === command.data.sms && s.telegram === command.data.telegram && s.text === command.data.text,
        'notification settings',
      );
    }
    case 'ChangeTariff':
      return expectThat(after.tariff.terms?.tariffId === data.tariffId, 'tariff');
    case 'OpenAccount':
      return expectThat(
        after.tariff.accountId === command.metadata.accountId &&
          after.tariff.terms?.tariffId === command.data.tariffId &&
          after.tariff.timeZone === (command.data.timeZone ?? 'Europe/Moscow') &&
          after.tariff.subscription?.autoRenewal === (command.data.autoRenewal ?? true) &&
          after.tariff.subscription.status === 'active',
        'account opened',
      );
    default:
  }
};

const checkNumbers = (
  after: AccountState,
  command: AccountCommand,
  events: readonly AccountEvent[],
): undefined => {
  switch (command.type) {
    case 'AddMultichannelNumber':
      return expectThat(after.numbers.multichannel.includes(command.data.number), 'МКН added');
    case 'SetMainMultichannelNumber':
      return expectThat(after.numbers.mainMultichannel === command.data.number, 'main МКН');
    case 'AddNumber': {
      const user = userOf(after, command.data.number);
      return expectThat(
        user?.kind === command.data.kind && user.fullName === command.data.fullName,
        'number added',
      );
    }
    case 'RemoveNumber':
      return expectThat(userOf(after, command.data.number) === undefined, 'number removed');
    case 'EnableNumberOption':
    case 'DisableNumberOption': {
      const skipped = skippedBy(events);
      const on = command.type === 'EnableNumberOption';
      for (const number of command.data.numbers) {
        if (skipped.has(number)) continue;
        const value = userOf(after, number)?.[command.data.option];
        expectThat(on ? value != null : value === null, `${command.data.option} of ${number}`);
      }
      return;
    }
    case 'SetCallerIdNumber':
      return expectThat(
        userOf(after, command.data.number)?.callerId?.multichannelNumber === command.data.multichannelNumber,
        'caller ID',
      );
    case 'AssignShortNumber':
      return expectThat(
        userOf(after, command.data.number)?.shortNumber?.code === command.data.shortNumber &&
          after.numbers.shortNumbers[command.data.shortNumber] === command.data.number,
        'short number',
      );
    case 'UploadMelody':
      return expectThat(
        after.numbers.melodies[command.data.melodyId]?.name === command.data.name,
        'melody uploaded',
      );
    case 'SetNumberMelody':
      return expectThat(
        userOf(after, command.data.number)?.melody?.melodyId === command.data.melodyId,
        'number melody',
      );
    default:
  }
};

const checkStorage = (before: AccountState, after: AccountState, command: AccountCommand): undefined => {
  switch (command.type) {
    case 'AddStoragePack':
      return expectThat(after.storage.packs.length === before.storage.packs.length + 1, 'pack added');
    case 'RemoveStoragePack':
      return expectThat(after.storage.packs.length === before.storage.packs.length - 1, 'pack removed');
    case 'StoreRecording':
      return expectThat(getEntry(after.storage.recordings, command.data.recordingId) !== undefined, 'stored');
    case 'DeleteRecording':
      return expectThat(
        getEntry(after.storage.recordings, command.data.recordingId) === undefined,
        'deleted',
      );
    case 'PinRecording':
    case 'UnpinRecording':
      return expectThat(
        getEntry(after.storage.recordings, command.data.recordingId)?.pinned ===
          (command.type === 'PinRecording'),
        'legal hold',
      );
    case 'PurchaseSmsPackage':
      return expectThat(
        after.sms.balance === before.sms.balance + command.data.size &&
          after.sms.renewingPackage?.size === command.data.size,
        'SMS package bought',
      );
    default:
  }
};

/** Notices of `scenario` in the events: one per channel that is on, sent or skipped. */
const expectNotice = (
  state: AccountState,
  events: readonly AccountEvent[],
  scenario: keyof AccountState['notifications']['scenarios'],
): undefined => {
  const settings = state.notifications.scenarios[scenario];
  for (const channel of ['sms', 'telegram'] as const) {
    if (!settings[channel]) continue;
    const found = events.some(
      (e) =>
        (e.type === 'NotificationSent' || e.type === 'NotificationSkipped') &&
        e.data.scenario === scenario &&
        e.data.channel === channel,
    );
    expectThat(found, `a ${scenario} notice on ${channel}`);
  }
};

/** The rules that make notices, windows and routings due, checked on their plainest cases. */
const checkCalls = (
  before: AccountState,
  command: AccountCommand,
  events: readonly AccountEvent[],
  atMs: number,
): undefined => {
  if (command.type === 'RouteIncomingCall') {
    const routed = events.filter((e) => e.type === 'IncomingCallRouted');
    expectThat(routed.length === 1, 'one routing');
    const window = getEntry(before.smartCallback.windows, command.data.client);
    const operator = window === undefined ? undefined : userOf(before, window.operator);
    const open =
      !isLapsed(before, atMs) &&
      before.smartCallback.enabled &&
      window !== undefined &&
      window.expiresAtMs > atMs &&
      operator?.callerId != null;
    const event = routed[0];
    if (open && event?.type === 'IncomingCallRouted')
      expectThat(event.data.operator === window?.operator, 'routed through the open window');
    return;
  }
  if (command.type !== 'RegisterCall' || events.length === 0) return;
  const { direction, line, outcome, client, operator } = command.data;
  const record = getEntry(before.calls.clients, client);
  const missed = outcome !== 'answered';
  if (direction === 'incoming' && line === 'multichannel') {
    if (missed && record?.lastMissedNoticeMs == null) expectNotice(before, events, 'incoming-missed-call');
    if (record?.lastIncomingMs == null) expectNotice(before, events, 'incoming-visit-card');
  }
  if (direction === 'outgoing') {
    if (missed && record?.lastUnreachedNoticeMs == null) expectNotice(before, events, 'outgoing-unreached');
    if (record?.lastOutgoingMs == null) expectNotice(before, events, 'outgoing-visit-card');
    const opener = operator === undefined ? undefined : userOf(before, operator);
    const times = command.data as { endedAt?: string };
    const openedMs = times.endedAt === undefined ? atMs : Date.parse(times.endedAt);
    const current = getEntry(before.smartCallback.windows, client);
    if (
      !isLapsed(before, atMs) &&
      before.smartCallback.enabled &&
      ['missed', 'busy', 'rejected'].includes(outcome) &&
      opener?.callerId != null &&
      openedMs + before.smartCallback.windowMinutes * 60_000 > atMs &&
      (current === undefined || current.openedAtMs <= openedMs)
    )
      expectThat(
        events.some((e) => e.type === 'SmartCallbackWindowOpened'),
        'a callback window',
      );
  }
  if (direction === 'incoming' && line === 'direct')
    expectThat(
      !events.some((e) => e.type === 'NotificationSent' && e.data.scenario.startsWith('incoming')),
      'no incoming notice for a direct call',
    );
};

/** Checks that an accepted `command` had its effect on `after`, given the state `before` it. */
export const checkEffect = (
  before: AccountState,
  after: AccountState,
  command: AccountCommand,
  events: readonly AccountEvent[],
): undefined => {
  checkSetters(before, after, command);
  checkNumbers(after, command, events);
  checkStorage(before, after, command);
  checkCalls(before, command, events, Date.parse(command.metadata.at));
};
