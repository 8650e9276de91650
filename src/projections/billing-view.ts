/**
 * The billing view's data: every billed line (an item at one unit price) with its quantity now
 * and its change points `[atMs, quantity]` in time order, the facts the quantities derive from,
 * and the one-off charges of SMS packages.
 * @module
 */
import { type ChunkedMap, emptyChunkedMap } from '../kernel/collections/chunked-map.js';
import type { Scenario } from '../notifications/scenario.js';
import { DEFAULT_TIME_ZONE } from '../tariff/time-zone.js';
import { type ChunkedList, emptyChunkedList } from './chunked-list.js';

/** What a monthly line bills. */
export type BillingItem =
  | 'tariff'
  | 'extra-employees'
  | 'extra-multichannel'
  | 'recording'
  | 'storage-packs'
  | 'telegram'
  | 'number-option'
  | 'smart-callback';

/** Items in the order bills list them. */
export const BILLING_ITEMS: readonly BillingItem[] = [
  'tariff',
  'extra-employees',
  'extra-multichannel',
  'recording',
  'storage-packs',
  'telegram',
  'number-option',
  'smart-callback',
];

/** A change point: from `atMs` on, the line's billed quantity is `quantity`. */
export type ChangePoint = [atMs: number, quantity: number];

/** One billed line: an item at one unit price (a price change makes a new line). */
export interface LineTrack {
  key: string;
  item: BillingItem;
  /** The tariff's name for `tariff`, the option for `number-option`, else `null`. */
  detail: string | null;
  /** Monthly price per unit in effect, kopecks (carried by the events). */
  unitPrice: number;
  /** Units now, as configured (also while the subscription is lapsed: lapsed days are left out when billed). */
  quantity: number;
  /** Order in which lines first appeared. */
  seq: number;
  /** Quantity over time, in time order. */
  changes: ChunkedList<ChangePoint>;
}

/** An SMS package bought or renewed: a one-off charge. */
export interface OneOffCharge {
  /** Epoch ms, kept in log order (never earlier than the charge before it). */
  atMs: number;
  at: string;
  size: number;
  price: number;
  reason: 'purchase' | 'auto-renewal';
}

/**
 * A run of paid periods anchored on one instant: the opening, or a payment after a lapse (a
 * late payment starts a new period at its own instant, and later periods are anchored on it).
 * Renewals that continue the run move `paidUntilMs`.
 */
export interface PaidRun {
  /** The instant periods are anchored on, epoch ms: they are `anchor + k months`. */
  anchorMs: number;
  /** The first paid instant of the run (its anchor, but for a renewal stored by 0.1 after a lapse). */
  startMs: number;
  /** The end of the last period paid for, epoch ms. */
  paidUntilMs: number;
}

/** The tariff terms billing needs. */
export interface BilledTariff {
  tariffId: string;
  name: string;
  monthlyFee: number;
  includedEmployees: number;
  includedMultichannelNumbers: number;
  extraEmployeeFee: number;
}

/** Prices in effect of a user number's options (`null`: off), and whether it is an employee. */
export interface NumberFees {
  regular: boolean;
  callerId: number | null;
  recording: number | null;
  shortNumber: number | null;
  melody: number | null;
}

/** The billing view (mutable form; callers get it read-only). */
export interface BillingDraft {
  timeZone: string;
  /** Start of the opening period (`null` until opened); a payment after a lapse anchors later ones (`paidRuns`). */
  anchor: string | null;
  tariff: BilledTariff | null;
  /** Regular user numbers. */
  employees: number;
  numbers: ChunkedMap<NumberFees>;
  /** Each МКН with its price beyond the included count, in the order they were added. */
  multichannel: Array<{ number: string; fee: number }>;
  recordingFee: number | null;
  packFees: number[];
  telegramFees: Record<Scenario, number | null>;
  smartCallbackFee: number | null;
  /** Runs of paid periods in time order; the gaps between them were not paid for. */
  paidRuns: PaidRun[];
  /** Auto-renewal is on: days after the last paid period are billed as the renewal will bill them. */
  autoRenewal: boolean;
  /** A lapse was recorded and no renewal came since. */
  lapsed: boolean;
  lines: Record<string, LineTrack>;
  lineCount: number;
  oneOffs: ChunkedList<OneOffCharge>;
}

/** The billing view before any event. */
export const initialBilling = (): BillingDraft => ({
  timeZone: DEFAULT_TIME_ZONE,
  anchor: null,
  tariff: null,
  employees: 0,
  numbers: emptyChunkedMap(),
  multichannel: [],
  recordingFee: null,
  packFees: [],
  telegramFees: {
    'incoming-missed-call': null,
    'incoming-visit-card': null,
    'outgoing-unreached': null,
    'outgoing-visit-card': null,
  },
  smartCallbackFee: null,
  paidRuns: [],
  autoRenewal: true,
  lapsed: false,
  lines: {},
  lineCount: 0,
  oneOffs: emptyChunkedList(),
});
