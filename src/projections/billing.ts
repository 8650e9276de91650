/**
 * `billing`: what the account pays. The view tracks, from the events alone (never the current
 * catalogue: events carry the price in effect), every billed line's quantity over time, and the
 * one-off charges of SMS packages. Read it with `monthlyFee` (the current monthly fee as line
 * items), `statement` (a prorated statement for any subscription period) and `explain`.
 * Telegram is billed per scenario on which it is on, at the price in effect when it was turned on
 * there. The view also keeps the runs of paid periods (see `billing-calendar`): days between two
 * runs, and after the last one once it lapsed, are billed to nobody.
 * @module
 */

import type { AccountEvent, AccountEventOf, AccountEventType } from '../account/events.js';
import { instantMs } from '../kernel/codecs.js';
import { takeRenewal } from './billing-calendar.js';
import { byPrice, syncItem } from './billing-lines.js';
import { billedTariff, numberAdded, numberRemoved, optionSwitched, syncTariff } from './billing-numbers.js';
import { type BillingDraft, initialBilling } from './billing-view.js';
import { lastItem, pushItem } from './chunked-list.js';
import { createProjection } from './projection.js';

const msOf = (event: AccountEvent): number => instantMs(event.metadata.at);
const single = (fee: number | null): Array<[null, number, number]> => (fee === null ? [] : [[null, fee, 1]]);

type Handlers = { readonly [K in AccountEventType]?: (view: BillingDraft, event: AccountEventOf<K>) => void };

// One table lookup per event; events billing does not read cost nothing more.
const handlers: Handlers = {
  AccountOpened: (view, e) => {
    view.timeZone = e.data.timeZone;
    view.anchor = e.data.periodStart;
    view.autoRenewal = e.data.autoRenewal;
    const startMs = instantMs(e.data.periodStart);
    view.paidRuns.push({ anchorMs: startMs, startMs, paidUntilMs: instantMs(e.data.paidUntil) });
    view.tariff = billedTariff(e.data.tariff);
    syncTariff(view, msOf(e));
  },
  TariffChanged: (view, e) => {
    view.tariff = billedTariff(e.data.tariff);
    syncTariff(view, msOf(e));
  },
  AutoRenewalSet: (view, e) => {
    view.autoRenewal = e.data.enabled;
  },
  SubscriptionLapsed: (view) => {
    view.lapsed = true;
  },
  // A payment after a lapse starts a new run of periods, anchored on it.
  SubscriptionRenewed: (view, e) => {
    view.lapsed = false;
    takeRenewal(view.paidRuns, instantMs(e.data.periodStart), instantMs(e.data.paidUntil), e.data.restarted);
  },
  MultichannelNumberAdded: (view, e) => {
    view.multichannel.push({ number: e.data.number, fee: e.data.extraMonthlyFee });
    syncTariff(view, msOf(e));
  },
  // Its fee stops that day (the day itself is billed: it was held then); the others move up.
  MultichannelNumberRemoved: (view, e) => {
    const at = view.multichannel.findIndex((m) => m.number === e.data.number);
    if (at >= 0) view.multichannel.splice(at, 1);
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

/**
 * What an account is billed, from its events alone: lines with their change points, one-off
 * charges, and the runs of paid periods with the lapses between them.
 */
export type Billing = typeof billing.initial;
