/**
 * The reference a replay is measured against: the same account facts kept by a plain mutable
 * fold, written the way a competent engineer would by hand for this one application — one
 * `switch` over event types, `Map`s keyed by client, recording and number, a binary heap for the
 * eviction order. No library, no immer, no JSON-friendly layout: the fastest honest way to know
 * what the account knows. Instants are read with the library's own `eventInstantMs`, as the
 * replay reads them, so the two sides differ only in how they fold (with `Date.parse` instead,
 * parsing would be most of the reference's time).
 *
 * It keeps every fact the account's state keeps (what the decisions need), so the two can be
 * compared after a fold ({@link factsOf}).
 * @module
 */
import type { AccountEvent } from '../../src/account/events.js';
import { eventInstantMs } from '../../src/kernel/event-instant.js';

interface Terms {
  tariffId: string;
  name: string;
  monthlyFee: number;
  includedEmployees: number;
  includedMultichannelNumbers: number;
  extraEmployeeFee: number;
  baseStorageBytes: number;
}

interface UserNumber {
  kind: string;
  fullName: string;
  department: string;
  callerIdFee: number;
  /** `undefined`: caller id off; `null`: on without an МКН. */
  callerId: string | null | undefined;
  shortNumberFee: number;
  /** `undefined`: short number off; `null`: on, none assigned yet. */
  shortNumber: string | null | undefined;
  /** `-1`: recording off. */
  recordingFee: number;
  melodyFee: number;
  melody: string | null | undefined;
}

interface Held {
  size: number;
  recordedAtMs: number;
  seq: number;
  pinned: boolean;
  queued: boolean;
}

interface QueueEntry {
  id: string;
  ms: number;
  seq: number;
}

interface Client {
  lastIncomingMs: number;
  lastOutgoingMs: number;
  lastMissedNoticeMs: number;
  lastUnreachedNoticeMs: number;
  callIds: string[];
}

interface Window {
  operator: string;
  callId: string;
  openedAtMs: number;
  expiresAtMs: number;
}

interface Scenario {
  sms: boolean;
  telegram: boolean;
  text: string;
  segments: number;
  telegramFee: number;
}

/** What the hand-written fold keeps. */
export interface HandState {
  /** Instant of the latest event, as written (time moves forward in an account). */
  latestAt: string | null;
  accountId: string | null;
  openedAt: string | null;
  timeZone: string;
  terms: Terms | null;
  periodStart: string;
  paidUntil: string;
  autoRenewal: boolean;
  lapsed: boolean;
  multichannel: string[];
  mainMultichannel: string | null;
  extraMultichannelFee: number;
  users: Map<string, UserNumber>;
  shortNumbers: Map<string, string>;
  melodies: Map<string, { name: string; uploadedAt: string }>;
  recordingOn: boolean;
  recordingNotice: boolean;
  recordingFee: number;
  packs: { size: number; fee: number }[];
  autoAddPacks: boolean;
  usedBytes: number;
  pinnedBytes: number;
  almostFull: boolean;
  recordings: Map<string, Held>;
  /** Min-heap by recorded instant, then arrival; entries of recordings gone are skipped lazily. */
  queue: QueueEntry[];
  nextSeq: number;
  smsBalance: number;
  renewingSize: number;
  renewingPrice: number;
  freeRenewalPeriodStart: string | null;
  scenarios: Map<string, Scenario>;
  visitCardIncoming: number;
  visitCardOutgoing: number;
  suppressionMinutes: number;
  sendingHours: { from: string; to: string } | null;
  callbackOn: boolean;
  callbackMinutes: number;
  callbackFee: number;
  windows: Map<string, Window>;
  clients: Map<string, Client>;
  registered: number;
}

/** A fresh state. */
export const emptyHandState = (): HandState => ({
  latestAt: null,
  accountId: null,
  openedAt: null,
  timeZone: 'Europe/Moscow',
  terms: null,
  periodStart: '',
  paidUntil: '',
  autoRenewal: false,
  lapsed: false,
  multichannel: [],
  mainMultichannel: null,
  extraMultichannelFee: 0,
  users: new Map(),
  shortNumbers: new Map(),
  melodies: new Map(),
  recordingOn: false,
  recordingNotice: true,
  recordingFee: 0,
  packs: [],
  autoAddPacks: false,
  usedBytes: 0,
  pinnedBytes: 0,
  almostFull: false,
  recordings: new Map(),
  queue: [],
  nextSeq: 0,
  smsBalance: 0,
  renewingSize: 0,
  renewingPrice: 0,
  freeRenewalPeriodStart: null,
  scenarios: new Map(),
  visitCardIncoming: 1,
  visitCardOutgoing: 1,
  suppressionMinutes: 60,
  sendingHours: null,
  callbackOn: false,
  callbackMinutes: 60,
  callbackFee: 0,
  windows: new Map(),
  clients: new Map(),
  registered: 0,
});

const before = (a: QueueEntry, b: QueueEntry): boolean => a.ms < b.ms || (a.ms === b.ms && a.seq < b.seq);

const push = (heap: QueueEntry[], entry: QueueEntry): void => {
  let i = heap.length;
  heap.push(entry);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as QueueEntry;
    if (!before(entry, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = entry;
};

const pop = (heap: QueueEntry[]): void => {
  const last = heap.pop() as QueueEntry;
  const n = heap.length;
  if (n === 0) return;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const child = r < n && before(heap[r] as QueueEntry, heap[l] as QueueEntry) ? r : l;
    if (!before(heap[child] as QueueEntry, last)) break;
    heap[i] = heap[child] as QueueEntry;
    i = child;
  }
  heap[i] = last;
};

const release = (s: HandState, id: string): void => {
  const held = s.recordings.get(id);
  if (held === undefined) return;
  s.usedBytes -= held.size;
  if (held.pinned) s.pinnedBytes -= held.size;
  s.recordings.delete(id);
};

/** Drops entries of recordings gone (or pinned) from the head, so the head is evictable. */
const dropDeadHead = (s: HandState): void => {
  const heap = s.queue;
  while (heap.length > 0) {
    const head = heap[0] as QueueEntry;
    const held = s.recordings.get(head.id);
    if (held !== undefined && held.seq === head.seq) {
      if (!held.pinned) return;
      held.queued = false;
    }
    pop(heap);
  }
};

const rearm = (s: HandState): void => {
  let quota = s.terms?.baseStorageBytes ?? 0;
  for (const pack of s.packs) quota += pack.size;
  if (!(quota > 0 && s.usedBytes * 10 >= quota * 9)) s.almostFull = false;
};

const clientOf = (s: HandState, number: string): Client => {
  let client = s.clients.get(number);
  if (client === undefined) {
    client = {
      lastIncomingMs: -1,
      lastOutgoingMs: -1,
      lastMissedNoticeMs: -1,
      lastUnreachedNoticeMs: -1,
      callIds: [],
    };
    s.clients.set(number, client);
  }
  return client;
};

const newUser = (kind: string, fullName: string, department: string): UserNumber => ({
  kind,
  fullName,
  department,
  callerIdFee: 0,
  callerId: undefined,
  shortNumberFee: 0,
  shortNumber: undefined,
  recordingFee: -1,
  melodyFee: 0,
  melody: undefined,
});

/** Applies one event, with instants read by `parse` (epoch ms of an ISO instant). */
export const handApplyWith =
  (parse: (iso: string) => number) =>
  (s: HandState, event: AccountEvent): void => {
    switch (event.type) {
      case 'AccountOpened': {
        const d = event.data;
        s.accountId = d.accountId;
        s.openedAt = d.openedAt;
        s.timeZone = d.timeZone;
        s.terms = { ...d.tariff };
        s.periodStart = d.periodStart;
        s.paidUntil = d.paidUntil;
        s.autoRenewal = d.autoRenewal;
        s.lapsed = false;
        break;
      }
      case 'TariffChanged':
        s.terms = { ...event.data.tariff };
        break;
      case 'AutoRenewalSet':
        s.autoRenewal = event.data.enabled;
        break;
      case 'SubscriptionRenewed':
        s.periodStart = event.data.periodStart;
        s.paidUntil = event.data.paidUntil;
        s.lapsed = false;
        break;
      case 'SubscriptionLapsed':
        s.lapsed = true;
        break;
      case 'MultichannelNumberAdded':
        s.multichannel.push(event.data.number);
        if (event.data.main) s.mainMultichannel = event.data.number;
        s.extraMultichannelFee = event.data.extraMonthlyFee;
        break;
      case 'MultichannelNumberRemoved': {
        const d = event.data;
        s.multichannel.splice(s.multichannel.indexOf(d.number), 1);
        for (const number of d.callerIdNumbers) {
          const user = s.users.get(number);
          if (user !== undefined && user.callerId !== undefined) user.callerId = d.fallback;
        }
        break;
      }
      case 'MainMultichannelNumberSet':
        s.mainMultichannel = event.data.number;
        break;
      case 'NumberAdded':
        s.users.set(event.data.number, newUser(event.data.kind, event.data.fullName, event.data.department));
        break;
      case 'NumberRemoved': {
        const freed = event.data.freedShortNumber;
        if (freed !== null && s.shortNumbers.get(freed) === event.data.number) s.shortNumbers.delete(freed);
        s.users.delete(event.data.number);
        break;
      }
      case 'NumberOptionEnabled': {
        const d = event.data;
        for (const number of d.numbers) {
          const user = s.users.get(number);
          if (user === undefined) continue;
          if (d.option === 'callerId') {
            user.callerIdFee = d.monthlyFee;
            user.callerId = d.callerIdNumber;
          } else if (d.option === 'shortNumber') {
            user.shortNumberFee = d.monthlyFee;
            user.shortNumber = null;
          } else if (d.option === 'recording') user.recordingFee = d.monthlyFee;
          else {
            user.melodyFee = d.monthlyFee;
            user.melody = null;
          }
        }
        break;
      }
      case 'NumberOptionDisabled': {
        const d = event.data;
        for (const number of d.numbers) {
          const user = s.users.get(number);
          if (user === undefined) continue;
          if (d.option === 'callerId') user.callerId = undefined;
          else if (d.option === 'shortNumber') {
            const code = user.shortNumber;
            if (code != null && s.shortNumbers.get(code) === number) s.shortNumbers.delete(code);
            user.shortNumber = undefined;
          } else if (d.option === 'recording') user.recordingFee = -1;
          else user.melody = undefined;
        }
        break;
      }
      case 'CallerIdNumberSet': {
        const user = s.users.get(event.data.number);
        if (user !== undefined && user.callerId !== undefined) user.callerId = event.data.multichannelNumber;
        break;
      }
      case 'ShortNumberAssigned': {
        const d = event.data;
        const user = s.users.get(d.number);
        if (user === undefined || user.shortNumber === undefined) break;
        if (d.previous !== null && s.shortNumbers.get(d.previous) === d.number)
          s.shortNumbers.delete(d.previous);
        s.shortNumbers.set(d.shortNumber, d.number);
        user.shortNumber = d.shortNumber;
        break;
      }
      case 'MelodyUploaded':
        s.melodies.set(event.data.melodyId, { name: event.data.name, uploadedAt: event.metadata.at });
        break;
      case 'NumberMelodySet': {
        const user = s.users.get(event.data.number);
        if (user !== undefined && user.melody !== undefined) user.melody = event.data.melodyId;
        break;
      }
      case 'RecordingEnabled':
        s.recordingOn = true;
        s.recordingNotice = event.data.notice;
        s.recordingFee = event.data.monthlyFee;
        break;
      case 'RecordingDisabled':
        s.recordingOn = false;
        break;
      case 'RecordingNoticeSet':
        s.recordingNotice = event.data.enabled;
        break;
      case 'StoragePackAdded':
        s.packs.push({ size: event.data.sizeBytes, fee: event.data.monthlyFee });
        if (event.data.reason === 'manual') rearm(s);
        break;
      case 'StoragePackRemoved':
        s.packs.pop();
        break;
      case 'AutoAddPacksSet':
        s.autoAddPacks = event.data.enabled;
        break;
      case 'RecordingStored': {
        const d = event.data;
        release(s, d.recordingId);
        const seq = s.nextSeq++;
        const ms = parse(d.recordedAt);
        s.recordings.set(d.recordingId, {
          size: d.sizeBytes,
          recordedAtMs: ms,
          seq,
          pinned: false,
          queued: true,
        });
        push(s.queue, { id: d.recordingId, ms, seq });
        s.usedBytes += d.sizeBytes;
        break;
      }
      case 'RecordingsEvicted':
        for (const r of event.data.recordings) release(s, r.recordingId);
        dropDeadHead(s);
        break;
      case 'RecordingDeleted':
        release(s, event.data.recordingId);
        dropDeadHead(s);
        rearm(s);
        break;
      case 'RecordingPinned': {
        const held = s.recordings.get(event.data.recordingId);
        if (held === undefined || held.pinned) break;
        held.pinned = true;
        s.pinnedBytes += held.size;
        dropDeadHead(s);
        break;
      }
      case 'RecordingUnpinned': {
        const held = s.recordings.get(event.data.recordingId);
        if (held === undefined || !held.pinned) break;
        held.pinned = false;
        s.pinnedBytes -= held.size;
        if (!held.queued) {
          held.queued = true;
          push(s.queue, { id: event.data.recordingId, ms: held.recordedAtMs, seq: held.seq });
        }
        break;
      }
      case 'StorageAlmostFull':
        s.almostFull = true;
        break;
      case 'SmsPackagePurchased': {
        const d = event.data;
        s.smsBalance = d.balanceAfter;
        s.renewingSize = d.size;
        s.renewingPrice = d.price;
        if (d.reason === 'auto-renewal' && d.price === 0) s.freeRenewalPeriodStart = d.periodStart;
        break;
      }
      case 'NotificationConfigured': {
        const d = event.data;
        s.scenarios.set(d.scenario, {
          sms: d.sms,
          telegram: d.telegram,
          text: d.text,
          segments: d.segments,
          telegramFee: d.telegramMonthlyFee,
        });
        break;
      }
      case 'VisitCardPeriodSet':
        if (event.data.direction === 'incoming') s.visitCardIncoming = event.data.months;
        else s.visitCardOutgoing = event.data.months;
        break;
      case 'NotificationSuppressionSet':
        s.suppressionMinutes = event.data.minutes;
        break;
      case 'QuietHoursSet':
        s.sendingHours = event.data.sendingHours === null ? null : { ...event.data.sendingHours };
        break;
      case 'NotificationSent': {
        const d = event.data;
        s.smsBalance -= d.smsSpent;
        if (d.scenario === 'incoming-missed-call') {
          const client = clientOf(s, d.recipient);
          client.lastMissedNoticeMs = Math.max(client.lastMissedNoticeMs, parse(event.metadata.at));
        } else if (d.scenario === 'outgoing-unreached') {
          const client = clientOf(s, d.recipient);
          client.lastUnreachedNoticeMs = Math.max(client.lastUnreachedNoticeMs, parse(event.metadata.at));
        }
        break;
      }
      case 'NotificationSkipped':
        break;
      case 'SmartCallbackEnabled':
        s.callbackOn = true;
        s.callbackMinutes = event.data.windowMinutes;
        s.callbackFee = event.data.monthlyFee;
        break;
      case 'SmartCallbackDisabled':
        s.callbackOn = false;
        s.callbackFee = 0;
        s.windows.clear();
        break;
      case 'SmartCallbackWindowSet':
        s.callbackMinutes = event.data.minutes;
        break;
      case 'SmartCallbackWindowOpened': {
        const d = event.data;
        s.windows.set(d.client, {
          operator: d.operator,
          callId: d.callId,
          openedAtMs: parse(d.openedAt ?? event.metadata.at),
          expiresAtMs: parse(d.expiresAt),
        });
        break;
      }
      case 'SmartCallbackWindowClosed':
        if (s.windows.get(event.data.client)?.callId === event.data.callId)
          s.windows.delete(event.data.client);
        break;
      case 'IncomingCallRouted':
        if (event.data.operator !== null || event.data.reason === 'window-expired')
          s.windows.delete(event.data.client);
        break;
      case 'CallRegistered': {
        const d = event.data;
        s.registered++;
        const client = clientOf(s, d.client);
        const ids = client.callIds;
        if (ids.length >= 8) ids.shift();
        ids.push(d.callId);
        const ms = parse(d.startedAt ?? d.endedAt ?? event.metadata.at);
        if (d.direction === 'outgoing') client.lastOutgoingMs = Math.max(client.lastOutgoingMs, ms);
        else if (d.line === 'multichannel') client.lastIncomingMs = Math.max(client.lastIncomingMs, ms);
        break;
      }
    }
    s.latestAt = event.metadata.at;
  };

/** Applies one event, reading instants with the library's `eventInstantMs` (as the replay does). */
export const handApply = handApplyWith(eventInstantMs);

/** Folds a history by hand. */
export const handFold = (events: readonly AccountEvent[]): HandState => {
  const s = emptyHandState();
  for (let i = 0; i < events.length; i++) handApply(s, events[i] as AccountEvent);
  return s;
};

/** Facts both folds must agree on, as one comparable line. */
export interface Facts {
  readonly recordings: number;
  readonly usedBytes: number;
  readonly pinnedBytes: number;
  readonly packs: number;
  readonly smsBalance: number;
  readonly clients: number;
  readonly registered: number;
  readonly windows: number;
  readonly users: number;
  readonly shortNumbers: number;
}

/** The hand-written fold's facts. */
export const factsOf = (s: HandState): Facts => ({
  recordings: s.recordings.size,
  usedBytes: s.usedBytes,
  pinnedBytes: s.pinnedBytes,
  packs: s.packs.length,
  smsBalance: s.smsBalance,
  clients: s.clients.size,
  registered: s.registered,
  windows: s.windows.size,
  users: s.users.size,
  shortNumbers: s.shortNumbers.size,
});
