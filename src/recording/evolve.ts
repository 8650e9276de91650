/**
 * Evolutions of this capability (placeholder until implemented).
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import { recordingEvents } from './events.js';

type Owned = keyof typeof recordingEvents;

/** Evolutions of this capability, by event type. */
export const recordingEvolutions: Evolutions<Owned> = Object.fromEntries(
  Object.keys(recordingEvents).map((type) => [type, () => undefined]),
) as unknown as Evolutions<Owned>;
