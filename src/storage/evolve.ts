/**
 * Evolutions of this capability (placeholder until implemented).
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import { storageEvents } from './events.js';

type Owned = keyof typeof storageEvents;

/** Evolutions of this capability, by event type. */
export const storageEvolutions: Evolutions<Owned> = Object.fromEntries(
  Object.keys(storageEvents).map((type) => [type, () => undefined]),
) as unknown as Evolutions<Owned>;
