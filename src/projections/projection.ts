/**
 * A projection folds account events into a read model (a "view"). Like the kernel's Decider it
 * is written once, as a mutation recipe `(draft, event) => void`, and run at two speeds:
 * - {@link Projection.fold} runs the recipe on a fresh private view (no immer per event), for a
 *   whole list of events (`project(projection, events)`);
 * - {@link Projection.apply} and {@link Projection.foldOnto} update a view others may hold
 *   through immer, so the view passed in is never changed.
 * Views are plain JSON data. Projections take decided or stored events alike; the instant of an
 * event is `metadata.at`.
 * @module
 */
import type { Draft } from 'immer';
import type { AccountEvent } from '../account/events.js';
import { type DeepReadonly, fold, produceWith, type Recipe } from '../kernel/decider.js';

/** What a projection reads: every account event, decided or stored (stored metadata has more fields). */
export type ProjectedEvent = AccountEvent;

/**
 * A fold of events into a read model, usable over a list and one event at a time. Calling it
 * with a list of events is `fold`: `quotaUsage(events)`.
 */
export interface Projection<View, Event = ProjectedEvent> {
  /** The view of a whole list of events (same as {@link Projection.fold}). */
  (events: Iterable<Event>): View;
  /** A stable name (checkpoints and runners key on it). */
  readonly name: string;
  /** The view before any event (plain JSON data; never mutated). */
  readonly initial: View;
  /** Applies one event to a draft (or a private view) in place. */
  recipe(draft: Draft<View>, event: Event): void;
  /** Applies one event to a view others may hold: returns a new view, `view` is unchanged. */
  apply(view: View, event: Event): View;
  /** Folds a whole list of events onto a fresh private copy of `initial` (replay speed). */
  fold(events: Iterable<Event>): View;
  /** Applies events to a view others may hold, through one immer produce. */
  foldOnto(view: View, events: Iterable<Event>): View;
}

/**
 * Any projection, whatever its view: what runners hold in a set. (Views only come out of it, so
 * a `Projection<V>` of any `V` is one.)
 */
export interface AnyProjection<Event = ProjectedEvent> {
  /** The projection's name (a checkpoint key). */
  readonly name: string;
  /** The view before any event. */
  readonly initial: unknown;
  /** Applies one event to a private view in place. */
  recipe(draft: never, event: Event): void;
  /** The view after one event; the view passed in is left unchanged. */
  apply(view: never, event: Event): unknown;
  /** Folds a whole history onto a fresh view. */
  fold(events: Iterable<Event>): unknown;
  /** Applies events to a view others may hold; returns a new view. */
  foldOnto(view: never, events: Iterable<Event>): unknown;
}

/** The view type of a projection. */
export type ViewOf<P> = P extends Projection<infer View, infer _E> ? View : never;

/**
 * Builds a {@link Projection} from a mutable view type `V`, its initial value and a recipe. The
 * projection's views are `DeepReadonly<V>`: callers read them, only recipes change them.
 */
export const createProjection = <V, Event = ProjectedEvent>(definition: {
  readonly name: string;
  readonly initial: V;
  readonly recipe: (draft: V, event: Event) => void;
}): Projection<DeepReadonly<V>, Event> => {
  type View = DeepReadonly<V>;
  const recipe = definition.recipe as unknown as Recipe<View, Event>;
  const initial = definition.initial as unknown as View;
  const foldAll = (events: Iterable<Event>): View => fold(recipe, initial, events);
  const projection = (events: Iterable<Event>): View => foldAll(events);
  // A function's own `name` is read-only: define it rather than assign it.
  Object.defineProperty(projection, 'name', { value: definition.name });
  return Object.assign(projection, {
    initial,
    recipe,
    apply: (view: View, event: Event): View => produceWith(recipe, view, [event]),
    fold: foldAll,
    foldOnto: (view: View, events: Iterable<Event>): View => produceWith(recipe, view, events),
  }) as Projection<View, Event>;
};

/** Folds a list of events into a projection's view, at replay speed. */
export const project = <View, Event>(projection: Projection<View, Event>, events: Iterable<Event>): View =>
  projection.fold(events);
