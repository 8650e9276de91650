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
   * Start of the billing period in which the free (0 ₽) package was last had, bought or renewed
   * automatically: it is had at most once per period.
   */
  freePackagePeriodStart: string | null;
}

/** No SMS. */
export const initialSmsSlice = (): SmsSlice => ({
  balance: 0,
  renewingPackage: null,
  freePackagePeriodStart: null,
});
