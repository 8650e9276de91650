/**
 * A projection folded in place on a private copy of its initial view: the replay-speed path
 * (no immer per event). Nobody else holds the view while it is folded, so mutating it is safe.
 * @module
 */
import type { Draft } from 'immer';
import type { StoredAccountEvent } from '../account/events.js';
import type { Projection } from '../projections/projection.js';

/** A view being folded event by event. */
export interface PrivateFold<View> {
  apply(event: StoredAccountEvent): void;
  /** The view so far (read-only for the caller). */
  readonly view: () => View;
}

/** Starts folding `projection` from its initial view. */
export const privateFold = <View>(projection: Projection<View>): PrivateFold<View> => {
  const view = structuredClone(projection.initial) as Draft<View>;
  return {
    apply: (event) => projection.recipe(view, event),
    view: () => view as View,
  };
};
