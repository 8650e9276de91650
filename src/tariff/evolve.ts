/**
 * Evolutions of this capability (placeholder until implemented).
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import { tariffEvents } from './events.js';

type Owned = keyof typeof tariffEvents;

/** Evolutions of this capability, by event type. */
export const tariffEvolutions: Evolutions<Owned> = Object.fromEntries(
  Object.keys(tariffEvents).map((type) => [type, () => undefined]),
) as unknown as Evolutions<Owned>;
