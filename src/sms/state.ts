/**
 * SMS packages and the balance: the part of the state they own.
 * @module
 */

/** The SMS balance of the account. */
export interface SmsSlice {
  /** SMS available now. */
  balance: number;
  /** The package bought last: it is renewed automatically when SMS run out. */
  renewingPackage: { size: number; price: number } | null;
  /**
   * Start of the subscription period in which the free (0 ₽) package was last renewed
   * automatically: it renews at most once per period (SPEC decision 5).
   */
  freeRenewalPeriodStart: string | null;
}

/** No SMS. */
export const initialSmsSlice = (): SmsSlice => ({
  balance: 0,
  renewingPackage: null,
  freeRenewalPeriodStart: null,
});
