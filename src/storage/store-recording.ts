/**
 * `StoreRecording`: a finished recording goes into storage. When it does not fit, packs are
 * added one at a time (auto-add on, fewer than the maximum, subscription paid), then the oldest
 * unpinned recordings are evicted in one event naming them all.
 * @module
 */
import { left } from 'fp-ts/lib/Either.js';
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import type { AccountEvent } from '../account/events.js';
import { refuseFactInstant } from '../account/fact-instant.js';
import { hasEntry } from '../kernel/collections/chunked-map.js';
import { subscriptionLapsed } from '../tariff/guards.js';
import { planEviction } from './eviction.js';
import { crossesAlmostFull, maxQuotaBytes, packsLeft, quotaBytes } from './quota.js';
import { refuseSource } from './recording-source.js';

/**
 * Stores a recording. Events, in order: `StoragePackAdded` (reason `auto`) per pack needed,
 * `RecordingsEvicted` (reason `space-needed`), `RecordingStored`, `StorageAlmostFull` when usage
 * crosses 90 %. Errors: `RecordingExists`, `SubscriptionLapsed` (no new recording while paid
 * services are suspended; stored ones stay), its origin's (see `refuseSource`), the recording's
 * own instant's (`refuseFactInstant`: not after the report, not before the opening), `RecordingTooLarge` (beyond the quota it can reach),
 * `StorageFullOfPinnedRecordings`.
 */
export const decideStoreRecording: DecideFn<'StoreRecording'> = (command, state, context) => {
  const data = command.data;
  const storage = state.storage;
  if (hasEntry(storage.recordings, data.recordingId)) {
    return reject('RecordingExists', `recording ${data.recordingId} is already stored`, {
      field: 'data.recordingId',
      recordingId: data.recordingId,
    });
  }
  // Recording is a paid service: the telephony side is told, nothing is dropped silently.
  const lapsed = subscriptionLapsed(state, context);
  if (lapsed !== undefined) return left(lapsed);
  const refused =
    refuseSource(state, data.source) ?? refuseFactInstant(state, 'data.recordedAt', data.recordedAt, context);
  if (refused !== undefined) return left(refused);
  const pack = context.catalogue.storagePack;
  const addable = storage.autoAddPacks ? packsLeft(state, context.catalogue) : 0;
  let quota = quotaBytes(state);
  const reachable = quota + addable * pack.sizeBytes;
  const maxQuota = maxQuotaBytes(state, context.catalogue);
  if (data.sizeBytes > reachable) {
    return reject(
      'RecordingTooLarge',
      `recording ${data.recordingId} (${data.sizeBytes} bytes) is larger than the quota can reach (${reachable} bytes; at most ${maxQuota} with every pack)`,
      {
        field: 'data.sizeBytes',
        sizeBytes: data.sizeBytes,
        maxQuotaBytes: maxQuota,
        reachableQuotaBytes: reachable,
      },
    );
  }
  const fullOfPinned = () =>
    reject(
      'StorageFullOfPinnedRecordings',
      `recording ${data.recordingId} does not fit: pinned recordings take ${storage.pinnedBytes} of ${reachable} bytes`,
      {
        field: 'data.sizeBytes',
        quotaBytes: reachable,
        usedBytes: storage.usedBytes,
        pinnedBytes: storage.pinnedBytes,
        sizeBytes: data.sizeBytes,
      },
    );
  if (storage.pinnedBytes + data.sizeBytes > reachable) return fullOfPinned();
  const events: AccountEvent[] = [];
  let packs = storage.packs.length;
  for (let added = 0; storage.usedBytes + data.sizeBytes > quota && added < addable; added++) {
    packs++;
    quota += pack.sizeBytes;
    events.push(
      eventOf(
        'StoragePackAdded',
        { packs, sizeBytes: pack.sizeBytes, monthlyFee: pack.monthlyFee, reason: 'auto' },
        context,
      ),
    );
  }
  let usedAfter = storage.usedBytes + data.sizeBytes;
  const plan = planEviction(storage, usedAfter - quota);
  // Unreachable after the check above (pinned + size fits the quota reached); never store over quota.
  if (plan === undefined) return fullOfPinned();
  if (plan.recordings.length > 0) {
    const { recordings, bytesFreed } = plan;
    events.push(
      eventOf(
        'RecordingsEvicted',
        { reason: 'space-needed', recordings, bytesFreed, forRecordingId: data.recordingId },
        context,
      ),
    );
    usedAfter -= bytesFreed;
  }
  const { recordingId, callId, source, sizeBytes, durationSeconds, recordedAt } = data;
  events.push(
    eventOf(
      'RecordingStored',
      { recordingId, callId, source, sizeBytes, durationSeconds, recordedAt },
      context,
    ),
  );
  if (crossesAlmostFull(state, usedAfter, quota)) {
    events.push(eventOf('StorageAlmostFull', { usedBytes: usedAfter, quotaBytes: quota }, context));
  }
  return accept(...events);
};
