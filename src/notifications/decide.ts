/**
 * Decisions of customer notifications after calls (the notices themselves are decided by
 * `RegisterCall`, in `calls`).
 * @module
 */
import type { Decisions } from '../account/decision.js';
import type { notificationsCommands } from './commands.js';
import { decideConfigureNotification } from './configure.js';
import {
  decideSetNotificationSuppression,
  decideSetQuietHours,
  decideSetVisitCardPeriod,
} from './settings.js';

type Owned = keyof typeof notificationsCommands;

/** Decisions of this capability, by command type. */
export const notificationsDecisions: Decisions<Owned> = {
  ConfigureNotification: decideConfigureNotification,
  SetVisitCardPeriod: decideSetVisitCardPeriod,
  SetNotificationSuppression: decideSetNotificationSuppression,
  SetQuietHours: decideSetQuietHours,
};
