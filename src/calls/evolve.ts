/**
 * Evolutions of this capability (placeholder until implemented).
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import { callsEvents } from './events.js';

type Owned = keyof typeof callsEvents;

/** Evolutions of this capability, by event type. */
export const callsEvolutions: Evolutions<Owned> = Object.fromEntries(
  Object.keys(callsEvents).map((type) => [type, () => undefined]),
) as unknown as Evolutions<Owned>;
