/**
 * The history in English: one sentence per event, numbers grouped with commas (`3,000 SMS`) and
 * prices with the rouble sign first (`₽1,500`).
 * @module
 */
import type * as t from 'io-ts';
import type { SkipReason } from '../notifications/events.js';
import type { RoutingReason } from '../smart-callback/events.js';
import {
  formatCount,
  formatGigabytes,
  formatMegabytes,
  formatPrice,
  formatPhone as phone,
} from './format.js';
import { dateEn as date, type HistoryTexts, instantEn as instant } from './history-texts.js';
import { CHANNEL_NAMES, OPTION_NAMES, SCENARIO_NAMES } from './labels.js';

const onOff = (on: boolean): string => (on ? 'on' : 'off');
const count = (n: number): string => formatCount(n, 'en');
const price = (kopecks: number): string => formatPrice(kopecks, 'en');
const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;
const option = (o: keyof (typeof OPTION_NAMES)['en']): string => OPTION_NAMES.en[o];
const scenario = (s: keyof (typeof SCENARIO_NAMES)['en']): string => `“${SCENARIO_NAMES.en[s]}”`;
const ROUTING: Record<t.TypeOf<typeof RoutingReason>, string> = {
  'smart-callback': 'smart callback',
  'option-off': 'smart callback is off',
  'no-window': 'no callback window',
  'window-expired': 'the callback window expired',
  'operator-gone': "the operator's number is gone",
  'caller-id-off': "caller ID is off on the operator's number",
  'subscription-lapsed': 'the subscription is not paid, smart callback is suspended',
};

const NOT_SENT: Record<SkipReason, (smsNeeded: number) => string> = {
  suppressed: () => 'a notice was sent recently',
  'sms-balance-exhausted': (n) => `not enough SMS (${count(n)} needed)`,
  'free-sms-package-used': () => 'the free SMS package was already had this period',
  'subscription-lapsed': () => 'the subscription is not paid',
};

/** English sentences for every event type. */
export const historyEn: HistoryTexts = {
  AccountOpened: (d, c) =>
    `Account ${d.accountId} opened on tariff “${d.tariff.name}” (${price(d.tariff.monthlyFee)} a month), ` +
    `paid until ${date(d.paidUntil, c)}, auto-renewal ${onOff(d.autoRenewal)}`,
  TariffChanged: (d) => `Tariff changed to “${d.tariff.name}” (${price(d.tariff.monthlyFee)} a month)`,
  AutoRenewalSet: (d) => `Automatic renewal of the subscription turned ${onOff(d.enabled)}`,
  SubscriptionRenewed: (d, c) =>
    d.manual
      ? `Subscription paid by the customer: from ${date(d.periodStart, c)} until ${date(d.paidUntil, c)}`
      : `Subscription renewed automatically until ${date(d.paidUntil, c)}`,
  SubscriptionLapsed: (d, c) =>
    `Subscription lapsed: the paid period ended on ${date(d.paidUntil, c)}, paid services are suspended`,
  MultichannelNumberAdded: (d) =>
    `Multichannel number ${phone(d.number)} added${d.main ? ' (main)' : ''}` +
    (d.extraMonthlyFee > 0 ? `, ${price(d.extraMonthlyFee)} a month beyond those included` : ''),
  MainMultichannelNumberSet: (d) => `Main multichannel number: ${phone(d.number)}`,
  MultichannelNumberRemoved: (d) =>
    `Multichannel number ${phone(d.number)} removed` +
    (d.callerIdNumbers.length === 0
      ? ''
      : `; ${plural(d.callerIdNumbers.length, 'number')} now show ${phone(d.fallback)} as caller ID`),
  NumberAdded: (d) =>
    `Number ${phone(d.number)} added (${d.kind === 'regular' ? 'employee' : 'added'}): ${d.fullName}` +
    (d.department === '' ? '' : `, ${d.department}`),
  NumberRemoved: (d) =>
    `Number ${phone(d.number)} removed` +
    (d.options.length === 0 ? '' : ` with ${d.options.map(option).join(', ')}`),
  NumberOptionEnabled: (d) =>
    `“${option(d.option)}” turned on for ${plural(d.numbers.length, 'number')} (${price(d.monthlyFee)} a month each)` +
    (d.skipped.length === 0 ? '' : `; skipped: ${d.skipped.map((s) => phone(s.number)).join(', ')}`),
  NumberOptionDisabled: (d) =>
    `“${option(d.option)}” turned off for ${plural(d.numbers.length, 'number')}` +
    (d.skipped.length === 0 ? '' : `; skipped: ${d.skipped.map((s) => phone(s.number)).join(', ')}`),
  CallerIdNumberSet: (d) => `Number ${phone(d.number)} shows ${phone(d.multichannelNumber)} as caller ID`,
  ShortNumberAssigned: (d) => `Number ${phone(d.number)} got short number ${d.shortNumber}`,
  MelodyUploaded: (d) => `Melody “${d.name}” uploaded`,
  NumberMelodySet: (d) => `Number ${phone(d.number)} plays melody ${d.melodyId}`,
  RecordingEnabled: (d) =>
    `Recording of incoming calls to multichannel numbers turned on (${price(d.monthlyFee)} a month)` +
    (d.notice ? '' : ', without the recording notice: the customer answers for complaints'),
  RecordingDisabled: () => 'Recording of incoming calls to multichannel numbers turned off',
  RecordingNoticeSet: (d) =>
    d.enabled
      ? 'Recording notice to callers turned on'
      : 'Recording notice to callers turned off: the customer answers for complaints',
  StoragePackAdded: (d) =>
    `Storage pack +5 GB added${d.reason === 'auto' ? ' automatically' : ''} (${price(d.monthlyFee)} a month), ` +
    `${plural(d.packs, 'pack')} now`,
  StoragePackRemoved: (d) => `Storage pack +5 GB removed, ${plural(d.packs, 'pack')} now`,
  AutoAddPacksSet: (d) => `Adding packs automatically when storage fills turned ${onOff(d.enabled)}`,
  RecordingStored: (d) =>
    `Recording ${d.recordingId} stored (${formatMegabytes(d.sizeBytes, 'en')} MB, ${plural(d.durationSeconds, 'second')})`,
  RecordingsEvicted: (d) =>
    `Oldest recordings deleted: ${plural(d.recordings.length, 'recording')}, ${formatMegabytes(d.bytesFreed, 'en')} MB ` +
    (d.reason === 'space-needed'
      ? `(room for ${d.forRecordingId ?? 'a new recording'})`
      : '(storage reduced)'),
  RecordingDeleted: (d) => `Recording ${d.recordingId} deleted`,
  RecordingPinned: (d) => `Recording ${d.recordingId} put on legal hold`,
  RecordingUnpinned: (d) => `Recording ${d.recordingId} taken off legal hold`,
  StorageAlmostFull: (d) =>
    `Storage almost full: ${formatGigabytes(d.usedBytes, 2, 'en')} of ${formatGigabytes(d.quotaBytes, 2, 'en')} GB used`,
  SmsPackagePurchased: (d) =>
    (d.reason === 'purchase'
      ? `${count(d.size)} SMS package bought for ${price(d.price)}`
      : `${count(d.size)} SMS package renewed automatically for ${price(d.price)}`) +
    `, ${count(d.balanceAfter)} SMS available`,
  NotificationConfigured: (d) =>
    `Scenario ${scenario(d.scenario)}: SMS ${onOff(d.sms)}, Telegram ${onOff(d.telegram)}; ` +
    `text of ${plural(d.characters, 'character')} (${plural(d.segments, 'SMS', 'SMS')})`,
  VisitCardPeriodSet: (d) => `Visit card period for ${d.direction} calls: ${plural(d.months, 'month')}`,
  NotificationSuppressionSet: (d) =>
    (d.minutes === 0
      ? 'Repeated notices to a client are not limited'
      : `At most one notice to a client per ${plural(d.minutes, 'minute')}`) +
    (d.scenario === null ? '' : ` (scenario ${scenario(d.scenario)})`),
  QuietHoursSet: (d) =>
    d.sendingHours === null
      ? 'Notices are sent at any time'
      : `Notices are sent from ${d.sendingHours.from} to ${d.sendingHours.to}`,
  NotificationSent: (d, c) =>
    `${CHANNEL_NAMES.en[d.channel]} notice to ${phone(d.recipient)}, scenario ${scenario(d.scenario)}` +
    (d.deferred ? `, to be sent ${instant(d.sendAt, c)}` : '') +
    (d.channel === 'sms' ? `, ${count(d.smsSpent)} SMS spent` : ''),
  NotificationSkipped: (d) =>
    `${CHANNEL_NAMES.en[d.channel]} notice to ${phone(d.recipient)}, scenario ${scenario(d.scenario)}, not sent: ` +
    NOT_SENT[d.reason](d.smsNeeded),
  SmartCallbackEnabled: (d) =>
    `Smart callback turned on: window ${plural(d.windowMinutes, 'minute')}, ${price(d.monthlyFee)} a month`,
  SmartCallbackDisabled: () => 'Smart callback turned off',
  SmartCallbackWindowSet: (d) => `Smart callback window: ${plural(d.minutes, 'minute')}`,
  SmartCallbackWindowOpened: (d, c) =>
    `${phone(d.client)} did not answer operator ${phone(d.operator)}: a call back until ${instant(d.expiresAt, c)} goes to them`,
  SmartCallbackWindowClosed: (d) =>
    `Callback window of ${phone(d.client)} to operator ${phone(d.operator)} closed: ` +
    (d.reason === 'answered-call' ? 'they have spoken' : 'its multichannel number was removed'),
  IncomingCallRouted: (d) =>
    d.operator === null
      ? `Call from ${phone(d.client)} to ${phone(d.multichannelNumber)} routed as usual (${ROUTING[d.reason]})`
      : `Call from ${phone(d.client)} to ${phone(d.multichannelNumber)} sent to operator ${phone(d.operator)} (${ROUTING[d.reason]})`,
  CallRegistered: (d) =>
    `${d.direction === 'incoming' ? 'Incoming' : 'Outgoing'}${d.line === 'direct' ? ' direct' : ''} call ` +
    `${d.direction === 'incoming' ? 'from' : 'to'} ${phone(d.client)}` +
    (d.multichannelNumber === null ? '' : ` (multichannel ${phone(d.multichannelNumber)})`) +
    `: ${d.outcome}`,
};
