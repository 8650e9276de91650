/**
 * Paying for SMS notices out of the balance, renewing the selected package when it runs short
 * (paid packages whenever needed, the free one at most once per billing period, a message whole or
 * not at all). Used by decisions that send SMS, on a decision-local ledger.
 * @module
 */
import { type DecisionContext, eventOf } from '../account/decision.js';
import type { AccountEvent } from '../account/events.js';
import type { AccountState } from '../account/state.js';
import { catalogueSmsPackage, chargePeriod, freePackageHadIn } from './packages.js';

/** The balance as one decision spends it: a local copy, never the state. */
export interface SmsLedger {
  balance: number;
  /** The package that renews, at the price in effect now (the catalogue's, else the one paid). */
  readonly renewing: { readonly size: number; readonly price: number } | null;
  /** Whether the free package may still be had (renewed automatically) in this period. */
  freeRenewalAvailable: boolean;
  readonly periodStart: string;
}

/**
 * Opens a ledger on the account's balance. The billing period (and whether the free package was
 * had in it) is looked up when a renewal first needs it: past the paid periods it takes calendar
 * arithmetic in the account's time zone, and most sends are paid out of the balance.
 */
export const openSmsLedger = (state: AccountState, context: DecisionContext): SmsLedger => {
  const selected = state.sms.renewingPackage;
  const offer = selected === null ? undefined : catalogueSmsPackage(context, selected.size);
  let periodStart: string | undefined;
  let freeRenewalAvailable: boolean | undefined;
  return {
    balance: state.sms.balance,
    renewing: selected === null ? null : { size: selected.size, price: offer?.price ?? selected.price },
    get periodStart(): string {
      periodStart ??= chargePeriod(state, context).start;
      return periodStart;
    },
    get freeRenewalAvailable(): boolean {
      freeRenewalAvailable ??= !freePackageHadIn(state, this.periodStart);
      return freeRenewalAvailable;
    },
    set freeRenewalAvailable(available: boolean) {
      freeRenewalAvailable = available;
    },
  };
};

/**
 * Why SMS could not be paid: none left and no package that could renew to cover them, or the
 * free package, which would cover them, was already had in this billing period.
 */
export type SmsShortfall = 'sms-balance-exhausted' | 'free-sms-package-used';

/**
 * Takes `need` SMS off the ledger, first renewing the selected package as often as it takes
 * (each renewal a charged `SmsPackagePurchased` appended to `out`). The free package is had at
 * most once per billing period (bought or renewed), and renews only if that covers the need.
 * Returns `undefined` when paid, else the shortfall, changing nothing: a message is sent whole
 * or not at all.
 */
export const paySms = (
  ledger: SmsLedger,
  need: number,
  context: DecisionContext,
  out: AccountEvent[],
): SmsShortfall | undefined => {
  if (ledger.balance >= need) {
    ledger.balance -= need;
    return undefined;
  }
  const renewing = ledger.renewing;
  if (renewing === null) return 'sms-balance-exhausted';
  let renewals: number;
  if (renewing.price === 0) {
    if (ledger.balance + renewing.size < need) return 'sms-balance-exhausted';
    if (!ledger.freeRenewalAvailable) return 'free-sms-package-used';
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
  return undefined;
};
