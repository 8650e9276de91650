/**
 * Paying for SMS notices out of the balance, renewing the selected package when it runs short
 * (SPEC 2.4, decision 5). Used by decisions that send SMS, on a decision-local ledger.
 * @module
 */
import { type DecisionContext, eventOf } from '../account/decision.js';
import type { AccountEvent } from '../account/events.js';
import type { AccountState } from '../account/state.js';
import { catalogueSmsPackage, chargePeriodStart } from './packages.js';

/** The balance as one decision spends it: a local copy, never the state. */
export interface SmsLedger {
  balance: number;
  /** The package that renews, at the price in effect now (the catalogue's, else the one paid). */
  readonly renewing: { readonly size: number; readonly price: number } | null;
  /** Whether the free package may still renew automatically in this period. */
  freeRenewalAvailable: boolean;
  readonly periodStart: string;
}

/** Opens a ledger on the account's balance. */
export const openSmsLedger = (state: AccountState, context: DecisionContext): SmsLedger => {
  const selected = state.sms.renewingPackage;
  const periodStart = chargePeriodStart(state, context);
  const lastFree = state.sms.freeRenewalPeriodStart;
  const offer = selected === null ? undefined : catalogueSmsPackage(context, selected.size);
  return {
    balance: state.sms.balance,
    renewing: selected === null ? null : { size: selected.size, price: offer?.price ?? selected.price },
    freeRenewalAvailable: lastFree === null || Date.parse(lastFree) !== Date.parse(periodStart),
    periodStart,
  };
};

/**
 * Takes `need` SMS off the ledger, first renewing the selected package as often as it takes
 * (each renewal a charged `SmsPackagePurchased` appended to `out`). The free package renews at
 * most once per period, and only if that covers the need. Returns `false`, changing nothing,
 * when the SMS cannot be paid: a message is sent whole or not at all.
 */
export const paySms = (
  ledger: SmsLedger,
  need: number,
  context: DecisionContext,
  out: AccountEvent[],
): boolean => {
  if (ledger.balance >= need) {
    ledger.balance -= need;
    return true;
  }
  const renewing = ledger.renewing;
  if (renewing === null) return false;
  let renewals: number;
  if (renewing.price === 0) {
    if (!ledger.freeRenewalAvailable || ledger.balance + renewing.size < need) return false;
    ledger.freeRenewalAvailable = false;
    renewals = 1;
  } else renewals = Math.ceil((need - ledger.balance) / renewing.size);
  for (let i = 0; i < renewals; i++) {
    ledger.balance += renewing.size;
    out.push(
      eventOf(
        'SmsPackagePurchased',
        {
          size: renewing.size,
          price: renewing.price,
          reason: 'auto-renewal',
          balanceAfter: ledger.balance,
          periodStart: ledger.periodStart,
        },
        context,
      ),
    );
  }
  ledger.balance -= need;
  return true;
};
