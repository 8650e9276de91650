/**
 * Test fixtures for the tariff and numbers capabilities (the shared core is test/support/account.ts).
 */
import { cmd, OPENED_AT } from '../support/account.js';

export {
  ACCOUNT,
  cmd,
  decider,
  detailsOf,
  evt,
  expectMalformed,
  historyOf,
  OPENED_AT,
} from '../support/account.js';

/** Opens the account on «Базовый» (or `tariffId`) at {@link OPENED_AT}. */
export const openAccount = (
  tariffId = 'basic',
  at = OPENED_AT,
  extra: { timeZone?: string; autoRenewal?: boolean } = {},
) => cmd('OpenAccount', { tariffId, ...extra }, at);
