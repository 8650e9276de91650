/**
 * `ChangeTariff` ("СМЕНИТЬ ТАРИФ"): effective at once. A tariff with less base storage may cut
 * the quota below usage: then the oldest unpinned recordings would go, which needs an explicit
 * confirmation and an event naming each of them (no recording is ever lost silently).
 * @module
 */
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import type { AccountEvent } from '../account/events.js';
import { planEviction } from '../storage/eviction.js';
import { termsOf, unknownTariff } from './terms.js';

/**
 * Changes the tariff. Errors: `UnknownTariff`, `TariffUnchanged`; when the new quota (new base
 * storage + packs) is below usage, `WouldEvictRecordings { count, bytes }` without
 * `confirmEviction`, or `StorageFullOfPinnedRecordings` when pinned recordings alone exceed it.
 * With confirmation, `RecordingsEvicted` (reason `quota-reduced`) comes before `TariffChanged`.
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
  let quotaBytes = terms.baseStorageBytes;
  for (const pack of storage.packs) quotaBytes += pack.sizeBytes;
  const excessBytes = storage.usedBytes - quotaBytes;
  if (excessBytes > 0) {
    const plan = planEviction(storage, excessBytes);
    if (plan === undefined) {
      return reject(
        'StorageFullOfPinnedRecordings',
        `tariff ${tariffId} gives ${quotaBytes} bytes of storage; pinned recordings alone need more`,
        {
          field: 'data.tariffId',
          quotaBytes,
          usedBytes: storage.usedBytes,
          pinnedBytes: storage.pinnedBytes,
        },
      );
    }
    if (command.data.confirmEviction !== true) {
      return reject(
        'WouldEvictRecordings',
        `tariff ${tariffId} would delete ${plan.recordings.length} recording(s), ${plan.bytesFreed} bytes; confirm with confirmEviction`,
        { field: 'data.confirmEviction', count: plan.recordings.length, bytes: plan.bytesFreed, quotaBytes },
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
  }
  events.push(eventOf('TariffChanged', { previousTariffId, tariff: terms }, context));
  return accept(...events);
};
