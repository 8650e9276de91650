/**
 * Evolutions of this capability (placeholder until implemented).
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import { numbersEvents } from './events.js';

type Owned = keyof typeof numbersEvents;

/** Evolutions of this capability, by event type. */
export const numbersEvolutions: Evolutions<Owned> = Object.fromEntries(
  Object.keys(numbersEvents).map((type) => [type, () => undefined]),
) as unknown as Evolutions<Owned>;
