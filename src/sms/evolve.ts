/**
 * Evolutions of this capability (placeholder until implemented).
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import { smsEvents } from './events.js';

type Owned = keyof typeof smsEvents;

/** Evolutions of this capability, by event type. */
export const smsEvolutions: Evolutions<Owned> = Object.fromEntries(
  Object.keys(smsEvents).map((type) => [type, () => undefined]),
) as unknown as Evolutions<Owned>;
