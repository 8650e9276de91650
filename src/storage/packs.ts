/**
 * Storage packs: `AddStoragePack`, `RemoveStoragePack`, `SetAutoAddPacks`.
 * @module
 */
import { left } from 'fp-ts/lib/Either.js';
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import type { AccountEvent } from '../account/events.js';
import { subscriptionLapsed } from '../tariff/guards.js';
import { planEviction } from './eviction.js';
import { crossesAlmostFull, quotaBytes } from './quota.js';

/**
 * Connects one pack with the catalogue's size and price in effect. Errors:
 * `SubscriptionLapsed`, `StoragePackLimitReached` (at most `maxPacks`, 9 by default).
 */
export const decideAddStoragePack: DecideFn<'AddStoragePack'> = (_command, state, context) => {
  const lapsed = subscriptionLapsed(state, context);
  if (lapsed !== undefined) return left(lapsed);
  const { maxPacks, sizeBytes, monthlyFee } = context.catalogue.storagePack;
  const packs = state.storage.packs.length;
  if (packs >= maxPacks) {
    return reject('StoragePackLimitReached', `at most ${maxPacks} storage packs can be connected`, {
      maxPacks,
      packs,
    });
  }
  return accept(
    eventOf('StoragePackAdded', { packs: packs + 1, sizeBytes, monthlyFee, reason: 'manual' }, context),
  );
};

/**
 * Disconnects the last pack. Errors: `NoStoragePack`; when usage would exceed the smaller
 * quota, `WouldEvictRecordings { count, bytes }` unless `confirmEviction` (then the oldest
 * unpinned recordings are evicted first, in one event), or `StorageFullOfPinnedRecordings` when
 * pinned recordings alone exceed it.
 */
export const decideRemoveStoragePack: DecideFn<'RemoveStoragePack'> = (command, state, context) => {
  const storage = state.storage;
  const last = storage.packs[storage.packs.length - 1];
  if (last === undefined) return reject('NoStoragePack', 'no storage pack is connected', {});
  const quotaAfter = quotaBytes(state) - last.sizeBytes;
  const events: AccountEvent[] = [];
  let usedAfter = storage.usedBytes;
  const plan = planEviction(storage, storage.usedBytes - quotaAfter);
  if (plan === undefined) {
    return reject(
      'StorageFullOfPinnedRecordings',
      `without the pack the quota is ${quotaAfter} bytes; pinned recordings alone take more`,
      {
        quotaBytes: quotaAfter,
        usedBytes: storage.usedBytes,
        pinnedBytes: storage.pinnedBytes,
      },
    );
  }
  if (plan.recordings.length > 0) {
    if (command.data.confirmEviction !== true) {
      return reject(
        'WouldEvictRecordings',
        `removing the pack would delete ${plan.recordings.length} recording(s), ${plan.bytesFreed} bytes; confirm with confirmEviction`,
        {
          field: 'data.confirmEviction',
          count: plan.recordings.length,
          bytes: plan.bytesFreed,
          quotaBytes: quotaAfter,
        },
      );
    }
    const { recordings, bytesFreed } = plan;
    events.push(
      eventOf(
        'RecordingsEvicted',
        { reason: 'quota-reduced', recordings, bytesFreed, forRecordingId: null },
        context,
      ),
    );
    usedAfter -= bytesFreed;
  }
  events.push(
    eventOf('StoragePackRemoved', { packs: storage.packs.length - 1, sizeBytes: last.sizeBytes }, context),
  );
  if (crossesAlmostFull(state, usedAfter, quotaAfter)) {
    events.push(eventOf('StorageAlmostFull', { usedBytes: usedAfter, quotaBytes: quotaAfter }, context));
  }
  return accept(...events);
};

/** Switches auto-adding packs; the same value again is accepted with no events. */
export const decideSetAutoAddPacks: DecideFn<'SetAutoAddPacks'> = (command, state, context) =>
  command.data.enabled === state.storage.autoAddPacks
    ? accept()
    : accept(eventOf('AutoAddPacksSet', { enabled: command.data.enabled }, context));
