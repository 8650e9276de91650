/**
 * Evolutions of this capability (placeholder until implemented).
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import { smartCallbackEvents } from './events.js';

type Owned = keyof typeof smartCallbackEvents;

/** Evolutions of this capability, by event type. */
export const smartCallbackEvolutions: Evolutions<Owned> = Object.fromEntries(
  Object.keys(smartCallbackEvents).map((type) => [type, () => undefined]),
) as unknown as Evolutions<Owned>;
