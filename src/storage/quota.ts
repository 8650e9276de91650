/**
 * The storage quota: the tariff's base storage plus the connected packs, and the 90 % alert.
 * Pure functions of the state.
 * @module
 */
import type { AccountState } from '../account/state.js';
import type { Catalogue } from '../catalogue/catalogue.js';

/** Base storage of the account's tariff, bytes (0 before the account is opened). */
export const baseStorageBytes = (state: AccountState): number => state.tariff.terms?.baseStorageBytes ?? 0;

/** The quota now: tariff base storage + the sizes of the connected packs, bytes. */
export const quotaBytes = (state: AccountState): number => {
  let quota = baseStorageBytes(state);
  for (const pack of state.storage.packs) quota += pack.sizeBytes;
  return quota;
};

/** Packs that may still be connected under the catalogue's limit. */
export const packsLeft = (state: AccountState, catalogue: Catalogue): number =>
  Math.max(0, catalogue.storagePack.maxPacks - state.storage.packs.length);

/**
 * The largest quota the account can reach: base + every pack allowed (`maxPacks` × pack size
 * when all packs have the catalogue's size; connected packs count with their own size).
 */
export const maxQuotaBytes = (state: AccountState, catalogue: Catalogue): number =>
  quotaBytes(state) + packsLeft(state, catalogue) * catalogue.storagePack.sizeBytes;

/** Whether `usedBytes` is at or above 90 % of `quota` (integer arithmetic). */
export const atLeastNinetyPercent = (usedBytes: number, quota: number): boolean =>
  quota > 0 && usedBytes * 10 >= quota * 9;

/**
 * Whether a decision that leaves `usedAfter` of `quotaAfter` crosses 90 % upward: it is at or
 * above 90 % after, and the alert is not already standing (it stands while usage stayed at or
 * above 90 % since it fired; dropping below re-arms it).
 */
export const crossesAlmostFull = (state: AccountState, usedAfter: number, quotaAfter: number): boolean =>
  atLeastNinetyPercent(usedAfter, quotaAfter) &&
  !(state.storage.almostFull && atLeastNinetyPercent(state.storage.usedBytes, quotaBytes(state)));
