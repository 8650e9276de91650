/**
 * `ChangeTariff` ("СМЕНИТЬ ТАРИФ"): effective at once. A tariff with less base storage may cut
 * the quota below usage: then the oldest unpinned recordings would go, which needs an explicit
 * confirmation and an event naming each of them (no recording is ever lost silently).
 * @module
 */
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import type { AccountEvent } from '../account/events.js';
import { planEviction } from '../storage/eviction.js';
import { baseStorageBytes, crossesAlmostFull, quotaBytes } from '../storage/quota.js';
import { termsOf, unknownTariff } from './terms.js';

/**
 * Changes the tariff. Errors: `UnknownTariff`, `TariffUnchanged`; when the new quota (new base
 * storage + packs) is below usage, `WouldEvictRecordings { count, bytes }` without
 * `confirmEviction`, or `StorageFullOfPinnedRecordings` when pinned recordings alone exceed it.
 * With confirmation, `RecordingsEvicted` (reason `quota-reduced`) comes before `TariffChanged`;
 * `StorageAlmostFull` follows when the new quota puts usage at or above 90 % (as a pack removal).
 */
export const decideChangeTariff: DecideFn<'ChangeTariff'> = (command, state, context) => {
  const { tariffId } = command.data;
  const terms = termsOf(context.catalogue, tariffId);
  if (terms === undefined) {
    const error = unknownTariff(context.catalogue, tariffId);
    return reject(error.code, error.message, error.details);
  }
  const previousTariffId = state.tariff.terms?.tariffId ?? '';
  if (previousTariffId === tariffId) {
    return reject('TariffUnchanged', `the account is already on tariff ${tariffId}`, {
      field: 'data.tariffId',
      tariffId,
    });
  }
  const events: AccountEvent[] = [];
  const storage = state.storage;
  const quotaAfter = quotaBytes(state) - baseStorageBytes(state) + terms.baseStorageBytes;
  let usedAfter = storage.usedBytes;
  const excessBytes = storage.usedBytes - quotaAfter;
  if (excessBytes > 0) {
    const plan = planEviction(storage, excessBytes);
    if (plan === undefined) {
      return reject(
        'StorageFullOfPinnedRecordings',
        `tariff ${tariffId} gives ${quotaAfter} bytes of storage; pinned recordings alone need more`,
        {
          field: 'data.tariffId',
          quotaBytes: quotaAfter,
          usedBytes: storage.usedBytes,
          pinnedBytes: storage.pinnedBytes,
        },
      );
    }
    if (command.data.confirmEviction !== true) {
      return reject(
        'WouldEvictRecordings',
        `tariff ${tariffId} would delete ${plan.recordings.length} recording(s), ${plan.bytesFreed} bytes; confirm with confirmEviction`,
        {
          field: 'data.confirmEviction',
          count: plan.recordings.length,
          bytes: plan.bytesFreed,
          quotaBytes: quotaAfter,
        },
      );
    }
    const recordings = plan.recordings.map((r) => ({ recordingId: r.recordingId, sizeBytes: r.sizeBytes }));
    events.push(
      eventOf(
        'RecordingsEvicted',
        { reason: 'quota-reduced', recordings, bytesFreed: plan.bytesFreed, forRecordingId: null },
        context,
      ),
    );
    usedAfter -= plan.bytesFreed;
  }
  events.push(eventOf('TariffChanged', { previousTariffId, tariff: terms }, context));
  if (crossesAlmostFull(state, usedAfter, quotaAfter)) {
    events.push(eventOf('StorageAlmostFull', { usedBytes: usedAfter, quotaBytes: quotaAfter }, context));
  }
  return accept(...events);
};
