/**
 * `billing`: what the account pays. The view tracks, from the events alone (never the current
 * catalogue: events carry the price in effect), every billed line's quantity over time, and the
 * one-off charges of SMS packages. Read it with `monthlyFee` (the current monthly fee as line
 * items), `statement` (a prorated statement for any subscription period) and `explain`.
 * Telegram is billed per scenario on which it is on, at the price in effect when it was turned on
 * there. While the subscription is lapsed nothing accrues: from the first day after the paid
 * period until the first day of the period a renewal pays for.
 * @module
 */
import type { AccountEvent, AccountEventOf, AccountEventType } from '../account/events.js';
import { byPrice, setLapsed, syncItem } from './billing-lines.js';
import { billedTariff, numberAdded, numberRemoved, optionSwitched, syncTariff } from './billing-numbers.js';
import { type BillingDraft, initialBilling } from './billing-view.js';
import { startOfDayMs } from './calendar.js';
import { lastItem, pushItem } from './chunked-list.js';
import { createProjection } from './projection.js';

const msOf = (event: AccountEvent): number => Date.parse(event.metadata.at);
const single = (fee: number | null): Array<[null, number, number]> => (fee === null ? [] : [[null, fee, 1]]);

type Handlers = { readonly [K in AccountEventType]?: (view: BillingDraft, event: AccountEventOf<K>) => void };

// One table lookup per event; events billing does not read cost nothing more.
const handlers: Handlers = {
  AccountOpened: (view, e) => {
    view.timeZone = e.data.timeZone;
    view.anchor = e.data.periodStart;
    view.tariff = billedTariff(e.data.tariff);
    syncTariff(view, msOf(e));
  },
  TariffChanged: (view, e) => {
    view.tariff = billedTariff(e.data.tariff);
    syncTariff(view, msOf(e));
  },
  // Nothing accrues from the first day the subscription is not paid for.
  SubscriptionLapsed: (view, e) =>
    setLapsed(view, true, startOfDayMs(Date.parse(e.data.paidUntil), view.timeZone)),
  // A renewal pays for its whole anchored period, also one that began before the payment.
  SubscriptionRenewed: (view, e) =>
    setLapsed(view, false, startOfDayMs(Date.parse(e.data.periodStart), view.timeZone)),
  MultichannelNumberAdded: (view, e) => {
    view.multichannelFees.push(e.data.extraMonthlyFee);
    syncTariff(view, msOf(e));
  },
  // The fee stops the day the number goes; the remaining ones keep the earliest prices.
  MultichannelNumberRemoved: (view, e) => {
    view.multichannelFees.length = Math.min(view.multichannelFees.length, e.data.multichannelNumbers);
    syncTariff(view, msOf(e));
  },
  NumberAdded: numberAdded,
  NumberRemoved: numberRemoved,
  NumberOptionEnabled: optionSwitched,
  NumberOptionDisabled: optionSwitched,
  RecordingEnabled: (view, e) => {
    view.recordingFee = e.data.monthlyFee;
    syncItem(view, 'recording', single(view.recordingFee), msOf(e));
  },
  RecordingDisabled: (view, e) => {
    view.recordingFee = null;
    syncItem(view, 'recording', [], msOf(e));
  },
  StoragePackAdded: (view, e) => {
    view.packFees.push(e.data.monthlyFee);
    syncItem(view, 'storage-packs', byPrice(view.packFees), msOf(e));
  },
  StoragePackRemoved: (view, e) => {
    while (view.packFees.length > e.data.packs) view.packFees.pop();
    syncItem(view, 'storage-packs', byPrice(view.packFees), msOf(e));
  },
  NotificationConfigured: (view, e) => {
    const { scenario, telegram, telegramMonthlyFee } = e.data;
    // A scenario already on keeps the price in effect when Telegram was turned on there.
    view.telegramFees[scenario] = telegram ? (view.telegramFees[scenario] ?? telegramMonthlyFee) : null;
    const fees = Object.values(view.telegramFees).filter((fee): fee is number => fee !== null);
    syncItem(view, 'telegram', byPrice(fees), msOf(e));
  },
  SmartCallbackEnabled: (view, e) => {
    view.smartCallbackFee = e.data.monthlyFee;
    syncItem(view, 'smart-callback', single(view.smartCallbackFee), msOf(e));
  },
  SmartCallbackDisabled: (view, e) => {
    view.smartCallbackFee = null;
    syncItem(view, 'smart-callback', [], msOf(e));
  },
  SmsPackagePurchased: (view, e) => {
    const { size, price, reason } = e.data;
    const previous = lastItem(view.oneOffs);
    const atMs = previous === undefined ? msOf(e) : Math.max(msOf(e), previous.atMs);
    pushItem(view.oneOffs, { atMs, at: e.metadata.at, size, price, reason });
  },
};

const recipe = (view: BillingDraft, event: AccountEvent): void => {
  const handle = handlers[event.type] as ((view: BillingDraft, event: AccountEvent) => void) | undefined;
  if (handle !== undefined) handle(view, event);
};

/** Billing: line quantities over time and one-off charges, from the prices the events carry. */
export const billing = createProjection({ name: 'billing', initial: initialBilling(), recipe });

/** The billing view. */
export type Billing = typeof billing.initial;
