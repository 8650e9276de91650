/**
 * The storage dialog's parts: the base part first, then each pack in order, filled in that
 * order ("свободно 0.08 из 1 ГБ", "свободно 5.00 из 5.00 ГБ"). Formatting is the projection's.
 * @module
 */
import type { AccountState } from '../account/state.js';
import { baseStorageBytes } from './quota.js';

/** One part of the storage: its size, the bytes counted in it, and what is free. */
export interface StoragePart {
  readonly sizeBytes: number;
  readonly usedBytes: number;
  readonly freeBytes: number;
}

/** Base part, then each pack; usage fills the base part first, then the packs in order. */
export const storageParts = (state: AccountState): StoragePart[] => {
  let rest = state.storage.usedBytes;
  const part = (sizeBytes: number): StoragePart => {
    const usedBytes = Math.min(rest, sizeBytes);
    rest -= usedBytes;
    return { sizeBytes, usedBytes, freeBytes: sizeBytes - usedBytes };
  };
  const parts = [part(baseStorageBytes(state))];
  for (const pack of state.storage.packs) parts.push(part(pack.sizeBytes));
  return parts;
};
