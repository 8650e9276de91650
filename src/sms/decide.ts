/**
 * Decisions of SMS packages.
 * @module
 */
import type { Decisions } from '../account/decision.js';
import type { smsCommands } from './commands.js';
import { decidePurchaseSmsPackage } from './purchase.js';

type Owned = keyof typeof smsCommands;

/** Decisions of this capability, by command type. */
export const smsDecisions: Decisions<Owned> = {
  PurchaseSmsPackage: decidePurchaseSmsPackage,
};
