/**
 * Decisions of the account, its tariff and subscription.
 * @module
 */
import type { Decisions } from '../account/decision.js';
import { decideChangeTariff } from './change-tariff.js';
import type { tariffCommands } from './commands.js';
import { decideOpenAccount } from './open-account.js';
import { decideRenewSubscription, decideSetAutoRenewal } from './subscription.js';

/** Decisions of this capability, by command type. */
export const tariffDecisions: Decisions<keyof typeof tariffCommands> = {
  OpenAccount: decideOpenAccount,
  ChangeTariff: decideChangeTariff,
  SetAutoRenewal: decideSetAutoRenewal,
  RenewSubscription: decideRenewSubscription,
};
