/**
 * fast-check arbitraries of account histories for projection properties: an opening, then
 * billing-relevant and other events at increasing instants over about three months.
 */
import fc from 'fast-check';
import type { AccountEvent } from '../../src/account/events.js';
import { roubles } from '../../src/catalogue/units.js';
import type { Scenario } from '../../src/notifications/scenario.js';
import type { NumberOption } from '../../src/numbers/state.js';
import {
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
