/**
 * Billing of the tariff's counted things and of per-number options: the tariff line, employees
 * beyond the included count (regular user numbers; `added` ones are not employees), МКН beyond
 * the included count (the first ones added and still there are the included ones, the rest each
 * at the price its event carried), and each option × the numbers that have it, at the price each
 * was turned on at.
 * @module
 */

import type { AccountEventOf } from '../account/events.js';
import { instantMs } from '../kernel/codecs.js';
import { deleteEntry, getEntry, setEntry } from '../kernel/collections/chunked-map.js';
import { byPrice, lineKey, setQuantity, syncItem } from './billing-lines.js';
import type { BilledTariff, BillingDraft, NumberFees } from './billing-view.js';

type Terms = AccountEventOf<'TariffChanged'>['data']['tariff'];

/** The terms billing keeps, with one fixed shape. */
export const billedTariff = (terms: Terms): BilledTariff => ({
  tariffId: terms.tariffId,
  name: terms.name,
  monthlyFee: terms.monthlyFee,
  includedEmployees: terms.includedEmployees,
  includedMultichannelNumbers: terms.includedMultichannelNumbers,
  extraEmployeeFee: terms.extraEmployeeFee,
});

/** Brings the tariff, extra-employee and extra-МКН lines in line with the facts. */
export const syncTariff = (view: BillingDraft, atMs: number): void => {
  const t = view.tariff;
  if (t === null) return;
  const extraEmployees = Math.max(0, view.employees - t.includedEmployees);
  syncItem(view, 'tariff', [[t.name, t.monthlyFee, 1]], atMs);
  syncItem(view, 'extra-employees', [[null, t.extraEmployeeFee, extraEmployees]], atMs);
  syncItem(
    view,
    'extra-multichannel',
    byPrice(view.multichannel.slice(t.includedMultichannelNumbers).map((m) => m.fee)),
    atMs,
  );
};

/** Changes of option lines within one event, applied once per line. */
type OptionDeltas = Map<string, { option: string; fee: number; delta: number }>;

const addDelta = (deltas: OptionDeltas, option: string, fee: number, delta: number): void => {
  const key = lineKey('number-option', option, fee);
  const found = deltas.get(key);
  if (found === undefined) deltas.set(key, { option, fee, delta });
  else found.delta += delta;
};

const applyDeltas = (view: BillingDraft, deltas: OptionDeltas, atMs: number): void => {
  for (const [key, { option, fee, delta }] of deltas) {
    const quantity = (view.lines[key]?.quantity ?? 0) + delta;
    if (delta !== 0) setQuantity(view, 'number-option', option, fee, quantity, atMs);
  }
};

const OPTIONS = ['callerId', 'recording', 'shortNumber', 'melody'] as const;

/** A user number was added. */
export const numberAdded = (view: BillingDraft, event: AccountEventOf<'NumberAdded'>): void => {
  const regular = event.data.kind === 'regular';
  const fees: NumberFees = { regular, callerId: null, recording: null, shortNumber: null, melody: null };
  setEntry(view.numbers, event.data.number, fees);
  if (!regular) return;
  view.employees += 1;
  syncTariff(view, instantMs(event.metadata.at));
};

/** A user number was removed with its options. */
export const numberRemoved = (view: BillingDraft, event: AccountEventOf<'NumberRemoved'>): void => {
  const fees = getEntry(view.numbers, event.data.number);
  if (fees === undefined) return;
  const atMs = instantMs(event.metadata.at);
  const deltas: OptionDeltas = new Map();
  for (const option of OPTIONS) {
    const fee = fees[option];
    if (fee !== null) addDelta(deltas, option, fee, -1);
  }
  applyDeltas(view, deltas, atMs);
  const regular = fees.regular;
  deleteEntry(view.numbers, event.data.number);
  if (!regular) return;
  view.employees -= 1;
  syncTariff(view, atMs);
};

/** An option was turned on or off for some numbers. */
export const optionSwitched = (
  view: BillingDraft,
  event: AccountEventOf<'NumberOptionEnabled'> | AccountEventOf<'NumberOptionDisabled'>,
): void => {
  const { option, numbers } = event.data;
  const fee = event.type === 'NumberOptionEnabled' ? event.data.monthlyFee : null;
  const deltas: OptionDeltas = new Map();
  for (const number of numbers) {
    const fees = getEntry(view.numbers, number);
    if (fees === undefined) continue;
    const was = fees[option];
    if (was !== null) addDelta(deltas, option, was, -1);
    if (fee !== null) addDelta(deltas, option, fee, 1);
    fees[option] = fee;
  }
  applyDeltas(view, deltas, instantMs(event.metadata.at));
};
