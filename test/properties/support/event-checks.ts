/**
 * Checks of one event against the state just before it (the decision's events are applied one by
 * one, and each must make sense where it stands), and its effect on the shadow model.
 */
import type { AccountCommand } from '../../../src/account/commands.js';
import type { AccountEvent } from '../../../src/account/events.js';
import type { AccountState } from '../../../src/account/state.js';
import { isRecentCall } from '../../../src/calls/client-record.js';
import type { Catalogue } from '../../../src/catalogue/catalogue.js';
import { getEntry } from '../../../src/kernel/collections/chunked-map.js';
import { countSmsSegments } from '../../../src/sms/segments.js';
import { subscriptionLapsed } from '../../../src/tariff/guards.js';
import { evictionOrder, type HeldInModel, type Model } from './model.js';

/** A broken invariant: the message names the rule and the values. */
export const fail = (message: string): never => {
  throw new Error(message);
};

/** Quota computed here, independently of the domain's own helper: base storage + packs. */
export const quotaOf = (state: AccountState): number => {
  let quota = state.tariff.terms?.baseStorageBytes ?? 0;
  for (const pack of state.storage.packs) quota += pack.sizeBytes;
  return quota;
};

/** What an event check needs besides the state and the event. */
export interface EventContext {
  readonly command: AccountCommand;
  readonly atMs: number;
  readonly model: Model;
  /** Every event of this decision, and the index of the one checked. */
  readonly events: readonly AccountEvent[];
  readonly index: number;
  readonly catalogue: Catalogue;
}

type Evicted = Extract<AccountEvent, { type: 'RecordingsEvicted' }>;

/** Bytes an eviction had to free, as the rules of its command say. */
const bytesToFree = (state: AccountState, event: Evicted, context: EventContext): number => {
  const { command } = context;
  const used = state.storage.usedBytes;
  if (event.data.reason === 'space-needed') {
    if (command.type !== 'StoreRecording') return fail(`space-needed eviction from ${command.type}`);
    return used + command.data.sizeBytes - quotaOf(state);
  }
  if (command.type === 'RemoveStoragePack') {
    const last = state.storage.packs[state.storage.packs.length - 1];
    return used - (quotaOf(state) - (last?.sizeBytes ?? 0));
  }
  if (command.type === 'ChangeTariff') {
    const tariff = context.catalogue.tariffs[command.data.tariffId];
    const base = state.tariff.terms?.baseStorageBytes ?? 0;
    return used - (quotaOf(state) - base + (tariff?.baseStorageBytes ?? 0));
  }
  return fail(`quota-reduced eviction from ${command.type}`);
};

const checkEviction = (state: AccountState, event: Evicted, context: EventContext): void => {
  const { model, command } = context;
  const { data } = event;
  const seen = new Set<string>();
  let sum = 0;
  const evicted: HeldInModel[] = [];
  for (const { recordingId, sizeBytes } of data.recordings) {
    if (seen.has(recordingId)) fail(`eviction names ${recordingId} twice`);
    seen.add(recordingId);
    const held = model.held.get(recordingId);
    if (held === undefined) fail(`eviction names ${recordingId}, which is not held`);
    else {
      if (held.pinned) fail(`pinned recording ${recordingId} evicted`);
      if (held.sizeBytes !== sizeBytes) fail(`eviction of ${recordingId}: ${sizeBytes} ≠ ${held.sizeBytes}`);
      evicted.push(held);
    }
    sum += sizeBytes;
  }
  if (data.recordings.length === 0) fail('an eviction that names no recording');
  if (sum !== data.bytesFreed) fail(`eviction bytesFreed ${data.bytesFreed} ≠ Σ sizes ${sum}`);
  const expectedFor = command.type === 'StoreRecording' ? command.data.recordingId : null;
  if (data.forRecordingId !== expectedFor) fail(`eviction forRecordingId ${data.forRecordingId}`);
  // Oldest first: every recording evicted comes before every unpinned one that stays.
  const newest = evicted.reduce<HeldInModel | undefined>(
    (a, b) => (a === undefined || evictionOrder(a, b) < 0 ? b : a),
    undefined,
  );
  for (const [id, held] of model.held) {
    if (held.pinned || seen.has(id) || newest === undefined) continue;
    if (evictionOrder(held, newest) < 0) fail(`evicted a newer recording while ${id} is older and stays`);
  }
  // As much as needed and no more: without the last one named, it would not have been enough.
  const need = bytesToFree(state, event, context);
  const last = data.recordings[data.recordings.length - 1];
  if (data.bytesFreed < need) fail(`eviction frees ${data.bytesFreed} of the ${need} bytes needed`);
  if (last !== undefined && data.bytesFreed - last.sizeBytes >= need) fail('eviction frees more than needed');
  if (data.reason === 'space-needed') {
    const canAdd =
      state.storage.autoAddPacks &&
      state.storage.packs.length < context.catalogue.storagePack.maxPacks &&
      subscriptionLapsed(state, { atMs: context.atMs, metadata: command.metadata }) === undefined;
    if (canAdd) fail('evicted to make room while a pack could still be added automatically');
  }
};

const nextSmsNotice = (context: EventContext) => {
  for (let i = context.index + 1; i < context.events.length; i++) {
    const event = context.events[i];
    if (event?.type === 'NotificationSent' && event.data.channel === 'sms') return event;
  }
  return undefined;
};

/** Checks `event` against the state before it; throws on a broken rule. */
export const checkEvent = (state: AccountState, event: AccountEvent, context: EventContext): void => {
  const { model, command } = context;
  switch (event.type) {
    case 'StoragePackAdded': {
      const expected = event.data.reason === 'auto' ? 'StoreRecording' : 'AddStoragePack';
      if (command.type !== expected) fail(`${event.data.reason} pack added by ${command.type}`);
      if (event.data.packs !== state.storage.packs.length + 1)
        fail('StoragePackAdded.packs is not the count after');
      if (
        command.type === 'StoreRecording' &&
        state.storage.usedBytes + command.data.sizeBytes <= quotaOf(state)
      )
        fail('a pack was added automatically although the recording fitted');
      return;
    }
    case 'StoragePackRemoved':
      if (command.type !== 'RemoveStoragePack') fail(`pack removed by ${command.type}`);
      if (event.data.packs !== state.storage.packs.length - 1)
        fail('StoragePackRemoved.packs is not the count after');
      return;
    case 'RecordingStored':
      if (command.type !== 'StoreRecording' || command.data.recordingId !== event.data.recordingId)
        fail(`RecordingStored from ${command.type}`);
      if (model.held.has(event.data.recordingId)) fail(`${event.data.recordingId} stored while still held`);
      return;
    case 'RecordingsEvicted':
      checkEviction(state, event, context);
      return;
    case 'RecordingDeleted': {
      const held = model.held.get(event.data.recordingId);
      if (held === undefined) fail(`deleted ${event.data.recordingId}, which is not held`);
      else if (held.pinned) fail(`pinned ${event.data.recordingId} deleted`);
      else if (held.sizeBytes !== event.data.sizeBytes) fail('RecordingDeleted.sizeBytes differs');
      return;
    }
    case 'RecordingPinned':
    case 'RecordingUnpinned': {
      const held = model.held.get(event.data.recordingId);
      if (held === undefined) fail(`${event.type} of ${event.data.recordingId}, which is not held`);
      else if (held.pinned === (event.type === 'RecordingPinned')) fail(`${event.type} changes nothing`);
      return;
    }
    case 'SmsPackagePurchased': {
      const { data } = event;
      if (data.balanceAfter !== state.sms.balance + data.size) fail('balanceAfter ≠ balance + size');
      const expected = data.reason === 'purchase' ? 'PurchaseSmsPackage' : 'RegisterCall';
      if (command.type !== expected) fail(`${data.reason} by ${command.type}`);
      if (data.reason === 'auto-renewal') {
        const renewing = state.sms.renewingPackage;
        if (renewing === null || renewing.size !== data.size) fail('renewed a package that was not selected');
        const notice = nextSmsNotice(context);
        if (notice === undefined || state.sms.balance >= notice.data.smsSpent)
          fail('an automatic renewal that no SMS notice needed');
      }
      if (data.price === 0) {
        const period = Date.parse(data.periodStart);
        if (model.freePackages.has(period)) fail('the free package had twice in one period');
        model.freePackages.add(period);
      }
      return;
    }
    case 'NotificationSent': {
      const { data } = event;
      const settings = state.notifications.scenarios[data.scenario];
      if (!settings[data.channel]) fail(`notice sent on ${data.channel}, which is off for ${data.scenario}`);
      if (data.text !== settings.text) fail('notice text is not the configured one');
      if (data.channel === 'telegram') {
        if (data.smsSpent !== 0) fail('a Telegram notice spent SMS');
        return;
      }
      const counted = countSmsSegments(data.text).segments;
      if (data.segments !== counted || data.smsSpent !== counted || counted < 1)
        fail(`SMS notice spends ${data.smsSpent}, segments ${data.segments}, text takes ${counted}`);
      if (state.sms.balance < data.smsSpent)
        fail(`SMS notice not covered: balance ${state.sms.balance} < ${data.smsSpent}`);
      model.smsNotices++;
      model.smsSpent += data.smsSpent;
      return;
    }
    case 'NotificationSkipped':
      if (event.data.reason === 'sms-balance-exhausted' && state.sms.balance >= event.data.smsNeeded)
        fail('skipped for lack of SMS although the balance covered it');
      return;
    case 'CallRegistered': {
      const record = getEntry(state.calls.clients, event.data.client);
      if (record !== undefined && isRecentCall(record, event.data.callId))
        fail(`call ${event.data.callId} registered twice`);
      return;
    }
    case 'SmartCallbackWindowOpened': {
      const option = state.smartCallback;
      const user = Object.hasOwn(state.numbers.users, event.data.operator)
        ? state.numbers.users[event.data.operator]
        : undefined;
      if (!option.enabled || user?.callerId == null) fail('a window opened without the option or caller ID');
      const openedMs = event.data.openedAt === null ? context.atMs : Date.parse(event.data.openedAt);
      if (openedMs > context.atMs) fail('a window opened after its report');
      if (Date.parse(event.data.expiresAt) - openedMs !== option.windowMinutes * 60_000)
        fail('a window that does not last the set minutes');
      if (Date.parse(event.data.expiresAt) <= context.atMs) fail('a window opened already expired');
      const mkn = event.data.multichannelNumber;
      if (mkn !== null && !state.numbers.multichannel.includes(mkn)) fail(`a window opened through ${mkn}`);
      return;
    }
    case 'SmartCallbackWindowClosed': {
      const window = getEntry(state.smartCallback.windows, event.data.client);
      if (
        window === undefined ||
        window.callId !== event.data.callId ||
        window.operator !== event.data.operator
      )
        fail('closed a window that is not open');
      if (event.data.reason === 'answered-call') {
        if (
          command.type !== 'RegisterCall' ||
          command.data.outcome !== 'answered' ||
          command.data.operator !== event.data.operator ||
          command.data.client !== event.data.client
        )
          fail('a window closed by a call that is not an answered one between its operator and client');
      } else if (
        command.type !== 'RemoveMultichannelNumber' ||
        window?.multichannelNumber !== command.data.number
      )
        fail('a window closed by removing an МКН it was not opened through');
      return;
    }
    case 'MultichannelNumberRemoved': {
      const { number, fallback, callerIdNumbers, multichannelNumbers } = event.data;
      const { multichannel, mainMultichannel, users } = state.numbers;
      if (!multichannel.includes(number) || number === mainMultichannel || multichannel.length < 2)
        fail(`removed ${number}: not a removable МКН`);
      if (fallback !== mainMultichannel) fail('caller ID falls back to another МКН than the main one');
      if (multichannelNumbers !== multichannel.length - 1)
        fail('MultichannelNumberRemoved.multichannelNumbers');
      const showing = Object.values(users)
        .filter((user) => user.callerId?.multichannelNumber === number)
        .map((user) => user.number)
        .sort();
      if (showing.join() !== [...callerIdNumbers].sort().join())
        fail('callerIdNumbers are not those showing it');
      return;
    }
    case 'IncomingCallRouted': {
      const { operator, reason } = event.data;
      if ((operator !== null) !== (reason === 'smart-callback')) fail(`routed to ${operator} for ${reason}`);
      if (operator === null) return;
      const window = getEntry(state.smartCallback.windows, event.data.client);
      const user = Object.hasOwn(state.numbers.users, operator) ? state.numbers.users[operator] : undefined;
      if (!state.smartCallback.enabled || window === undefined || window.operator !== operator)
        fail('routed without an open window for that operator');
      else if (window.expiresAtMs <= context.atMs) fail('routed through an expired window');
      if (user?.callerId == null) fail('routed to an operator without caller ID');
      return;
    }
    default:
      return;
  }
};

const ninety = (used: number, quota: number): boolean => quota > 0 && used * 10 >= quota * 9;

/**
 * The 90 % alert, per decision: a decision that stores, removes a pack or changes the tariff
 * raises it exactly when usage ends at or above 90 % of the quota and the alert was not already
 * standing (raised, with usage at or above 90 % ever since).
 */
export const checkAlert = (
  before: AccountState,
  after: AccountState,
  command: AccountCommand,
  events: readonly AccountEvent[],
): void => {
  const raised = events.filter((e) => e.type === 'StorageAlmostFull');
  if (raised.length > 1) fail('the 90 % alert raised twice in one decision');
  const alert = raised[0];
  if (alert !== undefined && events[events.length - 1] !== alert)
    fail('the 90 % alert is not the last event');
  if (!['StoreRecording', 'RemoveStoragePack', 'ChangeTariff'].includes(command.type)) {
    if (alert !== undefined) fail(`the 90 % alert raised by ${command.type}`);
    return;
  }
  const used = after.storage.usedBytes;
  const quota = quotaOf(after);
  const standing = before.storage.almostFull && ninety(before.storage.usedBytes, quotaOf(before));
  const due = ninety(used, quota) && !standing;
  if (due !== (alert !== undefined))
    fail(`90 % alert ${alert ? 'raised' : 'missing'} at ${used} of ${quota}`);
  if (alert !== undefined && (alert.data.usedBytes !== used || alert.data.quotaBytes !== quota))
    fail('the 90 % alert names other figures than the state');
};

/** Applies `event` to the shadow model (after {@link checkEvent} accepted it). */
export const applyToModel = (model: Model, event: AccountEvent): void => {
  switch (event.type) {
    case 'RecordingStored':
      model.held.set(event.data.recordingId, {
        sizeBytes: event.data.sizeBytes,
        recordedAtMs: Date.parse(event.data.recordedAt),
        seq: model.nextSeq++,
        pinned: false,
      });
      model.stored++;
      return;
    case 'RecordingsEvicted':
      for (const r of event.data.recordings) model.held.delete(r.recordingId);
      model.evicted += event.data.recordings.length;
      return;
    case 'RecordingDeleted':
      model.held.delete(event.data.recordingId);
      model.deleted++;
      return;
    case 'RecordingPinned':
    case 'RecordingUnpinned': {
      const held = model.held.get(event.data.recordingId);
      if (held !== undefined) held.pinned = event.type === 'RecordingPinned';
      return;
    }
    case 'CallRegistered':
      model.registered++;
      return;
    default:
      return;
  }
};
