/**
 * `smsBalance`: "ДОСТУПНО SMS: 2998 ИЗ 3000". `available` is the balance now; `of` is the
 * balance credited by the last top-up (purchase or automatic renewal) — the package size plus
 * whatever was left of the previous balance — so `available ≤ of` always holds and a carried-over
 * balance is not hidden (3 005 of 3 005 right after buying 3 000 with 5 left). Also: the package
 * that renews, every top-up with its charge, SMS spent per scenario, and notices skipped and why.
 * @module
 */

import type { AccountEvent } from '../account/events.js';
import type { SkipReason } from '../notifications/events.js';
import type { Channel, Scenario } from '../notifications/scenario.js';
import { type ChunkedList, emptyChunkedList, pushItem } from './chunked-list.js';
import { formatCount } from './format.js';
import { createProjection } from './projection.js';

/** A package bought or renewed: a one-off charge. */
export interface SmsTopUp {
  at: string;
  size: number;
  price: number;
  reason: 'purchase' | 'auto-renewal';
  balanceAfter: number;
}

/** A notice that was due and not sent. */
export interface SkippedNoticeView {
  at: string;
  callId: string;
  scenario: Scenario;
  channel: Channel;
  recipient: string;
  reason: SkipReason;
  smsNeeded: number;
}

type PerScenario = Record<Scenario, number>;

/** The SMS balance view (mutable form; callers get it read-only). */
export interface SmsBalanceDraft {
  available: number;
  /** The balance right after the last top-up ("ИЗ"). */
  of: number;
  /** The package bought last: renewed automatically when SMS run out. */
  renewingPackage: { size: number; price: number } | null;
  purchases: number;
  renewals: number;
  /** Σ of every top-up's price, kopecks. */
  charged: number;
  topUps: ChunkedList<SmsTopUp>;
  spentByScenario: PerScenario;
  /** Notices sent per scenario (both channels). */
  sentByScenario: PerScenario;
  skippedByReason: Record<SkipReason, number>;
  skipped: ChunkedList<SkippedNoticeView>;
}

const perScenario = (): PerScenario => ({
  'incoming-missed-call': 0,
  'incoming-visit-card': 0,
  'outgoing-unreached': 0,
  'outgoing-visit-card': 0,
});

const initial = (): SmsBalanceDraft => ({
  available: 0,
  of: 0,
  renewingPackage: null,
  purchases: 0,
  renewals: 0,
  charged: 0,
  topUps: emptyChunkedList(),
  spentByScenario: perScenario(),
  sentByScenario: perScenario(),
  skippedByReason: {
    'sms-balance-exhausted': 0,
    suppressed: 0,
    'free-sms-package-used': 0,
    'subscription-lapsed': 0,
  },
  skipped: emptyChunkedList(),
});

const recipe = (view: SmsBalanceDraft, event: AccountEvent): void => {
  switch (event.type) {
    case 'SmsPackagePurchased': {
      const { size, price, reason, balanceAfter } = event.data;
      view.available = balanceAfter;
      view.of = balanceAfter;
      view.renewingPackage = { size, price };
      if (reason === 'purchase') view.purchases += 1;
      else view.renewals += 1;
      view.charged += price;
      pushItem(view.topUps, { at: event.metadata.at, size, price, reason, balanceAfter });
      return;
    }
    case 'NotificationSent':
      view.available -= event.data.smsSpent;
      view.spentByScenario[event.data.scenario] += event.data.smsSpent;
      view.sentByScenario[event.data.scenario] += 1;
      return;
    case 'NotificationSkipped': {
      const d = event.data;
      view.skippedByReason[d.reason] += 1;
      pushItem(view.skipped, {
        at: event.metadata.at,
        callId: d.callId,
        scenario: d.scenario,
        channel: d.channel,
        recipient: d.recipient,
        reason: d.reason,
        smsNeeded: d.smsNeeded,
      });
      return;
    }
    default:
      return;
  }
};

/** SMS balance: available of the last top-up, renewing package, top-ups, spending, skipped notices. */
export const smsBalance = createProjection({ name: 'smsBalance', initial: initial(), recipe });

/** SMS available and credited by the last top-up, the renewing package, spending and skipped notices. */
export type SmsBalance = typeof smsBalance.initial;

/** `ДОСТУПНО SMS: 2 998 ИЗ 3 000`: the dialog's words, with thousands grouped as everywhere. */
export const formatSmsBalance = (view: SmsBalance): string =>
  `ДОСТУПНО SMS: ${formatCount(view.available)} ИЗ ${formatCount(view.of)}`;

/** `Когда SMS закончатся, будет продлён пакет 3 000 SMS`, or `null` with no package. */
export const formatRenewingPackage = (view: SmsBalance): string | null =>
  view.renewingPackage === null
    ? null
    : `Когда SMS закончатся, будет продлён пакет ${formatCount(view.renewingPackage.size)} SMS`;
