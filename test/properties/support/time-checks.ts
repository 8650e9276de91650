/**
 * Time and the subscription over random histories: every accepted command is stamped at or
 * after the account's latest event, one stamped before it is refused (`InstantOutOfOrder`) and
 * changes nothing, and while the subscription is lapsed no paid service runs: no notice goes
 * out, no SMS is spent or bought, nothing that starts a charge is recorded. The lapse is
 * computed here from the state's own fields, independently of the domain's helper.
 */
import { type Either, isLeft } from 'fp-ts/lib/Either.js';
import type { AccountCommand } from '../../../src/account/commands.js';
import type { AccountEvent } from '../../../src/account/events.js';
import type { AccountState } from '../../../src/account/state.js';
import { fail } from './event-checks.js';

/**
 * `stampMs` is the command's instant, `latestMs` the instant of the latest event so far. On an
 * opened account, a command of this account is refused `InstantOutOfOrder` exactly when it is
 * stamped before the latest event; an accepted one is never stamped before it.
 */
export const checkTimeOrder = (
  command: AccountCommand,
  state: AccountState,
  decision: Either<{ code: string; details: unknown }, readonly AccountEvent[]>,
  stampMs: number,
  latestMs: number,
): void => {
  const early = stampMs < latestMs;
  if (!isLeft(decision)) {
    if (early) fail(`${command.type} accepted at ${command.metadata.at}, before the latest event`);
    return;
  }
  const refusedAsEarly = decision.left.code === 'InstantOutOfOrder';
  const applies =
    command.type !== 'OpenAccount' &&
    state.tariff.accountId !== null &&
    state.tariff.accountId === command.metadata.accountId;
  if (refusedAsEarly && !early)
    fail(`InstantOutOfOrder at ${command.metadata.at}, not before the latest event`);
  if (applies && early && !refusedAsEarly)
    fail(
      `${command.type} stamped before the latest event refused ${decision.left.code}, not InstantOutOfOrder`,
    );
  if (refusedAsEarly) {
    const details = decision.left.details as { latest?: unknown; at?: unknown };
    if (details.at !== command.metadata.at || details.latest !== state.timeline.latestAt)
      fail('InstantOutOfOrder does not name both instants');
  }
};

const lapsedAt = (state: AccountState, atMs: number): boolean => {
  const subscription = state.tariff.subscription;
  if (subscription === null) return false;
  return (
    subscription.status === 'lapsed' ||
    (!subscription.autoRenewal && atMs >= Date.parse(subscription.paidUntil))
  );
};

const employees = (state: AccountState): number =>
  Object.values(state.numbers.users).filter((user) => user.kind === 'regular').length;

/** Why `event` is a paid service running, given the state before the decision, or `undefined`. */
const paidServiceIn = (before: AccountState, event: AccountEvent): string | undefined => {
  switch (event.type) {
    case 'NotificationSent':
    case 'SmsPackagePurchased':
    case 'StoragePackAdded':
    case 'NumberOptionEnabled':
    case 'RecordingEnabled':
    case 'SmartCallbackEnabled':
    case 'SmartCallbackWindowOpened':
    case 'RecordingStored':
      return event.type;
    case 'IncomingCallRouted':
      return event.data.operator === null ? undefined : 'a call routed by smart callback';
    case 'NotificationConfigured':
      return event.data.telegram && !before.notifications.scenarios[event.data.scenario].telegram
        ? 'Telegram turned on'
        : undefined;
    case 'MultichannelNumberAdded': {
      const included = before.tariff.terms?.includedMultichannelNumbers ?? 0;
      return before.numbers.multichannel.length >= included ? 'an extra МКН' : undefined;
    }
    case 'NumberAdded': {
      const included = before.tariff.terms?.includedEmployees ?? 0;
      return event.data.kind === 'regular' && employees(before) >= included ? 'an extra employee' : undefined;
    }
    case 'NotificationSkipped':
      return event.data.reason === 'subscription-lapsed'
        ? undefined
        : `a notice skipped for ${event.data.reason}`;
    default:
      return undefined;
  }
};

/** While lapsed at the command's instant, no event of the decision is a paid service running. */
export const checkSuspended = (
  before: AccountState,
  command: AccountCommand,
  events: readonly AccountEvent[],
): void => {
  if (!lapsedAt(before, Date.parse(command.metadata.at))) return;
  for (const event of events) {
    // A payment ends the lapse: what follows it in the same decision is paid for.
    if (event.type === 'SubscriptionRenewed') return;
    const service = paidServiceIn(before, event);
    if (service !== undefined) fail(`${service} while the subscription is lapsed (${command.type})`);
  }
};
