/**
 * Billing over a generated history: the `billing` projection folded over the log (also in two
 * halves, incrementally), statements of the billing calendar from the opening period to the one
 * after the last event, and the monthly fee. Lines are never negative, amounts are what the rule
 * says (`unitPrice × Σ daily quantities / days`, half up, recomputed here with BigInt), they add
 * up to the total, one tariff is billed on every day paid for and nothing on a lapsed one (the
 * tariff days of a period are its days minus its lapsed days), and what the bill counts matches
 * the account state.
 */
import type { AccountEvent } from '../../../src/account/events.js';
import type { AccountState } from '../../../src/account/state.js';
import { type Billing, billing } from '../../../src/projections/billing.js';
import { billingPeriodAt } from '../../../src/projections/billing-calendar.js';
import { monthlyFee } from '../../../src/projections/billing-fee.js';
import { type Statement, statementByIndex } from '../../../src/projections/billing-statement.js';
import { firstDifference } from './compare.js';
import { fail } from './event-checks.js';

const isAmount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** `a / b` rounded half up, exactly. */
const halfUp = (a: bigint, b: bigint): bigint => (2n * a + b) / (2n * b);

const checkStatement = (s: Statement): void => {
  const billed = s.status === 'paid' || s.status === 'forecast';
  if (s.lapsedDays !== (s.status === 'lapsed' ? s.period.days : 0))
    fail(`period ${s.period.index} (${s.status}): ${s.lapsedDays} lapsed days of ${s.period.days}`);
  // A lapse bills no monthly line; a package bought before `paidUntil` on the lapse's first day
  // (the day it ends, while still paid) is the only charge it can hold.
  for (const line of s.lines) {
    if (!billed && (line.kind === 'monthly' || line.day !== s.period.firstDay))
      fail(`period ${s.period.index} (${s.status}) bills ${line.key}`);
  }
  const tariffDays = new Array<number>(s.period.days).fill(0);
  let total = 0;
  for (const line of s.lines) {
    if (!isAmount(line.amount) || !isAmount(line.unitPrice))
      fail(`statement line ${line.key}: ${line.amount}`);
    total += line.amount;
    if (line.kind === 'one-off') {
      if (line.amount !== line.unitPrice)
        fail(`one-off ${line.key} charged ${line.amount} ≠ ${line.unitPrice}`);
      continue;
    }
    if (line.daily.length !== s.period.days || line.days !== s.period.days) fail(`${line.key}: days`);
    let sum = 0;
    line.daily.forEach((q, d) => {
      if (!isAmount(q)) fail(`${line.key}: a day with quantity ${q}`);
      if (line.item === 'tariff') tariffDays[d] = tariffDays[d]! + q;
      sum += q;
    });
    if (sum !== line.quantityDays) fail(`${line.key}: Σ daily ${sum} ≠ ${line.quantityDays}`);
    const expected = halfUp(BigInt(line.unitPrice) * BigInt(sum), BigInt(line.days));
    if (BigInt(line.amount) !== expected) fail(`${line.key}: amount ${line.amount} ≠ ${expected}`);
  }
  if (total !== s.total) fail(`period ${s.period.index}: lines add up to ${total}, total says ${s.total}`);
  if (billed && tariffDays.some((q) => q !== 1))
    fail(`period ${s.period.index}: tariff days ${tariffDays.join(',')}, one a day expected`);
};

/** Units the bill counts for an item now (Σ over its lines, at any price). */
const unitsOf = (view: Billing, item: string, detail: string | null = null): number => {
  let units = 0;
  for (const line of Object.values(view.lines))
    if (line.item === item && (detail === null || line.detail === detail)) units += line.quantity;
  return units;
};

const checkAgainstState = (view: Billing, state: AccountState): void => {
  const terms = state.tariff.terms;
  if (terms === null) return;
  const users = Object.values(state.numbers.users);
  const expected: [string, string | null, number][] = [
    ['tariff', null, 1],
    ['storage-packs', null, state.storage.packs.length],
    ['recording', null, state.recording.enabled ? 1 : 0],
    ['smart-callback', null, state.smartCallback.enabled ? 1 : 0],
    ['telegram', null, Object.values(state.notifications.scenarios).filter((s) => s.telegram).length],
    [
      'extra-employees',
      null,
      Math.max(0, users.filter((u) => u.kind === 'regular').length - terms.includedEmployees),
    ],
    [
      'extra-multichannel',
      null,
      Math.max(0, state.numbers.multichannel.length - terms.includedMultichannelNumbers),
    ],
  ];
  for (const option of ['callerId', 'recording', 'shortNumber', 'melody'] as const)
    expected.push(['number-option', option, users.filter((u) => u[option] !== null).length]);
  for (const [item, detail, units] of expected) {
    const billed = unitsOf(view, item, detail);
    if (billed !== units)
      fail(`the bill counts ${billed} × ${item}${detail ? `:${detail}` : ''}, the account has ${units}`);
  }
};

/**
 * Checks billing over `log`; `state` is the account the log built, `lastMs` the last instant.
 * A statement costs about a millisecond (a calendar of the period in the account's zone), so
 * `statements` says whether to check two of them: the period of the last event and one chosen
 * from the log's length among the opening one to the one after the last.
 */
export const checkBilling = (
  log: readonly AccountEvent[],
  state: AccountState,
  lastMs: number,
  statements: boolean,
): void => {
  const view = billing.fold(log);
  const half = Math.floor(log.length / 2);
  const resumed = billing.foldOnto(billing.fold(log.slice(0, half)), log.slice(half));
  const difference = firstDifference(resumed, view);
  if (difference !== undefined) fail(`billing folded in two halves differs at ${difference}`);
  const fee = monthlyFee(view);
  let total = 0;
  for (const line of fee.lines) {
    if (!isAmount(line.amount) || line.amount !== line.unitPrice * line.quantity)
      fail(`fee line ${line.key}`);
    total += line.amount;
  }
  if (total !== fee.total) fail(`monthly fee lines add up to ${total}, total says ${fee.total}`);
  checkAgainstState(view, state);
  const lastPeriod = billingPeriodAt(view, lastMs);
  if (lastPeriod === null || !statements) return;
  const last = Math.max(0, lastPeriod.period.index);
  for (const k of new Set([last, log.length % (last + 2)])) {
    const s = statementByIndex(view, k);
    if (s === null) fail('no statement for an opened account');
    else checkStatement(s);
  }
};
