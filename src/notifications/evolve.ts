/**
 * Evolutions of this capability (placeholder until implemented).
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import { notificationsEvents } from './events.js';

type Owned = keyof typeof notificationsEvents;

/** Evolutions of this capability, by event type. */
export const notificationsEvolutions: Evolutions<Owned> = Object.fromEntries(
  Object.keys(notificationsEvents).map((type) => [type, () => undefined]),
) as unknown as Evolutions<Owned>;
