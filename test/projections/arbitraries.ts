/**
 * fast-check arbitraries of account histories for projection properties: an opening, then
 * billing-relevant and other events at increasing instants over about three months.
 */
import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import fc from 'fast-check';
import type { AccountEvent } from '../../src/account/events.js';
import { roubles } from '../../src/catalogue/units.js';
import type { Scenario } from '../../src/notifications/scenario.js';
import type { NumberOption } from '../../src/numbers/state.js';
import {
  basicTerms,
  event,
  notificationSent,
  numberAdded,
  numberRemoved,
  opened,
  optionDisabled,
  optionEnabled,
  packAdded,
  packRemoved,
  recordingDisabled,
  recordingEnabled,
  recordingStored,
  smsPurchased,
  telegram,
} from './builders.js';

/** The opening instant of generated histories. */
export const OPENED_AT = Date.parse('2025-01-31T09:00:00+03:00');

const option = fc.constantFrom<NumberOption>('callerId', 'recording', 'shortNumber', 'melody');
const scenario = fc.constantFrom<Scenario>(
  'incoming-missed-call',
  'incoming-visit-card',
  'outgoing-unreached',
  'outgoing-visit-card',
);
const price = fc.constantFrom(roubles(100), roubles(150), roubles(333), 4999);

/** One step: builds an event at `at` (ISO). */
type Step = (at: string, index: number) => AccountEvent;

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.integer({ min: 1, max: 15 }).map(
    (n): Step =>
      (at) =>
        numberAdded(n, at, n % 4 === 0 ? 'added' : 'regular'),
  ),
  fc.integer({ min: 1, max: 15 }).map(
    (n): Step =>
      (at) =>
        numberRemoved(n, at),
  ),
  fc.tuple(option, fc.uniqueArray(fc.integer({ min: 1, max: 15 }), { maxLength: 4 }), price).map(
    ([o, ns, p]): Step =>
      (at) =>
        optionEnabled(o, ns, at, p),
  ),
  fc.tuple(option, fc.uniqueArray(fc.integer({ min: 1, max: 15 }), { maxLength: 4 })).map(
    ([o, ns]): Step =>
      (at) =>
        optionDisabled(o, ns, at),
  ),
  price.map(
    (p): Step =>
      (at) =>
        recordingEnabled(at, p),
  ),
  fc.constant<Step>((at) => recordingDisabled(at)),
  fc.tuple(fc.integer({ min: 1, max: 9 }), price).map(
    ([n, p]): Step =>
      (at) =>
        packAdded(n, at, p),
  ),
  fc.integer({ min: 0, max: 8 }).map(
    (n): Step =>
      (at) =>
        packRemoved(n, at),
  ),
  fc.tuple(scenario, fc.boolean(), price).map(
    ([s, on, p]): Step =>
      (at) =>
        telegram(s, on, at, p),
  ),
  fc.constantFrom([100, 0], [500, roubles(700)], [3000, roubles(3000)]).map(
    ([size, p]): Step =>
      (at) =>
        smsPurchased(size!, p!, size!, at),
  ),
  fc.constant<Step>((at, i) => notificationSent(`call-${i}`, at)),
  fc.integer({ min: 1, max: 50 }).map(
    (mb): Step =>
      (at, i) =>
        recordingStored(`rec-${i}`, mb * 1024 * 1024, at),
  ),
  fc.tuple(fc.boolean(), price).map(
    ([on, p]): Step =>
      (at) =>
        on
          ? event('SmartCallbackEnabled', { windowMinutes: 60, monthlyFee: p }, at)
          : event('SmartCallbackDisabled', {}, at),
  ),
);

const iso = (ms: number): string => new Date(ms).toISOString();

/** A history: the opening, then steps at increasing instants (gaps up to ~5 days, some equal). */
export const history = (maxSteps = 40): fc.Arbitrary<AccountEvent[]> =>
  fc.array(fc.tuple(step, fc.integer({ min: 0, max: 5 * 24 * 60 })), { maxLength: maxSteps }).map((steps) => {
    let at = OPENED_AT;
    const events: AccountEvent[] = [opened(iso(at))];
    steps.forEach(([build, minutes], i) => {
      at += minutes * 60_000;
      events.push(build(iso(at), i));
    });
    return events;
  });

/** The subscription as a generated history has left it: what the next subscription event can be. */
interface Subscription {
  paidUntilMs: number;
  lapsed: boolean;
}

const MOSCOW = 'Europe/Moscow';
const monthAfter = (ms: number): number => addMonths(new TZDate(ms, MOSCOW), 1).getTime();
const tariffs = [
  basicTerms,
  { ...basicTerms, tariffId: 'business', name: 'Бизнес', monthlyFee: roubles(3500) },
];

/** One subscription step at `atMs`, given the subscription so far (it may change nothing). */
type SubscriptionStep = (atMs: number, s: Subscription) => AccountEvent | null;

const subscriptionStep: fc.Arbitrary<SubscriptionStep> = fc.oneof(
  // The scheduler at the end of a period: renews with auto-renewal on, or records the lapse.
  fc.boolean().map(
    (renew): SubscriptionStep =>
      (atMs, s) => {
        if (s.lapsed || atMs < s.paidUntilMs) return null;
        if (!renew) {
          s.lapsed = true;
          return event('SubscriptionLapsed', { paidUntil: iso(s.paidUntilMs) }, iso(atMs), 'system');
        }
        const periodStart = iso(s.paidUntilMs);
        s.paidUntilMs = monthAfter(s.paidUntilMs);
        return event(
          'SubscriptionRenewed',
          { periodStart, paidUntil: iso(s.paidUntilMs), manual: false, restarted: false },
          iso(atMs),
          'system',
        );
      },
  ),
  // A payment: in advance it continues the periods; after paidUntil it starts a new one at once.
  fc.constant<SubscriptionStep>((atMs, s) => {
    // Customers pay at most a few days ahead.
    if (atMs < s.paidUntilMs - 3 * 24 * 3_600_000) return null;
    const late = atMs > s.paidUntilMs;
    const startMs = late ? atMs : s.paidUntilMs;
    s.paidUntilMs = monthAfter(startMs);
    s.lapsed = false;
    return event(
      'SubscriptionRenewed',
      { periodStart: iso(startMs), paidUntil: iso(s.paidUntilMs), manual: true, restarted: late },
      iso(atMs),
    );
  }),
  fc.boolean().map(
    (enabled): SubscriptionStep =>
      (atMs) =>
        event('AutoRenewalSet', { enabled }, iso(atMs)),
  ),
  fc.constantFrom(0, 1).map(
    (t): SubscriptionStep =>
      (atMs) =>
        event('TariffChanged', { previousTariffId: 'basic', tariff: tariffs[t]! }, iso(atMs)),
  ),
);

/**
 * A history with the subscription's life in it: the opening (paid a month ahead, auto-renewal
 * on or off), then steps of {@link history} and subscription steps (renewals on time and late,
 * lapses, auto-renewal switched, tariff changes) at increasing instants, some far apart.
 */
export const billingHistory = (maxSteps = 40): fc.Arbitrary<AccountEvent[]> =>
  fc
    .tuple(
      fc.boolean(),
      fc.array(
        fc.tuple(
          fc.oneof(
            { arbitrary: step.map((s) => ({ billed: s })), weight: 2 },
            { arbitrary: subscriptionStep.map((s) => ({ subscription: s })), weight: 1 },
          ),
          fc.oneof(fc.integer({ min: 0, max: 3 * 24 * 60 }), fc.integer({ min: 0, max: 25 * 24 * 60 })),
        ),
        { maxLength: maxSteps },
      ),
    )
    .map(([autoRenewal, steps]) => {
      let at = OPENED_AT;
      const s: Subscription = { paidUntilMs: monthAfter(at), lapsed: false };
      const events: AccountEvent[] = [opened(iso(at), { paidUntil: iso(s.paidUntilMs), autoRenewal })];
      steps.forEach(([next, minutes], i) => {
        at += minutes * 60_000;
        const built = 'billed' in next ? next.billed(iso(at), i) : next.subscription(at, s);
        if (built !== null) events.push(built);
      });
      return events;
    });
