/**
 * Reading the quota usage view: totals, the per-part breakdown (base part first, then each pack;
 * recordings fill the base part first, then the packs in order) and the storage dialog's wording
 * ("Объем: 6.0 ГБ", "свободно 0.08 из 1 ГБ", "свободно 5.00 из 5.00 ГБ").
 * @module
 */
import { chunkedEntries } from '../kernel/collections/chunked-map.js';
import { listItems } from './chunked-list.js';
import { formatCount, formatGigabytes, formatGigabytesShort, formatPrice } from './format.js';
import type { EvictedRecordingView, QuotaUsage } from './quota-usage.js';

/** One part of the storage: the tariff's base part or a pack. */
export interface QuotaPart {
  readonly kind: 'base' | 'pack';
  /** 0 for the base part, 1… for packs in the order they were connected. */
  readonly index: number;
  readonly totalBytes: number;
  readonly usedBytes: number;
  readonly freeBytes: number;
}

/** Quota in bytes: base + every pack. */
export const quotaBytes = (view: QuotaUsage): number =>
  view.packs.reduce((sum, pack) => sum + pack.sizeBytes, view.baseBytes);

/** Free bytes (never negative). */
export const freeBytes = (view: QuotaUsage): number => Math.max(0, quotaBytes(view) - view.usedBytes);

/** Monthly charge of the connected packs, kopecks (each at the price in effect when added). */
export const packsMonthlyFee = (view: QuotaUsage): number =>
  view.packs.reduce((sum, pack) => sum + pack.monthlyFee, 0);

/** Recordings held now. */
export const heldCount = (view: QuotaUsage): number => view.held.size;

/** Ids of the pinned recordings (legal hold), in no particular order. */
export const pinnedIds = (view: QuotaUsage): string[] => {
  const ids: string[] = [];
  for (const [id, held] of chunkedEntries(view.held)) if (held.pinned) ids.push(id);
  return ids;
};

/** Every evicted recording, oldest eviction first. */
export const evictedRecordings = (view: QuotaUsage): EvictedRecordingView[] => [...listItems(view.evicted)];

/** The parts of the storage, base first; usage fills the base part, then each pack in order. */
export const quotaParts = (view: QuotaUsage): QuotaPart[] => {
  let left = view.usedBytes;
  const part = (kind: QuotaPart['kind'], index: number, totalBytes: number): QuotaPart => {
    const usedBytes = Math.min(left, totalBytes);
    left -= usedBytes;
    return { kind, index, totalBytes, usedBytes, freeBytes: totalBytes - usedBytes };
  };
  return [part('base', 0, view.baseBytes), ...view.packs.map((p, i) => part('pack', i + 1, p.sizeBytes))];
};

/** The storage dialog of the PBX's screens, in Russian, line by line. */
export interface QuotaText {
  /** `Объем: 6.0 ГБ` */
  readonly volume: string;
  /** `Подключено пакетов: 1` */
  readonly packs: string;
  /** `Плата в месяц: 150 ₽` */
  readonly monthlyCharge: string;
  /** `свободно 0.08 из 1 ГБ`, then `свободно 5.00 из 5.00 ГБ` per pack. */
  readonly parts: readonly string[];
}

/**
 * The dialog's wording. Sizes are rounded half up to the decimals the PBX's dialog shows: one for the
 * volume, two for free space; the base part's total is shown as the tariff states it (`1 ГБ`).
 */
export const formatQuota = (view: QuotaUsage): QuotaText => ({
  volume: `Объем: ${formatGigabytes(quotaBytes(view), 1)} ГБ`,
  packs: `Подключено пакетов: ${formatCount(view.packs.length)}`,
  monthlyCharge: `Плата в месяц: ${formatPrice(packsMonthlyFee(view))}`,
  parts: quotaParts(view).map((p) => {
    const total = p.kind === 'base' ? formatGigabytesShort(p.totalBytes) : formatGigabytes(p.totalBytes, 2);
    return `свободно ${formatGigabytes(p.freeBytes, 2)} из ${total} ГБ`;
  }),
});
